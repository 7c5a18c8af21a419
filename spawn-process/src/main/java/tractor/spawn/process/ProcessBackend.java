package tractor.spawn.process;

import java.io.IOException;
import java.util.List;
import java.util.Map;
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
 * mechanism is the child's stdin pipe, which reads end of file as soon as this JVM is gone. Pooled JVMs
 * waiting for a spawn ({@link WarmPool}) are children like the others.
 */
final class ProcessBackend implements SpawnBackend {
    private final ChildCommand command;
    private final Set<ProcessChild> running = ConcurrentHashMap.newKeySet();
    private final WarmPool pool = new WarmPool(this::startPooled);
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
     * A request with the option {@code warmPool=<n>} is served from a pool of {@code n} pre-started JVMs
     * of its shape when one is idle ({@link WarmPool}), else started cold while the pool fills.
     *
     * @throws SpawnException            when the command cannot be built or the process cannot start
     * (also when {@code warmPool} is not an integer in [0, 64])
     * @throws ClosedResourceException   when this backend was closed
     */
    @Override
    public ChildHandle spawn(SpawnRequest request) {
        if (closed) throw new ClosedResourceException("process backend is closed; cannot spawn \"" + request.actorName() + "\"");
        int poolSize = WarmPool.size(request.options());
        byte[] startLine = poolSize > 0 ? PoolMain.startLine(request.args()) : null;
        if (startLine != null) {
            WarmPool.Shape shape = new WarmPool.Shape(command.buildPooled(request), request.environment());
            ProcessChild pooled = pool.take(shape, poolSize, request.actorName(), startLine).orElse(null);
            if (pooled != null) return pooled;
        }
        return start(request.actorName(), command.build(request), request.environment());
    }

    /** Starts one pooled JVM of {@code shape} (the pool's starter). */
    private ProcessChild startPooled(WarmPool.Shape shape) {
        if (closed) throw new ClosedResourceException("process backend is closed; the warm pool is not refilled");
        return start("pool", shape.command(), shape.environment());
    }

    private ProcessChild start(String actorName, List<String> cmd, Map<String, String> environment) {
        ProcessBuilder pb = new ProcessBuilder(cmd); // stdin, stdout and stderr are pipes
        pb.environment().putAll(environment);
        Process process;
        try {
            process = pb.start();
        } catch (IOException | RuntimeException e) {
            command.exited(cmd);
            throw new SpawnException("process backend: cannot start child \"" + actorName + "\": step start of "
                    + cmd.getFirst() + " failed (" + e.getMessage() + "); command: " + cmd, e);
        }
        ProcessChild child = new ProcessChild(actorName, process);
        running.add(child);
        child.start().onExit().whenComplete((s, e) -> {
            running.remove(child);
            command.exited(cmd);
        });
        if (closed) child.hardStop(); // raced with close(): it must not survive
        return child;
    }

    /** The warm pool (tests and benchmarks look into it). */
    WarmPool pool() {
        return pool;
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
        return "ProcessBackend[" + running.size() + " running, " + pool + (closed ? ", closed]" : "]");
    }
}
