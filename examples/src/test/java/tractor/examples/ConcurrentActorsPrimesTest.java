package tractor.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tractor.testkit.Bounded;

@Bounded(seconds = 60)
class ConcurrentActorsPrimesTest {
    @Test
    void aPoolOfActorsChecksThePrimesAndAnswersInOrder() throws Exception {
        List<String> lines = Output.of(ConcurrentActorsPrimes::main);
        assertEquals(List.of(
                "112272535095293 is prime: true",
                "112582705942171 is prime: true",
                "112272535095293 is prime: true",
                "115280095190773 is prime: true",
                "115797848077099 is prime: true",
                "1099726899285419 is prime: false"), lines.subList(0, 6), lines.toString());
        assertTrue(lines.get(6).matches("processing took \\d+\\.\\d{3} seconds"), lines.toString());
        assertTrue(lines.get(7).matches("script took \\d+\\.\\d{3} seconds"), lines.toString());
        assertEquals(8, lines.size(), lines.toString());
    }
}
