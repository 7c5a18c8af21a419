package tractor.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import tractor.testkit.Bounded;

@Bounded(seconds = 60)
class CausalityTest {
    @Test
    void withoutADaemonTheResultWaitsInThePortal() throws Exception {
        assertEquals(List.of("Dang that's beautiful"), Output.of(CellarDoor::main));
    }

    @Test
    void aDaemonServesCallsUntilCancelled() throws Exception {
        assertEquals(List.of("have you ever seen a portal?", "have you ever seen a portal?"), Output.of(MovieTheatreQuestion::main));
    }
}
