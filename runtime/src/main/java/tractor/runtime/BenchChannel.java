package tractor.runtime;

import java.util.UUID;
import java.util.function.LongConsumer;
import tractor.TransportClosed;
import tractor.transport.spi.FrameChannel;

/**
 * A public bridge to the package-private runtime {@link Channel} for the benchmarks ({@code tractor.bench.IpcBench}),
 * exported to the {@code tractor.bench} module only; not an API.
 * It lives in the bench jar but in package {@code tractor.runtime}: the benchmarks run on the class
 * path, where split packages are allowed (on the module path this would need
 * {@code exports tractor.runtime to tractor.bench} or a qualified opens in the runtime module).
 *
 * <p>Every msg is a {@code Yield(cid, pld)} whose payload is one long, encoded with {@link PayloadCodec}
 * when sent and decoded when received, plus the {@link MsgCodec} encode/decode of the msg itself.
 */
public final class BenchChannel implements AutoCloseable {
    private final Channel channel;
    private final PayloadCodec encoder = new PayloadCodec();
    private final PayloadCodec decoder = new PayloadCodec();

    private BenchChannel(Channel channel) {
        this.channel = channel;
    }

    /** Wraps the frame channel and does the Aid handshake (both ends send first, so no ordering issue). */
    public static BenchChannel open(FrameChannel frames, String name) {
        Channel c = new Channel(frames, ChannelOptions.DEFAULTS, CodecLimits.DEFAULT);
        c.handshake(new Msg.Aid(name, UUID.randomUUID().toString(), ProcessHandle.current().pid(), false, false));
        return new BenchChannel(c);
    }

    /** The msg body of {@code Yield(cid, value)}, as the channel would put it in a frame. */
    public static byte[] encodedYield(String cid, long value) {
        return new MsgCodec().encode(new Msg.Yield(cid, new PayloadCodec().encode(value)));
    }

    /**
     * Routes every {@code Yield} of {@code cid} to {@code sink} (decoded payload), on the msg loop's
     * thread; {@code onEnd} runs once when the msg loop ends.
     */
    public void start(String cid, LongConsumer sink, Runnable onEnd) {
        channel.register(cid, new MsgSink() {
            @Override
            public void deliver(Msg msg) {
                if (msg instanceof Msg.Yield y) sink.accept(((Number) decoder.decode(y.pld())).longValue());
            }

            @Override
            public void fail(TransportClosed cause) {}
        });
        channel.start(m -> {}, e -> onEnd.run());
    }

    /** Sends {@code Yield(cid, value)}: payload encode, msg encode, frame write. */
    public void sendYield(String cid, long value) {
        RawPayload p;
        synchronized (encoder) {
            p = encoder.encode(value);
        }
        channel.send(new Msg.Yield(cid, p));
    }

    @Override
    public void close() {
        channel.close();
    }
}
