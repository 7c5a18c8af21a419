package tractor.spawn.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;

/**
 * The main class of a pooled child JVM ({@link WarmPool}): arguments {@code <module or -> <main class>}.
 * It loads and initializes the main class, resolves its {@code main}, calls its {@code public static void
 * warmUp()} when it has one (so the first real work does not pay for class loading and first runs), then
 * reads one line from standard input: the child's arguments, separated by NUL. It then runs the main class's {@code main} with them,
 * as if it had been started directly. End of input before that line (the parent is gone, or it closed
 * the pool) ends this JVM with status 0.
 *
 * <p>Only the bytes of that line are consumed: the rest of standard input stays the child's, whose
 * end of file is its parent-death signal (see the package description).
 */
public final class PoolMain {
    private PoolMain() {}

    /** The pooled JVM's entry point. */
    public static void main(String[] args) throws Throwable {
        if (args.length != 2) throw new IllegalArgumentException("usage: PoolMain <module or -> <main class>, got " + args.length + " arguments");
        Class<?> main = load(args[0], args[1]);
        Method m = main.getMethod("main", String[].class); // resolved before the wait: not on the actor's clock
        PoolMain.class.getDeclaredMethod("rehearseMain", String[].class).invoke(null, (Object) args); // so is reflection's first call
        warmUp(main);
        String line = readLine(System.in);
        if (line == null) System.exit(0);
        String[] childArgs = line.isEmpty() ? new String[0] : line.split("\0", -1);
        try {
            m.invoke(null, (Object) childArgs);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Called as {@code main} will be, by reflection, before the wait: reflection's first-call set-up is paid here. */
    static void rehearseMain(String[] args) {
        // nothing to do: the call is the point
    }

    private static Class<?> load(String module, String name) throws ClassNotFoundException {
        if (module.equals("-")) return Class.forName(name, true, ClassLoader.getSystemClassLoader());
        Module m = ModuleLayer.boot().findModule(module)
                .orElseThrow(() -> new ClassNotFoundException("module " + module + " of " + name + " is not in the boot layer"));
        Class<?> c = Class.forName(m, name);
        if (c == null) throw new ClassNotFoundException(name + " in module " + module);
        return Class.forName(name, true, c.getClassLoader());
    }

    private static void warmUp(Class<?> main) throws Throwable {
        Method w;
        try {
            w = main.getMethod("warmUp");
        } catch (NoSuchMethodException e) {
            return;
        }
        try {
            w.invoke(null);
        } catch (InvocationTargetException e) {
            System.err.println("tractor pool: " + main.getName() + ".warmUp() failed, going on: " + e.getCause());
        }
    }

    /** One line, read byte by byte (no read-ahead); null at end of input before a newline. */
    static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c; (c = in.read()) >= 0; ) {
            if (c == '\n') return b.toString(StandardCharsets.UTF_8);
            b.write(c);
        }
        return null;
    }

    /** The start line for {@code args}, or null when an argument cannot travel in it (NUL or newline). */
    static byte[] startLine(java.util.List<String> args) {
        for (String a : args) if (a.indexOf('\0') >= 0 || a.indexOf('\n') >= 0) return null;
        return (String.join("\0", args) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
