package tractor.bundles.paxexam;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.inject.Inject;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.junit.rules.TestRule;
import org.junit.rules.Timeout;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import tractor.ActorOptions;
import tractor.Context;
import tractor.MsgStream;
import tractor.Portal;
import tractor.RootOptions;
import tractor.RuntimeFailure;
import tractor.Tractor;
import tractor.bundles.OsgiProbe;

/**
 * tractor in a real Apache Felix framework under Pax Exam (native container, one framework for the class):
 * the bundles resolve and start, trees run on the thread and process backends, and a backend or transport
 * bundle stopped and started again is seen without restarting the runtime. These methods run inside the
 * framework (Pax Exam's probe bundle), so tractor's types are the bundles' own. Each test is bounded by a
 * JUnit 4 {@link Timeout} and checked for leftover threads and child processes by {@link LeakFree}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PaxExamTest {
    static final Set<String> TRACTOR = Set.of("tractor.sc", "tractor.api", "tractor.spawn.spi", "tractor.transport.spi",
            "tractor.runtime", "tractor.spawn.process", "tractor.spawn.thread", "tractor.spawn.ssh", "tractor.transport.tcp",
            "tractor.transport.uds", "tractor.transport.inproc", "tractor.bundles");

    @Rule
    public final TestRule bounds = RuleChain.outerRule(new LeakFree()).around(Timeout.seconds(30));

    @Inject
    BundleContext context;

    @Configuration
    public Option[] config() throws Exception {
        return TractorBundles.options();
    }

    @Test
    public void everyBundleIsActiveAndTheBackendsAreServices() throws Exception {
        Set<String> names = new TreeSet<>();
        for (Bundle b : context.getBundles()) {
            assertEquals(b + " is not active", Bundle.ACTIVE, b.getState());
            names.add(b.getSymbolicName());
        }
        assertTrue(names.toString(), names.containsAll(TRACTOR));
        assertTrue(names.toString(), names.containsAll(Set.of("org.apache.aries.spifly.dynamic.bundle", "org.objectweb.asm",
                "org.msgpack.msgpack-core", "slf4j.api", "slf4j.simple")));
        assertEquals(Set.of("tractor.spawn.process", "tractor.spawn.thread", "tractor.spawn.ssh"), providers("tractor.spawn.spi.SpawnBackendProvider"));
        assertEquals(Set.of("tractor.transport.tcp", "tractor.transport.uds", "tractor.transport.inproc"),
                providers("tractor.transport.spi.TransportProvider"));
        assertEquals(Set.of("tractor.runtime"), providers("tractor.spi.RuntimeProvider"));
    }

    @Test
    public void theThreadBackendRunsACallAndAContextWithAStream() throws Exception {
        assertEquals("42 from thread-doubler", OsgiProbe.threadCall());
        List<Object> seen = new ArrayList<>();
        for (Object o : OsgiProbe.threadContextStream(5)) seen.add(o instanceof Integer i ? (Object) i.longValue() : o);
        assertEquals(List.of("ready", "ping 0", "ping 1", "ping 2", "ping 3", "ping 4", 5L), seen);
    }

    /** The inproc transport bundle is a service like the others: a whole tree runs in the framework without a socket. */
    @Test
    public void anInprocTreeRunsACall() throws Exception {
        assertEquals("42 from inproc-doubler", OsgiProbe.inprocCall());
    }

    /**
     * No {@code classPath} option: the runtime, finding itself in a framework, gives the child JVM the files of
     * the installed bundles (locations {@code reference:file:...}, in install order); the probe bundle, installed
     * from a stream, has no file and is not there. The child reports the class path it was started with.
     */
    @Test
    public void theProcessBackendGivesTheChildTheBundlesFilesAsItsClassPath() throws Exception {
        List<String> files = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            String loc = b.getLocation();
            if (loc.startsWith("reference:file:")) files.add(Path.of(URI.create(loc.substring("reference:".length()))).toString());
        }
        assertTrue(files.toString(), files.contains(file("tractor.runtime")) && files.contains(file("tractor.bundles")));
        List<Object> r = OsgiProbe.processCall();
        assertNotEquals("the child is another JVM", ProcessHandle.current().pid(), ((Number) r.get(0)).longValue());
        assertEquals(String.join(File.pathSeparator, files), r.get(1));
    }

    /** A {@code classPath} option of the spawn wins over the bundles' files: the child reports the one it was given. */
    @Test
    public void anExplicitClassPathOptionWins() throws Exception {
        List<String> files = new ArrayList<>(List.of(file("tractor.bundles"), file("tractor.api"), file("tractor.sc"),
                file("tractor.runtime"), file("tractor.spawn.spi"), file("tractor.transport.spi"), file("tractor.transport.tcp"),
                file("org.msgpack.msgpack-core"), file("slf4j.api"), file("slf4j.simple")));
        String cp = String.join(File.pathSeparator, files);
        assertEquals(cp, OsgiProbe.processCall(cp).get(1));
    }

    /**
     * One root actor throughout: a thread child serves a context; the thread backend's bundle is stopped, and the
     * next spawn fails with the one-line error naming the fix while the running child still echoes; the bundle is
     * started again, and the next spawn works.
     */
    @Test
    public void aStoppedBackendBundleIsSeenAndItsRestartToo() throws Exception {
        Bundle thread = bundle("tractor.spawn.thread");
        List<Object> seen = new ArrayList<>();
        try {
            Tractor.openNursery(OsgiProbe.root("thread"), an -> {
                Portal echoer = an.startActor("echoer", ActorOptions.of().enable(OsgiProbe.class));
                try (Context ctx = echoer.openContext(OsgiProbe::echo)) {
                    seen.add(ctx.first());
                    try (MsgStream s = ctx.openStream()) {
                        thread.stop();
                        seen.add(assertThrows(RuntimeFailure.class, () -> an.runInActor("while-stopped", OsgiProbe::twice, 2)).getMessage());
                        s.send("still echoing");
                        seen.add(s.receive());
                        thread.start();
                        seen.add(an.runInActor("after", OsgiProbe::twice, 3).result());
                    }
                    seen.add(((Number) ctx.waitForResult()).longValue());
                } finally {
                    echoer.cancelActor();
                }
            });
        } finally {
            if (thread.getState() != Bundle.ACTIVE) thread.start();
        }
        assertEquals(List.of("ready",
                "no spawn backend named \"thread\" (found: [process, ssh]); install and start the bundle that provides it (it registers"
                        + " the OSGi service tractor.spawn.spi.SpawnBackendProvider through the ServiceLoader mediator), or choose"
                        + " another with the spawnBackend option or TRACTOR_SPAWN_METHOD",
                "still echoing", "6 from after", 1L), seen);
    }

    /**
     * The same for a transport: with the {@code tractor.transport.uds} bundle stopped, a root over {@code uds}
     * fails in one line naming the fix; started again, the next root over {@code uds} runs a tree.
     */
    @Test
    public void aStoppedTransportBundleIsSeenAndItsRestartToo() throws Exception {
        Bundle uds = bundle("tractor.transport.uds");
        RootOptions overUds = RootOptions.of().spawnBackend("thread").transport("uds");
        assertEquals("8 from over-uds", twiceOver(overUds, 4));
        uds.stop();
        try {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tractor.openNursery(overUds, an -> {}));
            String known = e.getMessage().replaceAll("^no transport named \"uds\" \\(known: \\[(.*)]\\); .*$", "$1");
            assertEquals(e.getMessage(), Set.of("tcp", "inproc"), Set.of(known.split(", ")));
            assertTrue(e.getMessage(), e.getMessage().endsWith("); install and start the bundle that provides it (it registers"
                    + " the OSGi service tractor.transport.spi.TransportProvider through the ServiceLoader mediator)"));
        } finally {
            uds.start();
        }
        assertEquals("10 from over-uds", twiceOver(overUds, 5));
    }

    static Object twiceOver(RootOptions root, int x) throws Exception {
        Object[] out = new Object[1];
        Tractor.openNursery(root, an -> out[0] = an.runInActor("over-uds", OsgiProbe::twice, x).result());
        return out[0];
    }

    Bundle bundle(String symbolicName) {
        for (Bundle b : context.getBundles()) if (symbolicName.equals(b.getSymbolicName())) return b;
        throw new AssertionError("no bundle " + symbolicName + " installed");
    }

    String file(String symbolicName) {
        return Path.of(URI.create(bundle(symbolicName).getLocation().substring("reference:".length()))).toString();
    }

    Set<String> providers(String type) throws Exception {
        Set<String> out = new TreeSet<>();
        ServiceReference<?>[] refs = context.getAllServiceReferences(type, null);
        for (ServiceReference<?> r : refs == null ? new ServiceReference<?>[0] : refs) out.add(r.getBundle().getSymbolicName());
        return out;
    }
}
