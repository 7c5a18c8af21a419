package tractor.runtime;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Uid's hand-written equals and hashCode keep the record's value semantics (it keys the runtime's maps). */
class UidTest {
    @Test
    void nameAndUuidMakeTheId() {
        Uid a = new Uid("worker", "u-1"), same = new Uid(new String("worker"), new String("u-1"));
        assertEquals(a, same);
        assertEquals(a.hashCode(), same.hashCode());
        assertEquals("found", Map.of(a, "found").get(same));
        assertNotEquals(a, new Uid("worker", "u-2"));
        assertNotEquals(a, new Uid("other", "u-1"));
        assertNotEquals(new Uid("ab", "c"), new Uid("a", "bc"));
        assertNotEquals(a, (Object) "('worker', 'u-1')");
        assertNotEquals(a, null);
    }
}
