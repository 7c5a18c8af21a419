package tractor.transport.inproc;

import java.util.Objects;
import tractor.transport.spi.Address;

/**
 * An in-process address, {@code inproc://<name>}, for example {@code inproc://registry@1616}: a name in
 * the table of listeners of this JVM (of the class loader that loaded the transport). The name is any
 * non-empty text without whitespace or control characters.
 *
 * @param name the name, without the scheme
 */
public record InprocAddress(String name) implements Address {
    static final String SCHEME = "inproc://";

    /**
     * @throws NullPointerException if {@code name} is null
     * @throws IllegalArgumentException if the name is empty or has whitespace or control characters
     */
    public InprocAddress {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) throw new IllegalArgumentException("inproc name is empty");
        if (name.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new IllegalArgumentException("inproc name \"" + name + "\" has whitespace or control characters");
        }
    }

    /**
     * Parses {@code inproc://<name>}.
     *
     * @throws IllegalArgumentException if the text is not of that form; the message quotes it
     */
    public static InprocAddress parse(String text) {
        if (!text.startsWith(SCHEME)) {
            throw new IllegalArgumentException("bad inproc address \"" + text + "\": it does not start with \"" + SCHEME + "\"");
        }
        try {
            return new InprocAddress(text.substring(SCHEME.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad inproc address \"" + text + "\": " + e.getMessage(), e);
        }
    }

    @Override
    public String transport() {
        return "inproc";
    }

    @Override
    public String toString() {
        return SCHEME + name;
    }
}
