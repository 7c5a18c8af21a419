package tractor.runtime;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A seeded mutation fuzzer that always runs (no Jazzer needed): 200k inputs derived from valid msgs and
 * payloads by byte flips, "interesting" bytes (length headers claiming 2^31, 0xc1, deep nesting), inserts,
 * deletions, truncations and splices, fed to the msg decoder and the payload decoders. The only exception
 * allowed is {@link MsgDecodeException}; an {@link OutOfMemoryError} or {@link StackOverflowError} also
 * fails, which is how a decoder that allocated by a lying length would show up (32-bit headers claim GBs).
 */
class RandomFuzzTest {
    static final int ITERATIONS = 200_000;
    private static final byte[] INTERESTING = {(byte) 0xc0, (byte) 0xc1, (byte) 0xdc, (byte) 0xdd, (byte) 0xde,
        (byte) 0xdf, (byte) 0xdb, (byte) 0xc6, (byte) 0xc9, (byte) 0xff, 0x7f, (byte) 0x80, (byte) 0x9f,
        (byte) 0x8f, (byte) 0xbf, (byte) 0xd4, (byte) 0xcf, 0};

    static List<byte[]> seeds() {
        MsgCodec codec = new MsgCodec();
        List<byte[]> seeds = new ArrayList<>();
        MsgCodecTest.everyType().forEach(m -> seeds.add(codec.encode(m)));
        PayloadCodec pld = new PayloadCodec();
        seeds.add(pld.encode(new PayloadCodecTest.Shape("s", PayloadCodecTest.Color.RED,
                List.of(new PayloadCodecTest.Point(1, 2)), java.util.Map.of("k", 1.5), new byte[] {1}, null,
                new long[] {1L << 40})).bytes());
        seeds.add(HexFormat.of().parseHex("d70700000000000000fa"));
        return seeds;
    }

    @Test
    void decodersOnlyEverThrowMsgDecodeException() {
        Random rnd = new Random(0x7ac70L);
        List<byte[]> seeds = seeds();
        FuzzTargets targets = new FuzzTargets();
        for (int i = 0; i < ITERATIONS; i++) {
            byte[] input = mutate(rnd, seeds.get(rnd.nextInt(seeds.size())), seeds);
            try {
                targets.run(input);
            } catch (Throwable t) {
                fail("iteration " + i + " input " + HexFormat.of().formatHex(input) + " threw " + t, t);
            }
        }
    }

    static byte[] mutate(Random rnd, byte[] seed, List<byte[]> seeds) {
        byte[] b = seed.clone();
        int rounds = 1 + rnd.nextInt(4);
        for (int r = 0; r < rounds && b.length > 0; r++) {
            int at = rnd.nextInt(b.length);
            b = switch (rnd.nextInt(7)) {
                case 0 -> { b[at] ^= (byte) (1 << rnd.nextInt(8)); yield b; }
                case 1 -> { b[at] = INTERESTING[rnd.nextInt(INTERESTING.length)]; yield b; }
                case 2 -> { b[at] = (byte) rnd.nextInt(256); yield b; }
                case 3 -> Arrays.copyOf(b, at);
                case 4 -> splice(b, at, new byte[] {(byte) rnd.nextInt(256), (byte) 0xff, (byte) 0xff});
                case 5 -> cut(b, at, 1 + rnd.nextInt(Math.min(8, b.length - at)));
                default -> splice(b, at, seeds.get(rnd.nextInt(seeds.size())));
            };
        }
        return b;
    }

    private static byte[] splice(byte[] b, int at, byte[] extra) {
        byte[] out = new byte[b.length + extra.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(extra, 0, out, at, extra.length);
        System.arraycopy(b, at, out, at + extra.length, b.length - at);
        return out;
    }

    private static byte[] cut(byte[] b, int at, int n) {
        byte[] out = new byte[b.length - n];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(b, at + n, out, at, b.length - at - n);
        return out;
    }
}
