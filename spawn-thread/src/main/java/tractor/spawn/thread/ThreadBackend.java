package tractor.spawn.thread;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import tractor.sc.ClosedResourceException;
import tractor.spawn.spi.ChildHandle;
import tractor.spawn.spi.SpawnBackend;
import tractor.spawn.spi.SpawnException;
import tractor.spawn.spi.SpawnRequest;

/**
 * Runs every child on a new thread named after the actor (virtual, or a daemon platform thread when
 * isolated), and keeps the ones still
 * running so that {@link #close()} can stop them. The request's environment and JVM options do not
 * apply to a thread and are ignored.
 */
final class ThreadBackend implements SpawnBackend {
    private final Set<ThreadChild> running = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    @Override
    public String name() {
        return ThreadBackendProvider.NAME;
    }

    /**
     * Starts the child's thread.
     *
     * @throws SpawnException          when the option {@code classLoader} has an unknown value, the
     *                                 isolated main class cannot be loaded, or no thread can be started
     * @throws ClosedResourceException when this backend was closed
     */
    @Override
    public ChildHandle spawn(SpawnRequest request) {
        if (closed) throw new ClosedResourceException("thread backend is closed; cannot spawn \"" + request.actorName() + "\"");
        ThreadChild child = new ThreadChild(request.actorName(), entry(request), request.args(), !isolated(request));
        running.add(child);
        child.onExit().whenComplete((s, e) -> running.remove(child));
        try {
            child.start();
        } catch (OutOfMemoryError | RuntimeException e) {
            running.remove(child);
            throw new SpawnException("thread backend: cannot start a thread for child \"" + request.actorName() + "\" (" + e + ")", e);
        }
        return child;
    }

    private static boolean isolated(SpawnRequest request) {
        return "isolated".equals(request.options().get("classLoader"));
    }

    private static Consumer<List<String>> entry(SpawnRequest request) {
        String loader = request.options().getOrDefault("classLoader", "shared");
        return switch (loader) {
            case "shared" -> {
                if (request.entry().inJvm() == null)
                    throw new SpawnException("thread backend: child \"" + request.actorName() + "\" has no in-JVM entry (" + request.entry() + ")");
                yield request.entry().inJvm();
            }
            case "isolated" -> IsolatedEntry.of(request.actorName(), request.entry());
            default -> throw new SpawnException("thread backend: option classLoader=\"" + loader
                    + "\" for child \"" + request.actorName() + "\" is neither \"shared\" nor \"isolated\"");
        };
    }

    /**
     * Hard-stops every child still running and waits for each at most
     * {@link SpawnRequest#DEFAULT_STOP_GRACE}; a child that ignores interrupts is reported on standard
     * error and left running (a thread cannot be killed). Idempotent.
     */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        List<ThreadChild> children = List.copyOf(running);
        children.forEach(ThreadChild::hardStop);
        for (ThreadChild c : children) {
            try {
                if (!c.waitFor(SpawnRequest.DEFAULT_STOP_GRACE)) System.err.println("tractor: " + c.describe());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public String toString() {
        return "ThreadBackend[" + running.size() + " running" + (closed ? ", closed]" : "]");
    }
}
