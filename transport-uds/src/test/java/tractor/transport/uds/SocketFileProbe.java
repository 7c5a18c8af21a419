package tractor.transport.uds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tractor.testkit.LeakProbe;

/** Socket files a test left in the runtime directory. */
public final class SocketFileProbe implements LeakProbe {
    @Override public String name() { return "socket files"; }

    @Override public Object snapshot() {
        return files();
    }

    @Override public List<String> leaked(Object before) {
        Set<?> old = (Set<?>) before;
        return files().stream().filter(f -> !old.contains(f)).map(Path::toString).sorted().toList();
    }

    @Override public void cleanUp(Object before) {
        for (String f : leaked(before)) {
            try {
                Files.deleteIfExists(Path.of(f));
            } catch (IOException ignored) {
                // best effort
            }
        }
    }

    private static Set<Path> files() {
        Path dir = RuntimeDir.path();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".sock")).collect(Collectors.toSet());
        } catch (IOException e) {
            return Set.of();
        }
    }

    @Override public String toString() {
        return "SocketFileProbe[" + RuntimeDir.path() + "]";
    }
}
