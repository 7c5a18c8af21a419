package tractor.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tractor.testkit.Bounded;

@Bounded(seconds = 60)
class TypedPayloadsTest {
    @Test
    void typedDialogRoundTripsAndViolationsAreMsgTypeErrors() throws Exception {
        List<String> lines = Output.of(TypedPayloads::main);
        assertEquals(List.of(
                "started: Total[sum=0]",
                "Add[n=1] -> Total[sum=1]",
                "Add[n=2] -> Total[sum=3]",
                "Add[n=3] -> Total[sum=6]",
                "result: Total[sum=6]"), lines.subList(0, 5), lines.toString());
        assertEquals(7, lines.size(), lines.toString());
        String started = lines.get(5);
        assertTrue(started.startsWith("started violation: RemoteActorError boxing tractor.MsgTypeError: "), started);
        assertTrue(started.contains("TypedPayloads$Msg"), started);
        String stream = lines.get(6);
        assertTrue(stream.startsWith("stream violation: tractor.MsgTypeError: "), stream);
        assertTrue(stream.contains("Add.n: expected long, got str"), stream);
    }
}
