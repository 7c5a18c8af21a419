package tractor.spawn.ssh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * Passes bytes through to another stream and completes {@link #seen()} with the first line that
 * {@code wanted} accepts: lets a test wait for a line that a child's output pump forwards.
 */
final class LineWatch extends OutputStream {
    private final OutputStream to;
    private final Predicate<String> wanted;
    private final CompletableFuture<String> seen = new CompletableFuture<>();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    LineWatch(OutputStream to, Predicate<String> wanted) {
        this.to = to;
        this.wanted = wanted;
    }

    CompletableFuture<String> seen() {
        return seen;
    }

    PrintStream printStream() {
        return new PrintStream(this, true, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) throws IOException {
        to.write(b);
        if (b != '\n') {
            line.write(b);
            return;
        }
        String l = line.toString(StandardCharsets.UTF_8);
        if (wanted.test(l)) seen.complete(l);
        line.reset();
    }

    @Override
    public void flush() throws IOException {
        to.flush();
    }
}
