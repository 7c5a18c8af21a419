package tractor.runtime;

import java.util.List;

/**
 * The decoders under fuzzing, shared by {@link RandomFuzzTest} and the Jazzer {@code @FuzzTest}s: each
 * input goes through the msg decoder, the frame decoder, the generic payload decoder and a typed payload
 * decoder. {@link MsgDecodeException} is the expected outcome for bad input and is swallowed; anything
 * else propagates. A small frame limit keeps every decode bounded.
 */
final class FuzzTargets {
    private final CodecLimits limits = new CodecLimits(1 << 16, 32);
    private final MsgCodec msgs = new MsgCodec(limits, ExtRegistry.EMPTY);
    private final PayloadCodec payloads = new PayloadCodec(ExtRegistry.EMPTY, limits);

    void run(byte[] input) {
        if (input.length == 0 || input.length > limits.maxFrameBytes()) {
            return;
        }
        try {
            Msg m = msgs.decode(input);
            if (!m.equals(msgs.decode(msgs.encode(m)))) { // whatever decodes re-encodes to the same msg
                throw new AssertionError("round trip changed " + m);
            }
        } catch (MsgDecodeException expected) {
            // bad input, reported properly
        }
        frame(input);
        payload(input, Object.class);
        payload(input, PayloadCodecTest.Shape.class);
        payload(input, List.class);
    }

    /** Only the payload decoders (generic and typed). */
    void payloadsOnly(byte[] input) {
        if (input.length == 0 || input.length > limits.maxFrameBytes()) {
            return;
        }
        payload(input, Object.class);
        payload(input, PayloadCodecTest.Shape.class);
        payload(input, List.class);
    }

    private void frame(byte[] input) {
        byte[] frame = new byte[input.length + 4];
        MsgCodec.putLength(frame, input.length);
        System.arraycopy(input, 0, frame, 4, input.length);
        try {
            msgs.decodeFrame(frame);
        } catch (MsgDecodeException expected) {
            // bad input
        }
    }

    private void payload(byte[] input, Class<?> type) {
        try {
            payloads.decode(new RawPayload(input), type);
        } catch (MsgDecodeException expected) {
            // bad input
        }
    }
}
