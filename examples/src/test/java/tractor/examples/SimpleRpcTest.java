package tractor.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tractor.testkit.Bounded;

@Bounded(seconds = 60)
class SimpleRpcTest {
    @Test
    void tenPingsTenPongsOverOneContextStream() throws Exception {
        List<String> lines = Output.of(SimpleRpc::main);
        List<String> expected = new ArrayList<>();
        expected.add("started: 11");
        for (int i = 1; i <= 9; i++) expected.add("pong " + i);
        expected.add("rpc_server answered 10 pings");
        assertEquals(expected, lines, lines.toString());
    }
}
