package tractor.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import tractor.testkit.Bounded;

/** tractor's {@code test_echoserver_detailed_mechanics} (137, 138) on the example. */
@Bounded(seconds = 60)
class InfectedAsyncioEchoServerTest {
    @Test
    void hundredRoundTripsThroughTheForeignEchoServer() throws Exception {
        List<String> lines = Output.of(InfectedAsyncioEchoServer::main);
        // the child's lines reach this JVM through its output pump: in order among themselves only
        assertEquals(List.of("first: start", "last echo: stop", "aio_server echoed 100 values"),
                lines.stream().filter(l -> !l.startsWith("[aio_server] ")).toList(), lines.toString());
        assertEquals(List.of("[aio_server] breaking aio echo loop", "[aio_server] exiting asyncio task"),
                lines.stream().filter(l -> l.startsWith("[aio_server] ")).toList(), lines.toString());
    }

    @Test
    void anErrorInTheRootEscapesAsItIsAndTheTreeIsReaped() {
        // the leak check after the test fails it if the child JVM outlived the error
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Output.of(a -> InfectedAsyncioEchoServer.main(new String[] {"raise"})));
        assertEquals("root raised at 50", e.getMessage());
    }
}
