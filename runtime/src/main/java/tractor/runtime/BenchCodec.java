package tractor.runtime;

import java.util.List;
import java.util.Map;

/**
 * A public bridge to the package-private msg types and {@link MsgCodec} for the codec benchmark
 * ({@code tractor.bench.CodecBench}), exported to the {@code tractor.bench} module only; not an API.
 * One instance is one reused codec, as one channel has.
 */
public final class BenchCodec {
    private final MsgCodec codec = new MsgCodec();

    /** A realistic sample of the msg type named {@code type} ({@code Aid}, {@code Yield}, ...). */
    public Object sample(String type) {
        Uid uid = new Uid("worker_1", "0f3c1d2e-5b6a-4c7d-8e9f-a0b1c2d3e4f5");
        RawPayload pld = new PayloadCodec().encode(42L);
        return switch (type) {
            case "Aid" -> new Msg.Aid("worker_1", uid.uuid(), 12345L, false, false);
            case "SpawnSpec" -> new Msg.SpawnSpec(Map.of(), Map.of("_debug_mode", false, "_is_root", false),
                    Map.of("app.Echo", "app.Echo"), List.of(List.of("127.0.0.1", 1616)), null);
            case "Start" -> new Msg.Start("c0ffee42", "app.Echo", "serve", new PayloadCodec().encode(Map.of("n", 3L)), uid);
            case "StartAck" -> new Msg.StartAck("c0ffee42", "context");
            case "Started" -> new Msg.Started("c0ffee42", pld);
            case "Yield" -> new Msg.Yield("c0ffee42", pld);
            case "Stop" -> new Msg.Stop("c0ffee42");
            case "Return" -> new Msg.Return("c0ffee42", pld);
            case "CancelAck" -> new Msg.CancelAck("c0ffee42", true);
            case "Error" -> new Msg.Error(uid, "ValueError", "ValueError", List.of(uid), "bad value 42",
                    "Traceback (most recent call last):\n  at app.Echo.serve(Echo.java:12)\n", null, null, "c0ffee42", null, null);
            default -> throw new IllegalArgumentException("no msg type " + type);
        };
    }

    /** The msg body of {@code msg} (a value of {@link #sample}). */
    public byte[] encode(Object msg) {
        return codec.encode((Msg) msg);
    }

    /** The msg decoded from a body. */
    public Object decode(byte[] body) {
        return codec.decode(body);
    }
}
