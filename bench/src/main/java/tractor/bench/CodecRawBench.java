package tractor.bench;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The raw baseline of {@link CodecBench}: msgpack-core packing and unpacking the {@code Yield}-shaped map
 * {@code {"msg_type":"Yield","cid":"c0ffee42","pld":42}} with a reused packer and unpacker, keys
 * dispatched by name, no validation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CodecRawBench {
    private final MessageBufferPacker packer = MessagePack.newDefaultBufferPacker();
    private MessageUnpacker unpacker;
    private byte[] rawEncoded;

    @Setup(Level.Trial)
    public void setup() throws IOException {
        rawEncoded = rawEncode();
        unpacker = MessagePack.newDefaultUnpacker(rawEncoded);
    }

    @Benchmark
    public byte[] rawEncode() throws IOException {
        packer.clear();
        packer.packMapHeader(3).packString("msg_type").packString("Yield").packString("cid").packString("c0ffee42").packString("pld").packLong(42);
        return packer.toByteArray();
    }

    @Benchmark
    public long rawDecode() throws IOException {
        unpacker.reset(new org.msgpack.core.buffer.ArrayBufferInput(rawEncoded));
        int n = unpacker.unpackMapHeader();
        long sum = 0;
        for (int i = 0; i < n; i++) {
            String k = unpacker.unpackString();
            if (k.equals("pld")) sum += unpacker.unpackLong();
            else sum += unpacker.unpackString().length();
        }
        return sum;
    }
}
