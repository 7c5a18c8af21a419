package tractor.sc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tractor.testkit.Bounded;

@Bounded(seconds = 10)
class CancelScopeTest {

    @Test
    void cancelledScopeCatchesItsOwnCancellation() throws Exception {
        AtomicBoolean after = new AtomicBoolean();
        CancelScope s = CancelScope.run(scope -> {
            scope.cancel();
            Sc.checkpoint();
            after.set(true);
        });
        assertFalse(after.get());
        assertTrue(s.cancelCalled());
        assertTrue(s.cancelledCaught());
    }

    @Test
    void uncancelledScopeCatchesNothing() throws Exception {
        CancelScope s = CancelScope.run(scope -> Sc.checkpoint());
        assertFalse(s.cancelCalled());
        assertFalse(s.cancelledCaught());
    }

    @Test
    void cancellationIsLevelTriggered() throws Exception {
        AtomicInteger raised = new AtomicInteger();
        CancelScope.run(scope -> {
            scope.cancel();
            for (int i = 0; i < 3; i++) {
                try {
                    Sc.checkpoint();
                } catch (Cancelled c) {
                    raised.incrementAndGet();
                }
            }
        });
        assertEquals(3, raised.get());
    }

    @Test
    void cancelledIsNotAnException() {
        assertTrue(Error.class.isAssignableFrom(Cancelled.class));
        assertFalse(Exception.class.isAssignableFrom(Cancelled.class));
    }

    @Test
    void catchExceptionCannotSwallowCancellation() throws Exception {
        AtomicBoolean swallowed = new AtomicBoolean();
        CancelScope s = CancelScope.run(scope -> {
            scope.cancel();
            try {
                Sc.sleep(Duration.ofSeconds(5));
            } catch (Exception e) {
                swallowed.set(true);
            }
        });
        assertFalse(swallowed.get());
        assertTrue(s.cancelledCaught());
    }

    @Test
    void moveOnAfterEndsTheBodyAtTheDeadline() throws Exception {
        long t0 = System.nanoTime();
        CancelScope s = CancelScope.moveOnAfter(Duration.ofMillis(50), scope -> Sc.sleepForever());
        assertTrue(s.cancelledCaught());
        assertTrue(System.nanoTime() - t0 >= Duration.ofMillis(50).toNanos());
    }

    @Test
    void moveOnAfterDoesNothingWhenTheBodyIsFast() throws Exception {
        CancelScope s = CancelScope.moveOnAfter(Duration.ofSeconds(5), scope -> Sc.checkpoint());
        assertFalse(s.cancelCalled());
        assertFalse(s.cancelledCaught());
    }

    @Test
    void failAfterThrowsTooSlow() {
        assertThrows(TooSlowException.class, () -> CancelScope.failAfter(Duration.ofMillis(20), () -> {
            Sc.sleepForever();
            return 1;
        }));
    }

    @Test
    void failAfterReturnsTheValueInTime() throws Exception {
        assertEquals(42, CancelScope.failAfter(Duration.ofSeconds(5), () -> 42));
    }

    @Test
    void absoluteDeadlines() throws Exception {
        CancelScope s = CancelScope.moveOnAt(Sc.currentTime() + Duration.ofMillis(20).toNanos(), scope -> Sc.sleepForever());
        assertTrue(s.cancelledCaught());
        CancelScope past = CancelScope.moveOnAt(Sc.currentTime() - 1, scope -> Sc.checkpoint());
        assertTrue(past.cancelledCaught());
    }

    @Test
    void deadlineCanBeMovedWhileRunning() throws Exception {
        CancelScope s = CancelScope.run(scope -> {
            scope.deadline(Sc.currentTime() + Duration.ofMillis(10).toNanos());
            scope.deadline(Long.MAX_VALUE); // deadline removed before it fires
            Sc.sleep(Duration.ofMillis(40));
        });
        assertFalse(s.cancelledCaught());
    }

    @Test
    void deadlineFiresWhileBlockedInAChannel() throws Exception {
        MemoryChannel<String> ch = Sc.openMemoryChannel(0);
        CancelScope s = CancelScope.moveOnAfter(Duration.ofMillis(30), scope -> ch.receiver().receive());
        assertTrue(s.cancelledCaught());
        s = CancelScope.moveOnAfter(Duration.ofMillis(30), scope -> ch.sender().send("nobody takes it"));
        assertTrue(s.cancelledCaught());
        assertThrows(WouldBlockException.class, () -> ch.receiver().receiveNowait()); // the cancelled send left nothing
    }

    @Test
    void innerScopeCancelDoesNotAffectOuter() throws Exception {
        AtomicBoolean continued = new AtomicBoolean();
        CancelScope outer = CancelScope.run(o -> {
            CancelScope inner = CancelScope.run(i -> {
                i.cancel();
                Sc.checkpoint();
            });
            assertTrue(inner.cancelledCaught());
            Sc.checkpoint();
            continued.set(true);
        });
        assertTrue(continued.get());
        assertFalse(outer.cancelledCaught());
    }

