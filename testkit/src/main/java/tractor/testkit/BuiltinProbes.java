package tractor.testkit;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The probes every test gets: non-daemon platform threads, child processes, sc tasks. */
final class BuiltinProbes {
    private BuiltinProbes() {}

    static List<LeakProbe> all() {
        return List.of(new Threads(), new Processes(), new ScTasks(), new SocketFiles());
    }

    /**
     * Platform threads started by the test and still alive, daemon or not, except the JDK's and the
     * library's shared infrastructure (virtual-thread carriers and pollers, the process reaper, the
     * deadline and heartbeat timers), which live as long as the JVM by design.
     */
    static final class Threads implements LeakProbe {
        private static final java.util.regex.Pattern SHARED = java.util.regex.Pattern.compile(
                "ForkJoinPool.*|process reaper.*|tractor-sc-deadlines|tractor-heartbeats|VirtualThread-un(parker|blocker)|.*-Poller|MasterPoller|Common-Cleaner"
                        + "|Attach Listener|Notification Thread|surefire-forkedjvm.*|JFR.*|Signal Dispatcher");

        @Override public String name() { return "threads"; }

        @Override public Object snapshot() {
            return Thread.getAllStackTraces().keySet().stream().map(Thread::threadId).collect(Collectors.toSet());
        }

        @Override public List<String> leaked(Object before) {
            Set<?> old = (Set<?>) before;
            return Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.isAlive() && !old.contains(t.threadId()) && !SHARED.matcher(t.getName()).matches())
                    .filter(t -> t != Thread.currentThread())
                    .map(t -> t.getName() + " (" + t.getState() + ")")
                    .toList();
        }
    }

    /** Descendant processes started by the test and still alive. */
    static final class Processes implements LeakProbe {
        @Override public String name() { return "child processes"; }

        @Override public Object snapshot() {
            return ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
        }

        @Override public List<String> leaked(Object before) {
            Set<?> old = (Set<?>) before;
            return ProcessHandle.current().descendants()
                    .filter(p -> p.isAlive() && !old.contains(p.pid()))
                    .map(p -> p.pid() + " " + p.info().commandLine().orElse("?"))
                    .toList();
        }

        @Override public void cleanUp(Object before) {
            Set<?> old = (Set<?>) before;
            ProcessHandle.current().descendants().filter(p -> !old.contains(p.pid())).forEach(ProcessHandle::destroyForcibly);
        }
    }

    /**
     * Tasks of {@code tractor.sc} still running. Looked up reflectively so that the test kit does not
     * depend on the module it tests; absent when {@code tractor.sc} is not loaded.
     */
    static final class ScTasks implements LeakProbe {
        private final Method liveTasks = find();

        private static Method find() {
            try {
                return Class.forName("tractor.sc.Diagnostics").getMethod("liveTaskNames");
            } catch (ReflectiveOperationException | LinkageError e) {
                return null;
            }
        }

        @Override public String name() { return "sc tasks"; }

        @Override public Object snapshot() { return names(); }

        @Override public List<String> leaked(Object before) {
            List<String> now = new ArrayList<>(names());
            for (Object o : (Collection<?>) before) now.remove(o);
            return now;
        }

        private List<String> names() {
            if (liveTasks == null) return List.of();
            try {
                return ((Collection<?>) liveTasks.invoke(null)).stream().map(String::valueOf).toList();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read tractor.sc.Diagnostics", e);
            }
        }
    }

    /**
     * Unix socket files left in the directory named by the system property {@code tractor.runtime.dir}
     * (the build points every test JVM at one under {@code target/}); nothing is checked without it.
     */
    static final class SocketFiles implements LeakProbe {
        @Override public String name() { return "socket files"; }

        private static java.util.Set<java.nio.file.Path> files() {
            String dir = System.getProperty("tractor.runtime.dir");
            if (dir == null) return java.util.Set.of();
            try (var s = java.nio.file.Files.list(java.nio.file.Path.of(dir))) {
                return s.filter(p -> p.toString().endsWith(".sock")).collect(Collectors.toSet());
            } catch (java.io.IOException e) {
                return java.util.Set.of();
            }
        }

        @Override public Object snapshot() { return files(); }

        @Override public List<String> leaked(Object before) {
            Set<?> old = (Set<?>) before;
            return files().stream().filter(f -> !old.contains(f)).map(Object::toString).sorted().toList();
        }

        @Override public void cleanUp(Object before) {
            for (String f : leaked(before)) {
                try {
                    java.nio.file.Files.deleteIfExists(java.nio.file.Path.of(f));
                } catch (java.io.IOException ignored) {
                    // best effort
                }
            }
        }
    }
}
