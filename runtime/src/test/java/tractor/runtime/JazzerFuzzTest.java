package tractor.runtime;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing with Jazzer. In a normal {@code mvn verify} each {@code @FuzzTest} only replays
 * its seed corpus ({@code src/test/resources/tractor/runtime/JazzerFuzzTestInputs/<method>/}) plus any
 * crash files; with {@code JAZZER_FUZZ=1} it fuzzes (see {@code runtime/README-codec.md}). The property is
 * the same as {@link RandomFuzzTest}'s: bad input yields {@link MsgDecodeException} and nothing else.
 */
class JazzerFuzzTest {
    private final FuzzTargets targets = new FuzzTargets();

    @FuzzTest(maxDuration = "30s")
    void msgDecoder(byte[] input) {
        targets.run(input);
    }

    @FuzzTest(maxDuration = "30s")
    void payloadDecoder(byte[] input) {
        targets.payloadsOnly(input);
    }
}
