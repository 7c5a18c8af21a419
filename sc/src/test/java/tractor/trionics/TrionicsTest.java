package tractor.trionics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tractor.sc.CancelScope;
import tractor.sc.Cancelled;
import tractor.sc.Event;
import tractor.sc.ExceptionGroup;
import tractor.sc.Nursery;
import tractor.sc.Sc;
import tractor.testkit.Bounded;

@Bounded(seconds = 10)
class TrionicsTest {
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    /** Enters after {@code before} is set, logs entry and exit. */
    private ScopedResource<String> logged(String name, Event before, Event after) {
        return body -> {
            if (before != null) before.await();
            log.add("enter " + name);
            if (after != null) after.set();
            try {
                body.run(name);
            } finally {
                log.add("exit " + name);
            }
        };
    }

    @Test
    void valuesInInputOrderWhateverTheEntryOrder() throws Exception {
        Event c = new Event(), b = new Event(), a = new Event();
        // entries complete in the order c, b, a
        List<ScopedResource<String>> rs = List.of(logged("a", b, a), logged("b", c, b), logged("c", null, c));
        List<List<String>> seen = new ArrayList<>();
        Trionics.gatherContexts(rs, values -> {
            seen.add(values);
            assertEquals(3, log.size(), "every resource entered before the body: " + log);
        });
        assertEquals(List.of(List.of("a", "b", "c")), seen);
        assertEquals(List.of("enter c", "enter b", "enter a"), log.subList(0, 3));
        assertEquals(6, log.size(), "every resource exited before return: " + log);
    }

    @Test
    void emptyInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Trionics.gatherContexts(List.of(), v -> {}));
    }

    @Test
    void exitsRunConcurrently() throws Exception {
        int n = 4;
        AtomicInteger exiting = new AtomicInteger();
        Event allExiting = new Event();
        List<ScopedResource<Integer>> rs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int v = i;
            rs.add(body -> {
                try {
                    body.run(v);
                } finally {
                    if (exiting.incrementAndGet() == n) allExiting.set();
                    allExiting.await(); // would wait for ever if exits ran one after the other
                }
            });
        }
        Trionics.gatherContexts(rs, values -> assertEquals(List.of(0, 1, 2, 3), values));
        assertEquals(n, exiting.get());
    }

    @Test
    void anEntryErrorCancelsTheOthersAndPropagatesAsIs() {
        IOException boom = new IOException("entry failed");
        Event blockedEntered = new Event();
        AtomicBoolean blockedCancelled = new AtomicBoolean();
        AtomicBoolean bodyRan = new AtomicBoolean();
        ScopedResource<String> blocked = body -> {
            blockedEntered.set();
            try {
                Sc.sleepForever(); // still entering
            } catch (Cancelled c) {
                blockedCancelled.set(true);
                throw c;
            }
        };
        ScopedResource<String> failing = body -> {
            blockedEntered.await();
            throw boom;
        };
        List<String> exits = Collections.synchronizedList(new ArrayList<>());
        ScopedResource<String> entered = body -> {
            try {
                body.run("ok");
            } finally {
                exits.add("ok");
            }
        };
        IOException e = assertThrows(IOException.class,
                () -> Trionics.gatherContexts(List.of(entered, blocked, failing), v -> bodyRan.set(true)));
        assertSame(boom, e);
        assertTrue(blockedCancelled.get(), "the entry still running was cancelled");
        assertEquals(List.of("ok"), exits, "the resource already entered was exited");
        assertFalse(bodyRan.get());
    }

    @Test
    void severalEntryErrorsComeAsAGroup() {
        Event both = new Event();
        AtomicInteger arrived = new AtomicInteger();
        ScopedResource<String> failing = body -> {
            if (arrived.incrementAndGet() == 2) both.set();
            // shielded: the first failure's cancellation must not pre-empt the second failure
            tractor.sc.CancelScope.runShielded(s -> both.await());
            throw new IllegalStateException("entry failed");
        };
        ExceptionGroup g = assertThrows(ExceptionGroup.class,
                () -> Trionics.gatherContexts(List.of(failing, failing), v -> {}));
        assertEquals(2, g.leaves(IllegalStateException.class).size());
    }

    @Test
    void cancelDuringEntryExitsWhatWasEnteredAndIsCaught() throws Exception {
        Event aIn = new Event();
        List<String> exits = Collections.synchronizedList(new ArrayList<>());
        ScopedResource<String> a = body -> {
            try {
                aIn.set();
                body.run("a");
            } finally {
                exits.add("a");
            }
        };
        ScopedResource<String> never = body -> Sc.sleepForever();
        AtomicBoolean bodyRan = new AtomicBoolean();
        CancelScope s = CancelScope.run(cs -> Nursery.run(n -> {
            n.startSoon(() -> {
                aIn.await();
                cs.cancel();
            });
            Trionics.gatherContexts(List.of(a, never), v -> bodyRan.set(true));
        }));
        assertTrue(s.cancelledCaught());
        assertFalse(bodyRan.get());
        assertEquals(List.of("a"), exits);
    }

    @Test
    void aBodyErrorPropagatesAfterUncancelledExits() {
        RuntimeException boom = new RuntimeException("body failed");
        List<String> exits = Collections.synchronizedList(new ArrayList<>());
        ScopedResource<String> r = body -> {
            try {
                body.run("r");
            } finally {
                Sc.checkpoint(); // not cancelled: the exit runs normally
                exits.add("r");
            }
        };
        RuntimeException e = assertThrows(RuntimeException.class, () -> Trionics.gatherContexts(List.of(r, r), v -> {
            throw boom;
        }));
        assertSame(boom, e);
        assertEquals(List.of("r", "r"), exits);
    }

    @Test
    void aResourceThatSkipsItsBodyIsAnError() {
        ScopedResource<String> lazy = body -> {};
        assertThrows(IllegalStateException.class, () -> Trionics.gatherContexts(List.of(lazy), v -> {}));
    }

    @Test
    void maybeOpenNurseryUsesTheGivenNursery() throws Exception {
        Nursery.run(outer -> Trionics.maybeOpenNursery(outer, false, n -> assertSame(outer, n)));
    }

    @Test
    void maybeOpenNurseryOpensOneAndWaitsForItsTasks() throws Exception {
        AtomicBoolean ran = new AtomicBoolean();
        Trionics.maybeOpenNursery(null, false, n -> n.startSoon(() -> {
            Sc.checkpoint();
            ran.set(true);
        }));
        assertTrue(ran.get());
    }

    @Test
    void maybeOpenNurseryShieldsFromAnOuterCancel() throws Exception {
        AtomicBoolean finished = new AtomicBoolean();
        CancelScope s = CancelScope.run(cs -> {
            cs.cancel();
            Trionics.maybeOpenNursery(null, true, n -> n.startSoon(() -> {
                Sc.checkpoint(); // shielded: no Cancelled
                finished.set(true);
            }));
            Sc.checkpoint(); // outside the shield the cancellation lands
        });
        assertTrue(finished.get());
        assertTrue(s.cancelledCaught());
    }
}
