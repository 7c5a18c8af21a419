package tractor.sc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import tractor.testkit.Bounded;

@Bounded(seconds = 10)
class NurseryTest {

    @Test
    void scopeEndsOnlyAfterEveryTaskEnded() throws Exception {
        AtomicInteger done = new AtomicInteger();
        Nursery.run(n -> {
            for (int i = 0; i < 50; i++) {
                n.startSoon(() -> {
                    Sc.sleep(Duration.ofMillis(5));
                    done.incrementAndGet();
                });
            }
        });
        assertEquals(50, done.get());
    }

    @Test
    void everyTaskHasLeftTheLiveSetWhenTheNurseryReturns() throws Exception {
        // a stress check of an ordering (the last task leaves the live set before the nursery wakes):
        // a regression shows up under load, as it first did in NurseryDemoTest during a full build
        for (int round = 0; round < 200; round++) {
            Nursery.run(n -> {
                for (int i = 0; i < 4; i++) n.startSoon("live-check", () -> {});
                n.start(status -> status.started());
            });
            assertEquals(List.of(), Diagnostics.liveTaskNames().stream().filter(t -> !t.startsWith("test")).toList());
        }
    }

    @Test
    void tasksAreVirtualThreadsNamedAsAsked() throws Exception {
        AtomicReference<Thread> seen = new AtomicReference<>();
        Nursery.run(n -> n.startSoon("worker", () -> seen.set(Thread.currentThread())));
        assertTrue(seen.get().isVirtual());
        assertEquals("worker", seen.get().getName());
    }

