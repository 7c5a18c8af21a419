package tractor.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tractor.ActorOptions;
import tractor.Context;
import tractor.Endpoint;
import tractor.MsgStream;
import tractor.Portal;
import tractor.RootOptions;
import tractor.Tractor;

/**
 * A pooled child JVM's rehearsal ({@link ChildMain#warmUp()}): one complete actor lifecycle inside this
 * JVM before it knows which actor it will be. A private root (its own registrar on a socket file in a
 * fresh temporary directory) starts a thread-backend child, which boots through {@link ChildMain} as a
 * spawned actor does (connect, handshake, {@code SpawnSpec}, listen, register over the parent channel),
 * then they open a context and stream {@value #ROUND_TRIPS} round trips and tear down. Every class of
 * that path is then loaded and its hot methods compiled, so the real boot that follows runs warm.
 *
 * <p>It leaves nothing behind: the root and its child end before this returns (their listeners, socket
 * files, threads and registry entries with them), and the directory is removed.
 */
final class WarmUp {
    /** The stream round trips of the rehearsal. */
    static final int ROUND_TRIPS = 300;
    /** The rehearsal child's endpoint. */
    static final Endpoint ECHO = Endpoint.parse(WarmUp.class.getName() + "#echo");

    /** The thread backend's provider class (not a dependency of the runtime: it is looked up by name). */
    static final String THREAD_PROVIDER = "tractor.spawn.thread.ThreadBackendProvider";

    private WarmUp() {}

    /**
     * Runs the rehearsal over the transport {@code transport} ({@code "uds"} or {@code "tcp"}); returns how
     * many values the child echoed ({@link #ROUND_TRIPS}).
     *
     * @throws Exception whatever the lifecycle raised (the caller reports it and goes on unwarmed)
     */
    static long rehearse(String transport) throws Exception {
        Path dir = Files.createTempDirectory("tractor-warm");
        long[] echoed = new long[1];
        try {
            String registry = transport.equals("uds") ? "uds://" + dir.resolve("registry.sock") : "tcp://127.0.0.1:0";
            RootOptions root = RootOptions.of().name("warm-up").transport(transport).registryAddress(registry)
                    .spawnBackend("thread").logLevel("error");
            Tractor.openNursery(root, an -> {
                Portal p = an.startActor("warm-up-child", ActorOptions.of().enable(WarmUp.class.getName()));
                try (Context ctx = p.openContext(ECHO, false)) {
                    ctx.first();
                    try (MsgStream s = ctx.openStream()) {
                        for (int i = 0; i < ROUND_TRIPS; i++) {
                            s.send(i);
                            s.receive();
                        }
                    }
                    echoed[0] = ((Number) ctx.waitForResult()).longValue();
                }
                p.cancelActor();
            });
            return echoed[0];
        } finally {
            deleteAll(dir);
        }
    }

    /** Whether the thread spawn backend, which the rehearsal's child runs on, is installed. */
    static boolean threadBackendInstalled() {
        return java.util.ServiceLoader.load(tractor.spawn.spi.SpawnBackendProvider.class, WarmUp.class.getClassLoader()).stream()
                .anyMatch(p -> p.type().getName().equals(THREAD_PROVIDER));
    }

    /** The rehearsal child's endpoint: echoes every value on the context's stream until the parent closes it. */
    public static long echo(Context ctx) {
        ctx.started(ProcessHandle.current().pid());
        long n = 0;
        try (MsgStream s = ctx.openStream()) {
            for (Object m : s) {
                s.send(m);
                n++;
            }
        }
        return n;
    }

    private static void deleteAll(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) Files.deleteIfExists(f);
        }
        Files.deleteIfExists(dir);
    }
}
