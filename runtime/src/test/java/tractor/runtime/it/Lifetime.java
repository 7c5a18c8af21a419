package tractor.runtime.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tractor.sc.Sc;

/**
 * Endpoints of test_runtime (65–66): the Java analogue of a callback on the actor's lifetime stack is
 * the endpoint's own {@code finally}. Each creates {@code path}, leaves a marker {@code path + ".ran"}
 * (which it never deletes, so the root can tell the file existed), then fails or sleeps; its
 * {@code finally} deletes {@code path}.
 */
public final class Lifetime {
    private Lifetime() {}

    public static void createThenFail(String path) throws IOException {
        Path p = Path.of(path);
        Files.writeString(p, "tmp");
        try {
            Files.writeString(Path.of(path + ".ran"), "ran");
            throw new IllegalStateException("child error with " + p.getFileName() + " on its lifetime stack");
        } finally {
            Files.deleteIfExists(p);
        }
    }

    public static void createThenSleep(String path) throws IOException {
        Path p = Path.of(path);
        Files.writeString(p, "tmp");
        try {
            Files.writeString(Path.of(path + ".ran"), "ran");
            Sc.sleepForever();
        } finally {
            Files.deleteIfExists(p);
        }
    }
}
