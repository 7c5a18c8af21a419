package tractor.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.util.concurrent.CompletableFuture;

/**
 * The root's terminal input in debug mode: one daemon thread reads standard input line by line, and a
 * hold waits for the next line read after it asked ({@link #next()}); lines nobody waits for are
 * dropped. The thread starts on first use, so a program that never holds never reads its input. At end
 * of input every waiter, and every later one, is released at once: a debug-mode root whose input is not
 * a terminal never hangs on a hold.
 */
final class StdinLines {
    private static StdinLines system;

    private final InputStream in;
    private CompletableFuture<String> next = new CompletableFuture<>();
    private boolean started;

    StdinLines(InputStream in) {
        this.in = in;
    }

    /** The lines of this JVM's standard input. */
    static synchronized StdinLines system() {
        if (system == null) system = new StdinLines(System.in);
        return system;
    }

    /** Completes with the next line read (with null at end of input). */
    synchronized CompletableFuture<String> next() {
        if (!started) {
            started = true;
            Thread.ofPlatform().daemon(true).name("tractor-debug-stdin").start(this::readAll);
        }
        return next;
    }

    private void readAll() {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, Charset.defaultCharset()));
        try {
            for (String line = r.readLine(); line != null; line = r.readLine()) publish(line, new CompletableFuture<>());
        } catch (IOException e) {
            // unreadable input counts as its end
        }
        publish(null, CompletableFuture.completedFuture(null));
    }

    private void publish(String line, CompletableFuture<String> following) {
        CompletableFuture<String> f;
        synchronized (this) {
            f = next;
            next = following;
        }
        f.complete(line);
    }

    @Override
    public synchronized String toString() {
        return "stdin lines (" + (!started ? "not read yet" : next.isDone() ? "ended" : "reading") + ")";
    }
}
