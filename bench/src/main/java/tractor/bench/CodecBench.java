package tractor.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tractor.runtime.BenchCodec;

/**
 * The msg codec (JMH): encode and decode of each msg type through the runtime's {@code MsgCodec} (one
 * reused codec, as a channel has), against the raw baseline of msgpack-core packing and unpacking a
 * {@code Yield}-shaped map ({@code {"msg_type":"Yield","cid":"c0ffee42","pld":42}}) with a reused packer
 * and unpacker ({@link CodecRawBench}): the cheapest a small msg can be.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CodecBench {
    @Param({"Aid", "SpawnSpec", "Start", "StartAck", "Started", "Yield", "Stop", "Return", "CancelAck", "Error"})
    public String type;

    private BenchCodec codec;
    private Object msg;
    private byte[] encoded;

    @Setup(Level.Trial)
    public void setup() {
        codec = new BenchCodec();
        msg = codec.sample(type);
        encoded = codec.encode(msg);
    }

    @Benchmark
    public byte[] encode() {
        return codec.encode(msg);
    }

    @Benchmark
    public Object decode() {
        return codec.decode(encoded);
    }

}
