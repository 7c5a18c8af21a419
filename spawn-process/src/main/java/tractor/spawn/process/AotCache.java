package tractor.spawn.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where a child JVM's JDK 25 AOT cache (JEP 483/514) comes from: the request option {@value #OPTION},
 * else the system property {@value #PROPERTY} of this JVM. A cache is used only when the file exists;
 * a missing file, the value {@code off}, or no setting at all start the child with the default CDS
 * archive, silently. A cache made for another class path (or another JDK) is rejected by the child JVM
 * itself, also silently (its AOT logging is off), and the child starts as if there were none.
 *
 * <p>A cache is made by one training run of a child with {@code -XX:AOTCacheOutput=<file>}, from jars
 * only (the JVM refuses to archive classes of a non-empty directory on the class path); the
 * {@code bench} module's build makes one for its own class path (see {@code bench/README.md}).
 */
final class AotCache {
    /** The request option naming the cache file. */
    static final String OPTION = "aotCache";
    /** The system property naming the cache file, for every child of this JVM. */
    static final String PROPERTY = "tractor.spawn.process.aotCache";

    private AotCache() {}

    /** The cache to start from, if one is configured and present. */
    static Optional<Path> find(Map<String, String> options) {
        String value = options.getOrDefault(OPTION, System.getProperty(PROPERTY, ""));
        if (value.isBlank() || value.equals("off")) return Optional.empty();
        Path p = Path.of(value).toAbsolutePath();
        return Files.isRegularFile(p) && Files.isReadable(p) ? Optional.of(p) : Optional.empty();
    }
}
