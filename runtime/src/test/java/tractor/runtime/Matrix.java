package tractor.runtime;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import tractor.RootOptions;

/**
 * The backend × transport matrix of the runtime tests: {process, thread} × {tcp, uds}. By default every
 * scenario runs on all four pairs; with {@code -Dtractor.matrix=rotate} each scenario runs on one pair
 * chosen by its name, so the pairs rotate across scenarios.
 *
 * {@snippet :
 * @ParameterizedTest @MethodSource("tractor.runtime.Matrix#pairs")
 * void scenario(String backend, String transport) throws Exception {
 *     Tractor.openNursery(Matrix.root(backend, transport), an -> { ... });
 * }
 * }
 */
public final class Matrix {
    private Matrix() {}

    public static final List<String> BACKENDS = List.of("process", "thread");
    public static final List<String> TRANSPORTS = List.of("tcp", "uds");

    public static Stream<Arguments> pairs() {
        List<Arguments> all = BACKENDS.stream().flatMap(b -> TRANSPORTS.stream().map(t -> Arguments.of(b, t))).toList();
        if (!"rotate".equals(System.getProperty("tractor.matrix"))) return all.stream();
        String caller = StackWalker.getInstance().walk(s -> s.skip(1).findFirst().map(f -> f.getMethodName()).orElse(""));
        return Stream.of(all.get(Math.floorMod(caller.hashCode(), all.size())));
    }

    /** The pairs of the process backend only: scenarios about signals, exit codes, SIGKILL and orphans. */
    public static Stream<Arguments> processPairs() {
        return TRANSPORTS.stream().map(t -> Arguments.of("process", t));
    }

    /** Root options for one pair, with a registry address of its own (a free TCP port, a fresh socket file). */
    public static RootOptions root(String backend, String transport) {
        return RootOptions.of().spawnBackend(backend).transport(transport).registryAddress(registry(transport));
    }

    static String registry(String transport) {
        if (transport.equals("tcp")) return "tcp://127.0.0.1:0";
        Path dir = Path.of(System.getProperty("tractor.runtime.dir", System.getProperty("java.io.tmpdir"))).toAbsolutePath();
        try {
            java.nio.file.Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return "uds://" + dir.resolve("registry-" + UUID.randomUUID().toString().substring(0, 8) + ".sock");
    }
}
