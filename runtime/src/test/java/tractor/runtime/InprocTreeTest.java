package tractor.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tractor.ActorOptions;
import tractor.ActorStartupError;
import tractor.Context;
import tractor.ContextCancelled;
import tractor.MsgStream;
import tractor.Portal;
import tractor.RootOptions;
import tractor.Tractor;
import tractor.TransportClosed;
import tractor.runtime.it.Calls;
import tractor.runtime.it.Streams;
import tractor.testkit.Bounded;
import tractor.transport.spi.Address;
import tractor.transport.spi.TransportOptions;
import tractor.transport.spi.Transports;

/** A tree on the inproc transport: thread children reach their parent and the registrar through memory. */
@Bounded(seconds = 60)
class InprocTreeTest {
    private static final RootOptions ROOT = RootOptions.of().spawnBackend("thread").transport("inproc").enable(Calls.class);

    @Test
    void threadChildrenRunCallsContextsAndLookupsAndLeaveNothingBound() throws Exception {
        List<String> addresses = new ArrayList<>();
        Tractor.openRoot(ROOT, actor -> {
            ActorRuntime rt = (ActorRuntime) actor;
            assertEquals("inproc://registry@1616", rt.config().registryAddress().toString(), "the default registry address");
            assertEquals(rt.config().registryAddress().toString(), rt.address());
            addresses.add(rt.address());
            Tractor.openNursery(an -> {
                Portal p = an.startActor("worker", ActorOptions.of().enable(Calls.class).enable(Streams.class));
                assertEquals(5, p.run(Calls::add, 2, 3));
                assertEquals(7, p.run(Calls::addInParent, 3, 4)); // the child's task runs as the child, not as the sender of its Start
                assertEquals("worker", p.run(Calls::whoAmI));
                assertSame(actor, Tractor.currentActor(), "the root's thread is the root's again after delivering in the child");
                try (Context ctx = p.openContext(Streams::typedPingPong)) {
                    assertEquals(new Streams.Ping(0), ctx.first());
                    try (MsgStream s = ctx.openStream()) {
                        s.send(new Streams.Ping(5));
                        assertEquals(new Streams.Ping(6), s.receive());
                        s.send(new Streams.Quit("done"));
                    }
                    assertEquals(new Streams.Quit("done"), ctx.waitForResult());
                }
                try (Context ctx = p.openContext(Streams::typedPingPong)) {
                    ctx.first();
                    ctx.cancel();
                    assertInstanceOf(ContextCancelled.class, ctx.waitForResult());
                }
                assertEquals("worker", Tractor.findActor("worker").orElseThrow().run(Calls::whoAmI));
                addresses.addAll(rt.registrar().snapshot().values().stream().flatMap(List::stream).toList());
                assertTrue(p.cancelActor());
            });
        });
        assertTrue(addresses.size() >= 3 && addresses.stream().allMatch(a -> a.startsWith("inproc://")), addresses.toString());
        for (String a : addresses) {
            Address addr = Address.parse(a);
            assertThrows(TransportClosed.class, () -> Transports.get("inproc").connect(addr, TransportOptions.DEFAULTS), a + " still bound");
        }
    }

    @Test
    void moreThreadChildrenOpenNoDescriptor() throws Exception {
        Tractor.openNursery(ROOT, an -> {
            an.startActor("warm", ActorOptions.of().enable(Calls.class)).run(Calls::add, 1, 1); // classes loaded, pools started
            long fds = openDescriptors();
            List<Portal> ps = new ArrayList<>();
            for (int i = 0; i < 20; i++) ps.add(an.startActor("w" + i, ActorOptions.of().enable(Calls.class)));
            for (Portal p : ps) assertEquals(3, p.run(Calls::add, 1, 2));
            assertEquals(fds, openDescriptors(), "descriptors after 20 more inproc thread children");
            an.cancel();
        });
    }

    @Test
    void aProcessChildOrAnIsolatedClassLoaderIsRefusedAtOnce() throws Exception {
        Tractor.openNursery(ROOT, an -> {
            ActorStartupError e = assertThrows(ActorStartupError.class,
                    () -> an.startActor("far", ActorOptions.of().spawnBackend("process").enable(Calls.class)));
            assertTrue(e.getMessage().contains("only reaches actors in this JVM") && e.getMessage().contains("process"), e.getMessage());
            ActorStartupError iso = assertThrows(ActorStartupError.class,
                    () -> an.startActor("iso", ActorOptions.of().backendOption("classLoader", "isolated").enable(Calls.class)));
            assertTrue(iso.getMessage().contains("only reaches actors in this JVM"), iso.getMessage());
            assertEquals("near", an.startActor("near", ActorOptions.of().enable(Calls.class)).run(Calls::whoAmI));
            an.cancel();
        });
    }

    private static long openDescriptors() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            return s.count();
        }
    }
}
