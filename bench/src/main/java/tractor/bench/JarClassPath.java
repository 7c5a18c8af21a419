package tractor.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * This JVM's class path with every module's {@code target/classes} directory replaced by that module's
 * jar ({@code target/<artifact>-<version>.jar}): the JDK's AOT cache archives classes from jars only.
 * Empty when some directory has no jar next to it (the build did not run {@code package}).
 */
final class JarClassPath {
    private JarClassPath() {}

    static Optional<String> of(String classPath) {
        List<String> out = new ArrayList<>();
        for (String e : classPath.split(File.pathSeparator)) {
            if (e.isBlank()) continue;
            Path p = Path.of(e);
            if (!Files.isDirectory(p)) {
                out.add(e);
                continue;
            }
            Optional<Path> jar = jarFor(p);
            if (jar.isEmpty()) return Optional.empty();
            out.add(jar.get().toString());
        }
        return Optional.of(String.join(File.pathSeparator, out));
    }

    private static Optional<Path> jarFor(Path classes) {
        Path target = classes.getParent();
        if (target == null || !classes.getFileName().toString().equals("classes")) return Optional.empty();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(target, "*.jar")) {
            for (Path j : ds) {
                String n = j.getFileName().toString();
                if (!n.endsWith("-sources.jar") && !n.endsWith("-javadoc.jar") && !n.endsWith("-tests.jar")) return Optional.of(j.toAbsolutePath());
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
