package tractor.trionics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import tractor.sc.CancelScope;
import tractor.sc.Event;
import tractor.sc.MemoryChannel;
import tractor.sc.Nursery;
import tractor.sc.ReceiveChannel;
import tractor.sc.Sc;
import tractor.sc.SendChannel;
import tractor.testkit.Bounded;

/** Ports of tractor's tests/test_resource_cache.py (scenarios 84–93). */
@Bounded(seconds = 10)
class ResourceCacheTest {
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    /** A resource counting its entries, whose exit waits for {@code releaseExit} (when given). */
    private static final class Tracked implements ScopedResource<Object> {
        final AtomicInteger entries = new AtomicInteger();
        final Event exitStarted = new Event();
        final Event exitDone = new Event();
        volatile Event releaseExit;
        volatile RuntimeException exitError;
        final List<Object> values = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void use(Body<? super Object> body) throws Exception {
            Object value = "gen " + entries.incrementAndGet();
            values.add(value);
            try {
                body.run(value);
            } finally {
                exitStarted.set();
                try {
                    if (releaseExit != null) releaseExit.await();
                } finally {
                    exitDone.set();
                }
                if (exitError != null) throw exitError;
            }
        }
    }

    // 84
    @ParameterizedTest(name = "key_on={0}")
    @ValueSource(strings = {"key_value", "factory"})
    void resourceOnlyEnteredOnce(String keyOn) throws Exception {
        Tracked r = new Tracked();
        int n = 10;
        AtomicInteger misses = new AtomicInteger();
        AtomicInteger inside = new AtomicInteger();
        Event allInside = new Event();
        List<Object> seen = Collections.synchronizedList(new ArrayList<>());
        Nursery.run(tn -> {
            ResourceCache cache = ResourceCache.open(tn);
            Nursery.run(users -> {
                for (int i = 0; i < n; i++) {
                    users.startSoon(() -> {
                        ResourceCache.Body<Object> body = (hit, v) -> {
                            if (!hit) misses.incrementAndGet();
                            seen.add(v);
                            if (inside.incrementAndGet() == n) {
                                assertEquals(n, cache.users(keyOn.equals("factory") ? r : "key"));
                                allInside.set();
                            }
                            allInside.await(); // all ten hold it at once
                        };
                        if (keyOn.equals("factory")) cache.maybeOpen(r, body);
                        else cache.maybeOpen("key", r, body);
                    });
                }
            });
            assertFalse(cache.isCached("key"));
            assertFalse(cache.isCached(r));
        });
        assertEquals(1, r.entries.get());
        assertEquals(1, misses.get());
        assertEquals(n, seen.size());
        assertTrue(seen.stream().allMatch(v -> v == seen.getFirst()), "every user got the same value");
    }

    // 85
    @Test
    void lastUserWaitsForResourceExit() throws Exception {
        Tracked r = new Tracked();
        r.releaseExit = new Event();
        AtomicBoolean userReturned = new AtomicBoolean();
        Nursery.run(tn -> {
            ResourceCache cache = ResourceCache.open(tn);
            tn.startSoon(() -> {
                cache.maybeOpen("k", r, (hit, v) -> {});
                assertTrue(r.exitDone.isSet(), "returned only after the exit completed");
                userReturned.set(true);
            });
            r.exitStarted.await();
            Sc.checkpoint();
            assertFalse(userReturned.get(), "the last user still waits while the exit runs");
            r.releaseExit.set();
        });
        assertTrue(userReturned.get());
    }

    // 86
    @Test
    void deliversResourceExitError() throws Exception {
        Tracked r = new Tracked();
        r.exitError = new IllegalStateException("exit failed");
        Nursery.run(tn -> {
            ResourceCache cache = ResourceCache.open(tn);
            RuntimeException e = assertThrows(RuntimeException.class, () -> cache.maybeOpen("k", r, (hit, v) -> {}));
            assertSame(r.exitError, e);
        });
    }

