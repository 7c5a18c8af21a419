package tractor.spawn.spi;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Drains one output pipe of a child on its own platform thread and forwards it line by line, each line
 * prefixed (for instance {@code "[worker_1] "}), so that the child never blocks on a full pipe. A line
 * longer than {@link #MAX_LINE} bytes is forwarded in pieces of at most that size, cut at a UTF-8
 * character boundary. A line the {@code control} predicate accepts is consumed, not forwarded (for
 * instance a launcher's report of the child's pid). Optionally keeps the last lines for {@link #tail()}.
 * Spawn backends that launch child processes share it.
 *
 * <p>The sink is looked up for every line ({@code () -> System.out}), so a redirected
 * {@code System.out} receives the lines written after the redirection.
 */
public final class LinePump implements Runnable {
    /** The longest piece forwarded as one line, in bytes. */
    public static final int MAX_LINE = 8192;

    private final InputStream in;
    private volatile String prefix;
    private final Supplier<PrintStream> sink;
    private final Predicate<String> control;
    private final int tailLines;
    private final ArrayDeque<String> tail = new ArrayDeque<>();
    private final byte[] line = new byte[MAX_LINE];
    private int length;
    private final Thread thread;

    /**
     * A pump of {@code in}, not started yet.
     *
     * @param prefix     put before every forwarded line
     * @param sink       where lines go, looked up for every line
     * @param control    lines it accepts are consumed, not forwarded ({@code s -> false} for none)
     * @param tailLines  how many of the last forwarded lines {@link #tail()} keeps
     * @param threadName the name of the draining thread
     */
    public LinePump(InputStream in, String prefix, Supplier<PrintStream> sink, Predicate<String> control, int tailLines,
                    String threadName) {
        this.in = in;
        this.prefix = prefix;
        this.sink = sink;
        this.control = control;
        this.tailLines = tailLines;
        this.thread = Thread.ofPlatform().daemon(true).name(threadName).unstarted(this);
    }

    /** Starts draining. */
    public void start() {
        thread.start();
    }

    /** Changes the prefix of the lines forwarded from now on (a pooled child gets its actor's name). */
    public void prefix(String prefix) {
        this.prefix = prefix;
    }

    /** Waits at most {@code bound} for the pipe to reach end of file; true when it has. */
    public boolean awaitEnd(Duration bound) throws InterruptedException {
        return thread.join(bound);
    }

    /** The last lines kept, joined by newlines. */
    public String tail() {
        synchronized (tail) {
            return String.join("\n", tail);
        }
    }

    @Override
    public void run() {
        byte[] buf = new byte[8192];
        try (in) {
            for (int n; (n = in.read(buf)) >= 0; ) {
                for (int i = 0; i < n; i++) accept(buf[i]);
            }
        } catch (IOException e) {
            // the pipe was closed under us (the backend shut down): forward what was read
        } finally {
            if (length > 0) emit(length);
        }
    }

    private void accept(byte b) {
        if (b == '\n') {
            emit(length > 0 && line[length - 1] == '\r' ? length - 1 : length);
            length = 0;
            return;
        }
        if (length == MAX_LINE) cut(b);
        line[length++] = b;
    }

    /** The buffer is full: forwards it up to the start of the character {@code next} belongs to. */
    private void cut(byte next) {
        int end = length;
        if (isContinuation(next)) {
            while (end > length - 3 && isContinuation(line[end - 1])) end--;
            end--; // the lead byte of the character being cut
        }
        if (end <= 0) end = length;
        emit(end);
        System.arraycopy(line, end, line, 0, length - end);
        length -= end;
    }

    private static boolean isContinuation(byte b) {
        return (b & 0xC0) == 0x80;
    }

    private void emit(int end) {
        String text = new String(line, 0, end, StandardCharsets.UTF_8);
        if (control.test(text)) return;
        sink.get().println(prefix + text);
        if (tailLines == 0) return;
        synchronized (tail) {
            if (tail.size() == tailLines) tail.removeFirst();
            tail.addLast(text);
        }
    }

    @Override
    public String toString() {
        return "LinePump[" + thread.getName() + (thread.isAlive() ? ", draining]" : ", ended]");
    }
}
