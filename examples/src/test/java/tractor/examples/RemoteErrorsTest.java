package tractor.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tractor.testkit.Bounded;

@Bounded(seconds = 60)
class RemoteErrorsTest {
    @Test
    void theChildsAssertionErrorReachesTheRootBoxed() throws Exception {
        List<String> lines = Output.of(RemoteErrors::main);
        assertEquals("Look Maa that actor failed hard, hehhh!", lines.getFirst(), lines.toString());
        assertTrue(lines.contains("  boxed type:  java.lang.AssertionError"), lines.toString());
        assertTrue(lines.contains("  from actor:  assert_err"), lines.toString());
        assertTrue(lines.contains("  message:     assert 0"), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.matches("  error: +java\\.lang\\.AssertionError in actor assert_err@\\S+: assert 0")),
                lines.toString());
    }
}
