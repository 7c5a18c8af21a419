package tractor.transport.uds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The socket files this JVM's listeners own: each is deleted when its listener closes, and whatever is
 * still open when the JVM exits is deleted by one shutdown hook.
 */
final class SocketFiles {
    private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("tractor-uds-cleanup").unstarted(() -> OPEN.forEach(SocketFiles::delete)));
    }

    private SocketFiles() {}

    static void owned(Path file) {
        OPEN.add(file);
    }

    static void release(Path file) {
        OPEN.remove(file);
        delete(file);
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            System.getLogger(SocketFiles.class.getName()).log(System.Logger.Level.WARNING, "cannot delete socket file " + file + ": " + e);
        }
    }
}
