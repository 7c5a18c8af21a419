package tractor.transport.uds;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The file name of an actor's socket, {@code <name><suffix>} with the suffix {@code @<pid>.sock}: kept as
 * is when the name is safe (letters, digits, {@code _ . -}, not starting with a dot) and the whole path
 * fits Linux's {@value #MAX_PATH}-byte limit (a 108-byte {@code sun_path} with its terminating NUL).
 * Any other name is compacted deterministically to {@code <safe prefix>~<8 hex digits of its SHA-256>}
 * plus the same suffix, so the file always stays inside its directory and fits the limit.
 */
final class SocketName {
    /** The longest socket path in bytes, without the terminating NUL of {@code sun_path}. */
    static final int MAX_PATH = 107;
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_.-]*");
    private static final int DIGEST = 9; // "~" and 8 hex digits

    private SocketName() {}

    /**
     * The file name for {@code name} in {@code dir}.
     *
     * @throws IllegalArgumentException if {@code dir} leaves no room for a compacted name (whatever
     *     {@code name} is, so a bindspace works for every name or for none); the message says which
     *     condition applied and quotes the limit
     */
    static String of(Path dir, String name, String suffix) {
        int room = MAX_PATH - bytes(dir.toString()) - 1 - bytes(suffix);
        if (room < DIGEST) throw noRoom(dir, suffix, room);
        if (SAFE.matcher(name).matches() && name.length() <= room) return name + suffix;
        String prefix = name.replaceAll("[^A-Za-z0-9_.-]", "_").replaceFirst("^\\.", "_");
        return prefix.substring(0, Math.min(prefix.length(), room - DIGEST)) + "~" + digest(name) + suffix;
    }

    private static IllegalArgumentException noRoom(Path dir, String suffix, int room) {
        int d = bytes(dir.toString());
        String condition = d + 1 > MAX_PATH
                ? "the directory alone (" + d + " bytes) exceeds it"
                : "the directory (" + d + " bytes), \"/\", the suffix \"" + suffix + "\" (" + bytes(suffix)
                        + " bytes) and a compacted name (" + DIGEST + " bytes) exceed it by " + (DIGEST - room);
        return new IllegalArgumentException("UDS bindspace " + dir + " leaves no room for a socket name: " + condition
                + " (limit " + MAX_PATH + " bytes, a 108-byte sun_path with its NUL)");
    }

    private static String digest(String name) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
