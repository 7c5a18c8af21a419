package tractor.spawn.ssh;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tractor.spawn.spi.SpawnException;

/** POSIX shell text: quoting, and the environment block a remote launch reads from its standard input. */
final class Shell {
    private Shell() {}

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** {@code s} as one word of a POSIX shell, in single quotes. */
    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    static String quoteAll(List<String> words) {
        return words.stream().map(Shell::quote).collect(Collectors.joining(" "));
    }

    /** {@code sh -c '<script>'}: a script run by {@code sh} whatever the remote login shell is. */
    static String sh(String script) {
        return "exec sh -c " + quote(script);
    }

    /**
     * The environment as {@code NAME=value} lines and an empty line that ends it, the input of
     * {@link #READ_ENVIRONMENT}. Values travel on the session's standard input, never on a command line.
     *
     * @throws SpawnException when a name is not a shell variable name or a value spans lines (the value
     *                        itself is never quoted: it may be a secret)
     */
    static String environmentBlock(Map<String, String> env) {
        StringBuilder b = new StringBuilder();
        env.forEach((k, v) -> {
            if (!NAME.matcher(k).matches()) throw new SpawnException("ssh backend: environment variable name \"" + k + "\" is not a shell name");
            if (v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0 || v.indexOf('\0') >= 0) {
                throw new SpawnException("ssh backend: the value of environment variable " + k + " contains a line break or NUL, which the remote launch cannot read");
            }
            b.append(k).append('=').append(v).append('\n');
        });
        return b.append('\n').toString();
    }

    /** Reads {@link #environmentBlock} lines from standard input and exports each (POSIX {@code read} takes one line, nothing more). */
    static final String READ_ENVIRONMENT = "while IFS= read -r l && [ -n \"$l\" ]; do export \"$l\"; done; ";
}
