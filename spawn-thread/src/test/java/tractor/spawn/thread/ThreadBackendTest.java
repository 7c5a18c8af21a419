package tractor.spawn.thread;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.List;
import java.util.ServiceLoader;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import tractor.sc.ClosedResourceException;
import tractor.spawn.spi.ChildEntry;
import tractor.spawn.spi.ChildHandle;
import tractor.spawn.spi.SpawnBackend;
import tractor.spawn.spi.SpawnBackendProvider;
import tractor.spawn.spi.SpawnException;
import tractor.spawn.spi.SpawnRequest;
import tractor.spawn.tck.SpawnTck;

/** The TCK on threads, plus what only threads have: no kill, names, isolated class loaders. */
class ThreadBackendTest extends SpawnTck {
    @Override protected SpawnBackend newBackend() { return new ThreadBackendProvider().create(); }
    @Override protected int exitStatus(int status) { return status == 0 ? 0 : 1; }
    @Override protected String forwarded(String actor, String line) { return line; }

    private static SpawnRequest inJvm(String actor, java.util.function.Consumer<List<String>> entry) {
        return SpawnRequest.of(actor, UUID.randomUUID().toString(), new ChildEntry(null, null, entry), List.of());
    }

    @Test
    void theProviderIsFoundByName() {
        getClass().getModule().addUses(SpawnBackendProvider.class); // the test, not the backend, is the consumer
        List<String> names = ServiceLoader.load(SpawnBackendProvider.class).stream().map(p -> p.get().name()).toList();
        assertTrue(names.contains("thread"), names.toString());
        assertEquals("thread", backend.name());
    }

    @Test
    void aSharedChildRunsOnAVirtualThreadNamedAfterIt() throws Exception {
        CompletableFuture<Thread> thread = new CompletableFuture<>();
        ChildHandle child = backend.spawn(inJvm("worker_3", a -> thread.complete(Thread.currentThread())));
        assertEquals(0, exit(child));
        assertEquals("worker_3", thread.join().getName());
        assertTrue(thread.join().isVirtual(), "no OS thread per thread actor");
        assertTrue(child.pid().isEmpty());
        assertEquals("thread worker_3", child.describe());
    }

    @Test
    void aChildThatIgnoresInterruptsCannotBeKilledAndSaysSo() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ChildHandle child = backend.spawn(inJvm("stubborn", a -> {
            while (release.getCount() > 0) {
                try {
                    release.await();
                } catch (InterruptedException ignored) {
                    // this child ignores every stop request
                }
            }
        }));
        child.hardStop();
        assertFalse(child.waitFor(Duration.ofMillis(200)));
        assertTrue(child.describe().contains("cannot be killed"), child.describe());
        release.countDown();
        assertEquals(0, exit(child));
        assertEquals("thread stubborn", child.describe());
    }

    @Test
    void anIsolatedChildSharesNoStaticState() throws Exception {
        String key = "tractor.test.isolated." + UUID.randomUUID();
        IsolationProbe.counter = 41;
        SpawnRequest isolated = SpawnRequest.of("isolated", "u", new ChildEntry(null, IsolationProbe.class.getName(), null), List.of(key));
        assertEquals(0, exit(backend.spawn(isolated.withOption("classLoader", "isolated"))));
        assertEquals("1", System.getProperty(key), "the isolated child saw a fresh counter");
        assertEquals("false", System.getProperty(key + ".virtual"), "an isolated child loads classes: a platform thread");
        assertEquals(41, IsolationProbe.counter, "the parent's counter is untouched");

        assertEquals(0, exit(backend.spawn(inJvm("shared", a -> IsolationProbe.main(new String[] {key})))));
        assertEquals("42", System.getProperty(key), "a shared child sees the parent's statics");
        assertEquals("true", System.getProperty(key + ".virtual"));
        System.clearProperty(key);
        System.clearProperty(key + ".virtual");
    }

    /** In the module-path run this goes through a new module layer, on the class path through a URLClassLoader. */
    @Test
    void anIsolatedChildLoadsItsMainClassAfresh() throws Exception {
        SpawnRequest r = SpawnRequest.of("no_main", "u", new ChildEntry("tractor.spawn.thread", ThreadBackendProvider.class.getName(), null), List.of());
        ChildHandle child = backend.spawn(r.withOption("classLoader", "isolated"));
        assertEquals(1, exit(child));
        assertTrue(child.stderrTail().contains("NoSuchMethodException: tractor.spawn.thread.ThreadBackendProvider.main"), child.stderrTail());
    }

    @Test
    void badRequestsAreSpawnExceptions() {
        SpawnRequest r = inJvm("x", a -> {});
        assertThrows(SpawnException.class, () -> backend.spawn(r.withOption("classLoader", "weird")));
        assertThrows(SpawnException.class, () -> backend.spawn(SpawnRequest.of("y", "u", new ChildEntry(null, "p.Main", null), List.of())));
        assertThrows(SpawnException.class, () -> backend.spawn(r.withOption("classLoader", "isolated")));
    }

    @Test
    void aClosedBackendRefusesToSpawn() {
        backend.close();
        backend.close();
        assertThrows(ClosedResourceException.class, () -> backend.spawn(inJvm("late", a -> {})));
    }
}