    // 87
    @Test
    void finalUserCancellationWaitsForExit() throws Exception {
        Tracked r = new Tracked();
        r.releaseExit = new Event();
        Nursery.run(tn -> {
            ResourceCache cache = ResourceCache.open(tn);
            tn.startSoon(() -> {
                r.exitStarted.await();
                Sc.checkpoint();
                r.releaseExit.set();
            });
            CancelScope s = CancelScope.run(cs -> cache.maybeOpen("k", r, (hit, v) -> {
                cs.cancel();
                Sc.sleepForever();
            }));
            assertTrue(s.cancelledCaught());
            assertTrue(r.exitDone.isSet(), "the exit finished before the cancellation propagated");
        });
    }

    // 88
    @Test
    void exitErrorMasksFinalUserCancellation() throws Exception {
        Tracked r = new Tracked();
        r.exitError = new IllegalStateException("exit failed");
        Nursery.run(tn -> {
            ResourceCache cache = ResourceCache.open(tn);
            RuntimeException e = assertThrows(RuntimeException.class, () -> CancelScope.run(cs ->
                    cache.maybeOpen("k", r, (hit, v) -> {
                        cs.cancel();
                        Sc.sleepForever();
                    })));
            assertSame(r.exitError, e);
        });
    }

    // 89
    @Test
    void serviceNurseryCancellationCompletesExit() throws Exception {
        Tracked r = new Tracked();
        Event entered = new Event();
        Nursery.run(tn -> {
            ResourceCache cache = ResourceCache.open(tn);
            tn.startSoon(() -> cache.maybeOpen("k", r, (hit, v) -> {
                entered.set();
                Sc.sleepForever();
            }));
            entered.await();
            tn.cancel();
        });
        assertTrue(r.exitDone.isSet());
        assertEquals(1, r.entries.get());
    }

    // 90: tractor shares one inter-actor MsgStream among 10 tasks; without the actor runtime the
    // local analogue shares one memory channel: the first user (cache miss) reads the broadcast's
    // first subscriber, the others read subscriptions of it.
    @Test
    void openLocalSubToStream() throws Exception {
        int users = 10, values = 50;
        MemoryChannel<Integer> ch = Sc.openMemoryChannel(0);
        AtomicInteger subscribed = new AtomicInteger();
        Event allSubscribed = new Event();
        AtomicInteger opened = new AtomicInteger();
        ScopedResource<BroadcastReceiver<Integer>> stream = body -> {
            opened.incrementAndGet();
            try (BroadcastReceiver<Integer> br = BroadcastReceiver.of(ch.receiver(), values)) {
                body.run(br);
            }
        };
        List<List<Integer>> got = Collections.synchronizedList(new ArrayList<>());
        CancelScope guard = CancelScope.moveOnAfter(Duration.ofSeconds(4), g -> Nursery.run(tn -> {
            ResourceCache cache = ResourceCache.open(tn);
            tn.startSoon(() -> {
                allSubscribed.await();
                try (SendChannel<Integer> tx = ch.sender()) {
                    for (int i = 0; i < values; i++) tx.send(i);
                }
            });
            Nursery.run(un -> {
                for (int u = 0; u < users; u++) {
                    un.startSoon(() -> cache.maybeOpen("stream", stream, (hit, br) -> {
                        BroadcastReceiver<Integer> mine = hit ? br.subscribe() : br;
                        try {
                            if (subscribed.incrementAndGet() == users) allSubscribed.set();
                            List<Integer> seen = new ArrayList<>();
                            for (Integer v : mine) seen.add(v);
                            got.add(seen);
                        } finally {
                            if (hit) mine.close();
                        }
                    }));
                }
            });
        }));
        assertFalse(guard.cancelledCaught(), "finished before the 4 s guard");
        ch.receiver().close();
        assertEquals(1, opened.get());
        assertEquals(users, got.size());
        for (List<Integer> seen : got) assertEquals(java.util.stream.IntStream.range(0, values).boxed().toList(), seen);
    }

