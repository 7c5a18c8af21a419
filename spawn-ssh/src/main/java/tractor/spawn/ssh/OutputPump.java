package tractor.spawn.ssh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Drains one output stream of an ssh session on a daemon platform thread and forwards it line by line
 * with a prefix ({@code "[worker_1@hostB] "}), so the remote child never blocks on a full pipe. Lines
 * longer than {@link #MAX_LINE} bytes are forwarded in pieces. A line the {@code control} predicate
 * accepts is consumed, not forwarded (the launch's pid report). Keeps the last lines for {@link #tail()}.
 */
final class OutputPump implements Runnable {
    static final int MAX_LINE = 8192;

    private final InputStream in;
    private final String prefix;
    private final Supplier<PrintStream> sink;
    private final Predicate<String> control;
    private final int tailLines;
    private final ArrayDeque<String> tail = new ArrayDeque<>();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final Thread thread;

    OutputPump(InputStream in, String prefix, Supplier<PrintStream> sink, Predicate<String> control, int tailLines, String threadName) {
        this.in = in;
        this.prefix = prefix;
        this.sink = sink;
        this.control = control;
        this.tailLines = tailLines;
        this.thread = Thread.ofPlatform().daemon(true).name(threadName).unstarted(this);
    }

    void start() {
        thread.start();
    }

    boolean awaitEnd(Duration bound) throws InterruptedException {
        return thread.join(bound);
    }

    String tail() {
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
            // the stream was closed under us: forward what was read
        } finally {
            if (line.size() > 0) emit();
        }
    }

    private void accept(byte b) {
        if (b == '\n') {
            emit();
            return;
        }
        // a piece ends before a UTF-8 lead byte only, so that no character is cut in two
        if (line.size() >= MAX_LINE && (b & 0xC0) != 0x80) emit();
        line.write(b);
    }

    private void emit() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (text.endsWith("\r")) text = text.substring(0, text.length() - 1);
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
        return "OutputPump[" + thread.getName() + (thread.isAlive() ? ", draining]" : ", ended]");
    }
}