    @Test
    void firstFailureCancelsSiblingsAndIsRethrownAsItIs() {
        AtomicBoolean siblingCancelled = new AtomicBoolean();
        IllegalStateException boom = new IllegalStateException("boom");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> Nursery.run(n -> {
            n.startSoon(() -> {
                try {
                    Sc.sleepForever();
                } catch (Cancelled c) {
                    siblingCancelled.set(true);
                    throw c;
                }
            });
            n.startSoon(() -> {
                throw boom;
            });
        }));
        assertSame(boom, thrown);
        assertTrue(siblingCancelled.get());
    }

    @Test
    void failureCancelsTheBodyToo() {
        CountDownLatch failing = new CountDownLatch(1);
        assertThrows(ArithmeticException.class, () -> Nursery.run(n -> {
            n.startSoon(() -> {
                failing.countDown();
                throw new ArithmeticException("task");
            });
            failing.await();
            Sc.sleepForever();
        }));
    }

    @Test
    void severalConcurrentFailuresComeOutAsAGroup() {
        CountDownLatch both = new CountDownLatch(2);
        ExceptionGroup g = assertThrows(ExceptionGroup.class, () -> Nursery.run(n -> {
            for (String m : List.of("a", "b")) {
                n.startSoon(() -> {
                    both.countDown();
                    // both fail while shielded from the first failure's cancellation
                    CancelScope.runShielded(s -> both.await());
                    throw new IllegalArgumentException(m);
                });
            }
        }));
        assertEquals(2, g.exceptions().size());
        assertEquals(2, g.leaves(IllegalArgumentException.class).size());
        assertTrue(g.contains(IllegalArgumentException.class));
        assertTrue(g.split(e -> e.getMessage().equals("a")).orElseThrow().exceptions().size() == 1);
    }

    @Test
    void checkedExceptionsAreRethrownUnchanged() {
        java.io.IOException io = new java.io.IOException("disk");
        java.io.IOException thrown = assertThrows(java.io.IOException.class, () -> Nursery.run(n -> n.startSoon(() -> {
            throw io;
        })));
        assertSame(io, thrown);
    }

    @Test
    void bodyErrorWaitsForTasksAndCancelsThem() {
        AtomicBoolean taskEnded = new AtomicBoolean();
        Event running = new Event();
        assertThrows(UnsupportedOperationException.class, () -> Nursery.run(n -> {
            n.startSoon(() -> {
                try {
                    running.set();
                    Sc.sleepForever();
                } finally {
                    taskEnded.set(true);
                }
            });
            running.await();
            throw new UnsupportedOperationException("body");
        }));
        assertTrue(taskEnded.get());
    }

    @Test
    void ownCancellationIsAbsorbed() throws Exception {
        AtomicInteger cancelled = new AtomicInteger();
        Nursery.run(n -> {
            for (int i = 0; i < 3; i++) {
                n.startSoon(() -> {
                    try {
                        Sc.sleepForever();
                    } catch (Cancelled c) {
                        cancelled.incrementAndGet();
                        throw c;
                    }
                });
            }
            n.cancel();
        });
        assertEquals(3, cancelled.get());
    }

    @Test
    void realErrorBeatsCancellation() {
        Event started = new Event();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> CancelScope.run(outer -> Nursery.run(n -> {
            n.startSoon(() -> {
                try {
                    started.set();
                    Sc.sleepForever();
                } finally {
                    throw new IllegalStateException("cleanup failed"); // raised while being cancelled
                }
            });
            n.startSoon(Sc::sleepForever);
            started.await();
            outer.cancel();
        })));
        assertEquals("cleanup failed", e.getMessage());
    }

    @Test
    void tasksStartedAfterCloseAreRefused() throws Exception {
        AtomicReference<Nursery> escaped = new AtomicReference<>();
        Nursery.run(escaped::set);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> escaped.get().startSoon(() -> {}));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> escaped.get().start(s -> s.started()));
    }

    @Test
    void tasksMayStartSiblingsWhileTheNurseryJoins() throws Exception {
        AtomicInteger ran = new AtomicInteger();
        Nursery.run(n -> n.startSoon(() -> {
            Sc.sleep(Duration.ofMillis(20)); // the body has ended by now: the nursery is joining
            n.startSoon(ran::incrementAndGet);
        }));
        assertEquals(1, ran.get());
    }

    @Test
    void startReturnsTheStartedValueAndTheTaskKeepsRunning() throws Exception {
        BlockingQueue<String> log = new ArrayBlockingQueue<>(10);
        Nursery.run(n -> {
            int port = n.start(status -> {
                log.add("starting");
                status.started(1616);
                log.add("serving");
            });
            log.add("got " + port);
        });
        assertEquals(3, log.size());
        assertEquals("starting", log.poll());
        assertTrue(log.contains("got 1616"));
    }

    @Test
    void startedTwiceIsAnError() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Nursery.run(n -> n.start(status -> {
            status.started("a");
            status.started("b");
        })));
        assertTrue(e.getMessage().contains("twice"), e.getMessage());
    }

    @Test
    void errorBeforeStartedIsThrownByStart() throws Exception {
        AtomicReference<Throwable> fromStart = new AtomicReference<>();
        Nursery.run(n -> {
            try {
                n.start(status -> {
                    throw new IllegalArgumentException("bad config");
                });
            } catch (IllegalArgumentException e) {
                fromStart.set(e);
            }
        });
        assertEquals("bad config", fromStart.get().getMessage());
    }

    @Test
    void exitWithoutStartedIsAnError() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Nursery.run(n -> n.start(status -> {})));
        assertTrue(e.getMessage().contains("without calling started"), e.getMessage());
    }

    @Test
    void cancelDuringStartBeforeStartedCancelsTheTaskAndRaisesCancelled() throws Exception {
        Event inStartup = new Event();
        AtomicBoolean taskSawCancel = new AtomicBoolean();
        AtomicBoolean afterStart = new AtomicBoolean();
        CancelScope s = CancelScope.run(scope -> Nursery.run(n -> {
            n.startSoon(() -> {
                inStartup.await();
                scope.cancel();
            });
            n.start(status -> {
                inStartup.set();
                try {
                    Sc.sleepForever();
                } catch (Cancelled c) {
                    taskSawCancel.set(true);
                    throw c;
                }
            });
            afterStart.set(true);
        }));
        assertTrue(s.cancelledCaught());
        assertTrue(taskSawCancel.get());
        assertTrue(!afterStart.get());
    }

    @Test
    void absorbedCancelBeforeStartedIsNotMorphedIntoAnError() throws Exception {
        // tractor's start_or_cancel: the task swallows its cancellation and returns without started()
        Event inStartup = new Event();
        CancelScope s = CancelScope.run(scope -> Nursery.run(n -> {
            n.startSoon(() -> {
                inStartup.await();
                scope.cancel();
            });
            n.start(status -> {
                inStartup.set();
                try {
                    Sc.sleepForever();
                } catch (Cancelled swallowed) {
                    // returns normally
                }
            });
        }));
        assertTrue(s.cancelledCaught());
    }

    @Test
    void siblingErrorIsNotMaskedByAStartingTask() {
        Event inStartup = new Event();
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> Nursery.run(n -> {
            n.startSoon(() -> {
                inStartup.await();
                throw new ArithmeticException("sibling");
            });
            n.start(status -> {
                inStartup.set();
                try {
                    Sc.sleepForever();
                } catch (Cancelled swallowed) {
                    // absorbs its cancellation before started()
                }
            });
        }));
        assertEquals("sibling", e.getMessage());
    }

    @Test
    void startedTaskMovesUnderTheNurseryScope() throws Exception {
        // once started, cancelling the caller's inner scope no longer reaches the task
        AtomicBoolean survived = new AtomicBoolean();
        Event release = new Event();
        Nursery.run(n -> {
            CancelScope.run(inner -> {
                n.start(status -> {
                    status.started();
                    release.await();
                    survived.set(true);
                });
                inner.cancel();
            });
            release.set();
        });
        assertTrue(survived.get());
    }

    @Test
    void autoCloseableFormJoins() throws Exception {
        AtomicInteger ran = new AtomicInteger();
        try (Nursery n = Nursery.open()) {
            n.startSoon(ran::incrementAndGet);
            n.startSoon(ran::incrementAndGet);
            n.join();
        }
        assertEquals(2, ran.get());
    }

    @Test
    void autoCloseableJoinRethrowsTaskError() {
        assertThrows(IllegalStateException.class, () -> {
            try (Nursery n = Nursery.open()) {
                n.startSoon(() -> {
                    throw new IllegalStateException("x");
                });
                n.join();
            }
        });
    }

    @Test
    void closeWithoutJoinCancelsWaitsAndReports() {
        AtomicBoolean cancelled = new AtomicBoolean();
        Event running = new Event();
        RuntimeException body = assertThrows(RuntimeException.class, () -> {
            try (Nursery n = Nursery.open()) {
                n.startSoon(() -> {
                    try {
                        running.set();
                        Sc.sleepForever();
                    } catch (Cancelled c) {
                        cancelled.set(true);
                        throw c;
                    }
                });
                running.await();
                throw new RuntimeException("body failed");
            }
        });
        assertEquals("body failed", body.getMessage());
        assertTrue(cancelled.get());
        assertInstanceOf(IllegalStateException.class, body.getSuppressed()[0]);
    }

    @Test
    void joinFromAnotherThreadIsRefused() throws Exception {
        try (Nursery n = Nursery.open()) {
            AtomicReference<Throwable> err = new AtomicReference<>();
            Thread t = Thread.ofVirtual().start(() -> {
                try {
                    n.join();
                } catch (Throwable e) {
                    err.set(e);
                }
            });
            t.join();
            assertInstanceOf(WrongThreadException.class, err.get());
            n.join();
        }
    }

    @Test
    void outerCancellationPropagatesThroughNestedNurseries() throws Exception {
        ConcurrentLinkedQueue<String> cancelled = new ConcurrentLinkedQueue<>();
        CountDownLatch ready = new CountDownLatch(4);
        CancelScope s = CancelScope.run(outer -> Nursery.run(n1 -> {
            for (int i = 0; i < 2; i++) {
                int id = i;
                n1.startSoon(() -> Nursery.run(n2 -> {
                    for (int j = 0; j < 2; j++) {
                        String name = id + "." + j;
                        n2.startSoon(() -> {
                            ready.countDown();
                            try {
                                Sc.sleepForever();
                            } catch (Cancelled c) {
                                cancelled.add(name);
                                throw c;
                            }
                        });
                    }
                }));
            }
            ready.await();
            outer.cancel();
        }));
        assertTrue(s.cancelledCaught());
        assertEquals(4, cancelled.size());
    }

    @Test
    void nestedErrorsKeepTheirGroupStructure() {
        CountDownLatch all = new CountDownLatch(3);
        ExceptionGroup g = assertThrows(ExceptionGroup.class, () -> Nursery.run(n -> {
            n.startSoon(() -> Nursery.run(inner -> {
                for (String m : List.of("x", "y")) {
                    inner.startSoon(() -> {
                        all.countDown();
                        CancelScope.runShielded(s -> all.await());
                        throw new IllegalStateException(m);
                    });
                }
            }));
            n.startSoon(() -> {
                all.countDown();
                CancelScope.runShielded(s -> all.await());
                throw new IllegalArgumentException("z");
            });
        }));
        assertEquals(3, g.leaves(RuntimeException.class).size());
        assertEquals(1, g.exceptions().stream().filter(ExceptionGroup.class::isInstance).count());
    }
}
