package tractor.spawn.process;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tractor.sc.ClosedResourceException;
import tractor.spawn.spi.ChildHandle;
import tractor.spawn.spi.SpawnBackend;
import tractor.spawn.spi.SpawnException;
import tractor.spawn.spi.SpawnRequest;

/**
 * Starts every child as a new JVM ({@link ChildCommand}) and keeps the ones still running, so that
 * none outlives this backend: {@link #close()} kills and reaps them, and a JVM shutdown hook kills
 * them if this JVM exits with the backend still open. Both are belts and braces: the primary
 * mechanism is the child's stdin pipe, which reads end of file as soon as this JVM is gone.
 */
final class ProcessBackend implements SpawnBackend {
    private final ChildCommand command;
    private final Set<ProcessChild> running = ConcurrentHashMap.newKeySet();
    private final Thread shutdownHook = Thread.ofPlatform().name("tractor-spawn process shutdown").unstarted(this::killAll);
    private volatile boolean closed;

    ProcessBackend() {
        this(new ChildCommand());
    }

    ProcessBackend(ChildCommand command) {
        this.command = command;
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    @Override
    public String name() {
        return ProcessBackendProvider.NAME;
    }

    /**
     * Starts a child JVM.
     *
     * @throws SpawnException            when the command cannot be built or the process cannot start
     * @throws ClosedResourceException   when this backend was closed
     */
    @Override
    public ChildHandle spawn(SpawnRequest request) {
        if (closed) throw new ClosedResourceException("process backend is closed; cannot spawn \"" + request.actorName() + "\"");
        List<String> cmd = command.build(request);
        ProcessBuilder pb = new ProcessBuilder(cmd); // stdin, stdout and stderr are pipes
        pb.environment().putAll(request.environment());
        Process process;
        try {
            process = pb.start();
        } catch (IOException | RuntimeException e) {
            throw new SpawnException("process backend: cannot start child \"" + request.actorName() + "\": step start of "
                    + cmd.getFirst() + " failed (" + e.getMessage() + "); command: " + cmd, e);
        }
        ProcessChild child = new ProcessChild(request.actorName(), process);
        running.add(child);
        child.start().onExit().whenComplete((s, e) -> running.remove(child));
        if (closed) child.hardStop(); // raced with close(): it must not survive
        return child;
    }

    /** Kills every child still running and waits for each to be reaped (bounded); idempotent. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs anyway
        }
        killAll();
    }

    private void killAll() {
        List<ProcessChild> children = List.copyOf(running);
        children.forEach(ProcessChild::hardStop);
        for (ProcessChild c : children) {
            try {
                if (!c.waitFor(SpawnRequest.DEFAULT_STOP_GRACE))
                    System.err.println("tractor: " + c.describe() + " still running " + SpawnRequest.DEFAULT_STOP_GRACE + " after SIGKILL");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public String toString() {
        return "ProcessBackend[" + running.size() + " running" + (closed ? ", closed]" : "]");
    }
}
