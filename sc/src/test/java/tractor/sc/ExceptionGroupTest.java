package tractor.sc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExceptionGroupTest {
    private final IllegalStateException a = new IllegalStateException("a");
    private final IllegalArgumentException b = new IllegalArgumentException("b");

    @Test
    void collapseUnwrapsLoneLeavesOnly() {
        ExceptionGroup single = new ExceptionGroup("one", List.of(new ExceptionGroup("inner", List.of(a))));
        assertSame(a, ExceptionGroup.collapse(single));
        ExceptionGroup two = new ExceptionGroup("two", List.of(a, b));
        assertSame(two, ExceptionGroup.collapse(two));
        assertSame(b, ExceptionGroup.collapse(b));
    }

    @Test
    void matchingByType() {
        ExceptionGroup g = new ExceptionGroup("g", List.of(a, new ExceptionGroup("inner", List.of(b))));
        assertEquals(List.of(b), g.leaves(IllegalArgumentException.class));
        assertEquals(2, g.leaves(RuntimeException.class).size());
        assertTrue(g.split(IllegalArgumentException.class::isInstance).isPresent());
        assertFalse(g.split(java.io.UncheckedIOException.class::isInstance).isPresent());
        assertEquals(2, g.getSuppressed().length);
        assertTrue(g.getMessage().contains("IllegalStateException: a"), g.getMessage());
    }

    @Test
    void multiCancelled() {
        Cancelled c1 = new Cancelled(Sc.currentScope());
        Cancelled c2 = new Cancelled(Sc.currentScope());
        assertTrue(new ExceptionGroup("c", List.of(c1, c2)).isMultiCancelled());
        assertFalse(new ExceptionGroup("c", List.of(c1, a)).isMultiCancelled());
    }

    @Test
    void emptyGroupIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ExceptionGroup("none", List.of()));
    }
}