    // 91
    @ParameterizedTest(name = "cancel_by_cs={0}")
    @ValueSource(booleans = {true, false})
    void lockNotCorruptedOnFastCancel(boolean cancelByScope) throws Exception {
        Event entering = new Event();
        ScopedResource<String> slow = body -> {
            entering.set();
            Sc.sleepForever(); // never finishes entering
        };
        ScopedResource<String> fast = body -> body.run("fast");
        AtomicBoolean peerMissed = new AtomicBoolean();
        Nursery.run(tn -> {
            ResourceCache cache = ResourceCache.open(tn);
            Event peerWaiting = new Event();
            CancelScope[] first = new CancelScope[1];
            Nursery.run(users -> {
                users.startSoon(() -> {
                    if (cancelByScope) {
                        first[0] = CancelScope.run(cs -> {
                            users.startSoon(() -> {
                                peerWaiting.await();
                                cs.cancel();
                            });
                            cache.maybeOpen("k", slow, (hit, v) -> {});
                        });
                    } else {
                        first[0] = CancelScope.moveOnAfter(Duration.ofMillis(50), cs -> cache.maybeOpen("k", slow, (hit, v) -> {}));
                    }
                });
                entering.await();
                users.startSoon(() -> {
                    peerWaiting.set(); // queued on the per-key lock behind the caller being cancelled
                    cache.maybeOpen("k", fast, (hit, v) -> {
                        peerMissed.set(!hit);
                        assertEquals("fast", v);
                    });
                });
            });
            assertTrue(first[0].cancelledCaught());
            cache.maybeOpen("k", fast, (hit, v) -> assertFalse(hit, "nothing left cached"));
            assertFalse(cache.isCached("k"));
        });
        assertTrue(peerMissed.get());
    }

    // 92
    @Test
    void perKeyResourceLifecycle() throws Exception {
        List<Tracked> made = Collections.synchronizedList(new ArrayList<>());
        java.util.function.Function<String, ScopedResource<Object>> factory = key -> body -> {
            Tracked t = new Tracked();
            made.add(t);
            log.add("enter " + key);
            try {
                t.use(body);
            } finally {
                log.add("exit " + key);
            }
        };
        Event aHeld = new Event(), releaseA = new Event();
        Nursery.run(tn -> {
            ResourceCache cache = ResourceCache.open(tn);
            tn.startSoon(() -> cache.maybeOpen("a", factory.apply("a"), (hit, v) -> {
                aHeld.set();
                releaseA.await();
            }));
            aHeld.await();
            cache.maybeOpen("b", factory.apply("b"), (hit, v) -> assertFalse(hit));
            assertTrue(cache.isCached("a"));
            assertFalse(cache.isCached("b"), "b was torn down while a is still held");
            assertEquals(List.of("enter a", "enter b", "exit b"), List.copyOf(log));
            cache.maybeOpen("b", factory.apply("b"), (hit, v) -> assertFalse(hit, "re-entering b is a fresh miss"));
            releaseA.set();
        });
        assertEquals(List.of("enter a", "enter b", "exit b", "enter b", "exit b", "exit a"), List.copyOf(log));
    }

    // 93
    @Test
    void reentryDuringTeardown() throws Exception {
        Tracked r = new Tracked();
        r.releaseExit = new Event();
        Object[] second = new Object[1];
        Nursery.run(tn -> {
            ResourceCache cache = ResourceCache.open(tn);
            tn.startSoon(() -> {
                cache.maybeOpen("k", r, (hit, v) -> assertFalse(hit));
                log.add("first user returned");
            });
            r.exitStarted.await();
            tn.startSoon(() -> cache.maybeOpen("k", r, (hit, v) -> {
                log.add("second user entered");
                assertFalse(hit, "a fresh cache miss");
                second[0] = v;
            }));
            Sc.sleep(Duration.ofMillis(50)); // let the second user reach the cache while the exit runs
            log.add("exit released");
            r.releaseExit.set();
        });
        assertEquals(2, r.entries.get());
        assertNotSame(r.values.get(0), second[0]);
        assertTrue(log.indexOf("exit released") < log.indexOf("second user entered"));
        assertTrue(log.indexOf("exit released") < log.indexOf("first user returned"));
    }

    @Test
    void anEntryErrorReachesTheCallerAndLeavesTheKeyUsable() throws Exception {
        IllegalStateException boom = new IllegalStateException("cannot enter");
        ScopedResource<String> broken = body -> {
            throw boom;
        };
        Nursery.run(tn -> {
            ResourceCache cache = ResourceCache.open(tn);
            assertSame(boom, assertThrows(IllegalStateException.class, () -> cache.maybeOpen("k", broken, (hit, v) -> {})));
            assertFalse(cache.isCached("k"));
            cache.maybeOpen("k", body -> body.run("ok"), (hit, v) -> {
                assertFalse(hit);
                assertEquals("ok", v);
            });
        });
    }
}
