package tractor.bench;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import tractor.ActorOptions;
import tractor.Context;
import tractor.MsgStream;
import tractor.Portal;
import tractor.RootOptions;
import tractor.Tractor;

/**
 * The build's AOT-cache step (JDK 25, JEP 483/514), run by the bench module's {@code package} phase:
 * one training run of a process child actor ({@code ChildMain}: boot, a context, a stream) recorded with
 * {@code -XX:AOTMode=record}, then {@code -XX:AOTMode=create} makes {@code actor.aot}; and one of the bare
 * baseline child ({@link BareChild}) with {@code -XX:AOTCacheOutput}, making {@code bare.aot}. Both for
 * this module's class path with jars in place of class directories (the JVM archives jars only). Never
 * fails the build: when there are no jars or a step fails it says so and leaves no cache, and the
 * benchmarks and the process backend then start children without one.
 *
 * <p>Argument: the output directory.
 */
public final class AotTrain {
    private AotTrain() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/aot").toAbsolutePath();
        Optional<String> cp = JarClassPath.of(System.getProperty("java.class.path"));
        if (cp.isEmpty()) {
            System.out.println("tractor AOT cache: skipped (the class path has module directories without jars)");
            System.exit(0);
        }
        Files.createDirectories(dir);
        long t0 = System.nanoTime();
        try {
            actor(cp.get(), dir);
            bare(cp.get(), dir);
            System.out.printf("tractor AOT cache: %s (%d MB), %s in %d ms%n", dir.resolve("actor.aot"), Files.size(dir.resolve("actor.aot")) >> 20,
                    dir.resolve("bare.aot"), (System.nanoTime() - t0) / 1_000_000);
        } catch (Exception | Error e) {
            System.out.println("tractor AOT cache: not made (" + e + "); children start without one");
            Files.deleteIfExists(dir.resolve("actor.aot"));
        }
        System.exit(0);
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static void actor(String cp, Path dir) throws Exception {
        Path conf = dir.resolve("actor.aotconf");
        Files.deleteIfExists(conf);
        ActorOptions o = ActorOptions.of().enable(SpawnBench.class, CtxBench.class).backendOption("classPath", cp)
                .jvmOptions("-XX:AOTMode=record", "-XX:AOTConfiguration=" + conf, "-Xlog:aot*=off", "-Xlog:cds*=off");
        RootOptions root = RootOptions.of().transport("uds").registryAddress(CtxBench.registry("uds")).spawnBackend("process").logLevel("error");
        Tractor.openNursery(root, an -> {
            Portal p = an.startActor("aot-train", o);
            try (Context ctx = p.openContext(SpawnBench::up)) {
                ctx.first();
                ctx.waitForResult();
            }
            try (Context ctx = p.openContext(CtxBench::echo)) {
                ctx.first();
                try (MsgStream s = ctx.openStream()) {
                    for (long i = 0; i < 2000; i++) {
                        s.send(i);
                        s.receive();
                    }
                }
                ctx.waitForResult();
            }
            p.cancelActor();
        });
        if (!Files.isRegularFile(conf)) throw new IllegalStateException("the training child wrote no " + conf);
        List<String> cmd = new ArrayList<>(List.of(java()));
        cmd.addAll(SpawnBench.CHILD_OPTS);
        cmd.addAll(List.of("-XX:AOTMode=create", "-XX:AOTConfiguration=" + conf, "-XX:AOTCache=" + dir.resolve("actor.aot"), "-cp", cp));
        run(cmd);
        Files.deleteIfExists(conf);
    }

    private static void bare(String cp, Path dir) throws Exception {
        Path sock = Files.createTempDirectory("aottrain").resolve("t.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX).bind(UnixDomainSocketAddress.of(sock))) {
            List<String> cmd = new ArrayList<>(List.of(java()));
            cmd.addAll(SpawnBench.CHILD_OPTS);
            cmd.addAll(List.of("-XX:AOTCacheOutput=" + dir.resolve("bare.aot"), "-cp", cp, BareChild.class.getName(), sock.toString()));
            Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try (SocketChannel s = IpcBench.await(server::accept, p)) {
                IpcBench.readFully(s, java.nio.ByteBuffer.allocate(4));
            }
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IllegalStateException("bare training run failed: " + cmd);
        } finally {
            Files.deleteIfExists(sock);
            Files.deleteIfExists(sock.getParent());
        }
    }

    private static void run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("step failed: " + cmd);
        }
    }
}
