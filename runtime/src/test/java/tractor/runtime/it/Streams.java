package tractor.runtime.it;

import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import tractor.Context;
import tractor.Emitter;
import tractor.MsgStream;
import tractor.PayloadSpec;
import tractor.sc.Sc;

/** One-way producers, broadcast and typed-payload endpoints for the runtime's stream tests. */
public final class Streams {
    private Streams() {}

    public static Stream<Integer> range(int n) {
        return IntStream.range(0, n).boxed();
    }

    public static List<String> words() {
        return List.of("cellar", "door");
    }

    public static Iterator<Long> countdown(long from) {
        return Stream.iterate(from, x -> x >= 0, x -> x - 1).iterator();
    }

    public static void emit(Emitter out, int n) {
        for (int i = 0; i < n; i++) out.emit("tick " + i);
    }

    /** Emits forever, one value per millisecond, and records that its cancellation ran its cleanup. */
    public static void forever(Emitter out, String markerFile) throws Exception {
        try {
            for (long i = 0; ; i++) {
                out.emit(i);
                Sc.sleep(java.time.Duration.ofMillis(1));
            }
        } finally {
            java.nio.file.Files.writeString(java.nio.file.Path.of(markerFile), "cancelled");
        }
    }

    public static void failsAfter(Emitter out, int n) {
        for (int i = 0; i < n; i++) out.emit(i);
        throw new IllegalStateException("producer failed after " + n);
    }

    public static int notStreaming(int x) {
        return x;
    }

    /** Sends 0..n-1, then echoes what comes back once, then returns. */
    public static void broadcastSource(Context ctx, int n) {
        ctx.started();
        try (MsgStream s = ctx.openStream()) {
            for (long i = 0; i < n; i++) s.send(i);
            s.send("echo:" + s.receive());
        }
    }

    public sealed interface Cmd permits Ping, Quit {}

    public record Ping(long seq) implements Cmd {}

    public record Quit(String why) implements Cmd {}

    /** Starts with a Ping; answers each Ping with the next one; returns the Quit (the spec covers the result too). */
    @PayloadSpec(Cmd.class)
    public static Cmd typedPingPong(Context ctx) {
        ctx.started(new Ping(0));
        try (MsgStream s = ctx.openStream()) {
            while (true) {
                Object m = s.receive();
                if (m instanceof Quit q) return q;
                s.send(new Ping(((Ping) m).seq() + 1));
            }
        }
    }

    /** Starts with a value that breaks its own spec. */
    @PayloadSpec(Ping.class)
    public static void startsBadly(Context ctx) {
        ctx.started("not a ping");
    }

    /** Returns a value that breaks its spec: the parent's waitForResult raises MsgTypeError. */
    @PayloadSpec(Ping.class)
    public static Object returnsBadly(Context ctx) {
        ctx.started(new Ping(1));
        return "yo";
    }

    /** Sends a value that breaks the spec on its stream. */
    @PayloadSpec(Ping.class)
    public static void streamsBadly(Context ctx) {
        ctx.started(new Ping(1));
        try (MsgStream s = ctx.openStream()) {
            s.send(java.util.Map.of("seq", "one"));
            s.receive();
        }
    }
}
