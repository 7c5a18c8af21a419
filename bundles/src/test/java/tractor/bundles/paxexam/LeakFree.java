package tractor.bundles.paxexam;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.rules.TestRule;
import org.junit.runner.Description;
import org.junit.runners.model.Statement;

/**
 * The JUnit 4 counterpart of the testkit's leak check (which is a Jupiter extension and does not see
 * these tests): after each test, every platform thread and child process the test started must end
 * within {@link #GRACE_MILLIS}; waited for with {@link Thread#join(long)} and
 * {@link ProcessHandle#onExit()}, then the test fails naming what is left. Runs inside the framework,
 * after Pax Exam started it, so the framework's own threads predate the snapshot.
 */
final class LeakFree implements TestRule {
    static final long GRACE_MILLIS = 3_000;

    /** JVM-wide infrastructure that lives as long as the JVM by design (the same list as the testkit's). */
    private static final Pattern SHARED = Pattern.compile(
            "ForkJoinPool.*|process reaper.*|tractor-sc-deadlines|tractor-heartbeats|VirtualThread-un(parker|blocker)|.*-Poller|MasterPoller"
                    + "|Common-Cleaner|Attach Listener|Notification Thread|JFR.*|Signal Dispatcher");

    @Override
    public Statement apply(Statement base, Description description) {
        return new Statement() {
            @Override
            public void evaluate() throws Throwable {
                Set<Long> threads = Thread.getAllStackTraces().keySet().stream().map(Thread::threadId).collect(Collectors.toSet());
                Set<Long> processes = ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
                base.evaluate();
                List<String> left = leftovers(threads, processes);
                if (!left.isEmpty()) throw new AssertionError(description.getMethodName() + " left running: " + left);
            }
        };
    }

    static List<String> leftovers(Set<Long> threads, Set<Long> processes) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GRACE_MILLIS);
        List<String> left = new ArrayList<>();
        for (ProcessHandle p : ProcessHandle.current().descendants().filter(p -> !processes.contains(p.pid())).toList()) {
            try {
                p.onExit().get(remaining(until), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                left.add("process " + p.pid() + " " + p.info().commandLine().orElse("?"));
                p.destroyForcibly();
            }
        }
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (threads.contains(t.threadId()) || t == Thread.currentThread() || SHARED.matcher(t.getName()).matches()) continue;
            t.join(remaining(until));
            if (t.isAlive()) left.add("thread \"" + t.getName() + "\" (" + t.getState() + ")");
        }
        return left;
    }

    private static long remaining(long until) {
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime()));
    }
}