    @Test
    void outerCancelPropagatesPastAnInnerScopeToTheOuter() throws Exception {
        CancelScope[] inner = new CancelScope[1];
        CancelScope outer = CancelScope.run(o -> {
            inner[0] = CancelScope.open();
            try (CancelScope i = inner[0]) {
                o.cancel();
                i.cancel();
                Sc.checkpoint();
            } catch (Cancelled c) {
                inner[0].absorb(c); // both cancelled: the outer one catches it, so absorb rethrows
            }
        });
        assertTrue(outer.cancelledCaught());
        assertFalse(inner[0].cancelledCaught());
    }

    @Test
    void shieldBlocksOuterCancellation() throws Exception {
        AtomicBoolean shieldedWorkDone = new AtomicBoolean();
        CancelScope outer = CancelScope.run(o -> {
            o.cancel();
            CancelScope.runShielded(s -> {
                Sc.sleep(Duration.ofMillis(10));
                shieldedWorkDone.set(true);
            });
            Sc.checkpoint(); // the outer cancellation is delivered again outside the shield
        });
        assertTrue(shieldedWorkDone.get());
        assertTrue(outer.cancelledCaught());
    }

    @Test
    void shieldedScopeCanStillBeCancelledItself() throws Exception {
        CancelScope s = CancelScope.runShielded(scope -> {
            scope.cancel();
            Sc.sleepForever();
        });
        assertTrue(s.cancelledCaught());
    }

    @Test
    void unshieldingExposesAPendingOuterCancel() throws Exception {
        CancelScope outer = CancelScope.run(o -> CancelScope.runShielded(s -> {
            o.cancel();
            Sc.checkpoint();
            s.shield(false);
            Sc.sleepForever();
        }));
        assertTrue(outer.cancelledCaught());
    }

    @Test
    void cancelFromAnotherTaskWakesABlockedTask() throws Exception {
        Event blocked = new Event();
        CancelScope[] scope = new CancelScope[1];
        Nursery.run(n -> {
            n.startSoon(() -> scope[0] = CancelScope.run(s -> {
                scope[0] = s;
                blocked.set();
                Sc.sleepForever();
            }));
            blocked.await();
            scope[0].cancel();
        });
        assertTrue(scope[0].cancelledCaught());
    }

    @Test
    void plainThreadSleepIsWokenByCancellation() throws Exception {
        long t0 = System.nanoTime();
        CancelScope s = CancelScope.moveOnAfter(Duration.ofMillis(30), scope -> Thread.sleep(60_000));
        assertTrue(s.cancelledCaught());
        assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(5).toNanos());
    }

    @Test
    void plainBlockingQueueTakeIsWokenByCancellation() throws Exception {
        BlockingQueue<String> q = new ArrayBlockingQueue<>(1);
        Event waiting = new Event();
        Nursery.run(n -> {
            n.startSoon(() -> {
                waiting.set();
                q.take();
            });
            waiting.await();
            n.cancel();
        });
        assertTrue(q.isEmpty());
    }

    @Test
    void interruptFlagIsClearedAfterLeavingACancelledScope() throws Exception {
        CancelScope.run(scope -> {
            scope.cancel();
            Sc.checkpoint();
        });
        assertFalse(Thread.currentThread().isInterrupted());
        Thread.sleep(1); // would throw if a stale interrupt survived
    }

    @Test
    void plainJdkCallsInsideAShieldAreNotInterrupted() throws Exception {
        AtomicBoolean slept = new AtomicBoolean();
        CancelScope.run(o -> {
            o.cancel();
            CancelScope.runShielded(s -> {
                Thread.sleep(5);
                slept.set(true);
            });
        });
        assertTrue(slept.get());
    }

    @Test
    void errorInFinallyWhileCancellingIsNotMasked() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> CancelScope.run(scope -> {
            scope.cancel();
            try {
                Sc.sleepForever();
            } finally {
                throw new IllegalStateException("cleanup failed");
            }
        }));
        assertEquals("cleanup failed", e.getMessage());
    }

    @Test
    void closeErrorUnderACancellationIsUnmasked() {
        // try-with-resources attaches close()'s error as suppressed to the Cancelled from the body:
        // the real error wins over the cancellation (tractor's maybe_raise_from_masking_exc)
        AutoCloseable failingClose = () -> {
            throw new java.io.UncheckedIOException(new java.io.IOException("close failed"));
        };
        java.io.UncheckedIOException e = assertThrows(java.io.UncheckedIOException.class, () -> CancelScope.run(scope -> {
            scope.cancel();
            try (failingClose) {
                Sc.checkpoint();
            }
        }));
        assertEquals("close failed", e.getCause().getMessage());
        assertInstanceOf(Cancelled.class, e.getSuppressed()[0]);
    }

    @Test
    void tryWithResourcesFormAndAbsorb() {
        CancelScope cs = CancelScope.open();
        try (cs) {
            cs.cancel();
            Sc.checkpoint();
        } catch (Cancelled c) {
            cs.absorb(c);
        }
        assertTrue(cs.cancelledCaught());
    }

    @Test
    void scopesMustCloseInnermostFirstOnTheirThread() throws Exception {
        CancelScope outer = CancelScope.open();
        CancelScope inner = CancelScope.open();
        assertThrows(IllegalStateException.class, outer::close);
        inner.close();
        Thread t = Thread.ofVirtual().start(() -> assertThrows(WrongThreadException.class, outer::close));
        t.join();
        outer.close();
    }

    @Test
    void currentScopeIsTheInnermost() throws Exception {
        CancelScope.run(s -> assertSame(s, Sc.currentScope()));
    }
}
