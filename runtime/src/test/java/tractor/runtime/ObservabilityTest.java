package tractor.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.management.JMX;
import javax.management.MBeanServerDelegate;
import javax.management.MBeanServerNotification;
import javax.management.NotificationListener;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import tractor.ActorMXBean;
import tractor.ActorOptions;
import tractor.Context;
import tractor.MsgStream;
import tractor.Portal;
import tractor.Tractor;
import tractor.runtime.it.Ctxs;
import tractor.testkit.Bounded;

/** The tree dump and the actor MXBean (the logging MDC is tested in the examples, whose backend keeps an MDC). */
@Bounded(seconds = 60)
class ObservabilityTest {

    @Test
    void dumpShowsTheSubtreeWithOpenContextsAndStreams() throws Exception {
        Tractor.openNursery(Matrix.root("thread", "tcp"), an -> {
            Portal p = an.startActor("dumpee", ActorOptions.of().enable(Ctxs.class));
            try (Context ctx = p.openContext(Ctxs::echo)) {
                try (MsgStream s = ctx.openStream()) {
                    s.send("ping");
                    assertEquals("ping", s.receive());
                    StringBuilder out = new StringBuilder();
                    Tractor.currentActor().dump(out);
                    String d = out.toString();
                    assertTrue(d.startsWith("actor " + Tractor.currentActor().name() + " [" + Tractor.currentActor().uid().uuid() + "]"), d);
                    assertTrue(d.contains("(root, registrar)"), d);
                    assertTrue(d.contains("    context " + ctx.cid() + " (parent side"), d);
                    assertTrue(d.contains("      stream of context " + ctx.cid()), d);
                    assertTrue(d.contains("\n  child dumpee ("), d);
                    assertTrue(d.contains("\n    actor dumpee [" + p.peer().uuid() + "]"), d);
                    assertTrue(d.contains("        context " + ctx.cid() + " (child side"), "the child's own view, indented: " + d);
                    assertTrue(p.dumpActor().startsWith("actor dumpee ["), p.dumpActor());
                }
                assertEquals(1L, ctx.waitForResult());
            }
            assertTrue(p.cancelActor());
        });
    }

    @Test
    void everyActorIsAnMXBeanWhileItRuns() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName child = new ObjectName("tractor:type=Actor,name=jmx_child");
        System.setProperty(ActorJmx.PROPERTY, "true"); // opt-in, read by each actor at boot
        try {
            jmxTree(server, child);
        } finally {
            System.clearProperty(ActorJmx.PROPERTY);
        }
        assertFalse(server.isRegistered(child), "unregistered when the actor ended");
    }

    private static void jmxTree(MBeanServer server, ObjectName child) throws Exception {
        Tractor.openNursery(Matrix.root("thread", "tcp"), an -> {
            Portal p = an.startActor("jmx_child", ActorOptions.of());
            awaitRegistered(server, child);
            ActorMXBean bean = JMX.newMXBeanProxy(server, child, ActorMXBean.class);
            assertEquals("jmx_child", bean.getName());
            assertEquals(p.peer().uuid(), bean.getUid());
            assertEquals(ProcessHandle.current().pid(), bean.getPid());
            assertFalse(bean.isRoot());
            assertTrue(bean.dump().startsWith("actor jmx_child [" + p.peer().uuid() + "]"), bean.dump());
            ObjectName root = new ObjectName("tractor:type=Actor,name=" + Tractor.currentActor().name());
            awaitRegistered(server, root);
            assertTrue(JMX.newMXBeanProxy(server, root, ActorMXBean.class).dump().contains("\n  child jmx_child ("));
            bean.cancel(); // the child cancels itself: the nursery's block then ends without an error
        });
    }

    /** Waits for {@code name} to be registered (registration runs off the actor's boot), on the server's notifications. */
    private static void awaitRegistered(MBeanServer server, ObjectName name) throws Exception {
        CountDownLatch registered = new CountDownLatch(1);
        NotificationListener l = (n, h) -> {
            if (n instanceof MBeanServerNotification m && m.getMBeanName().equals(name)) registered.countDown();
        };
        server.addNotificationListener(MBeanServerDelegate.DELEGATE_NAME, l, null, null);
        try {
            if (!server.isRegistered(name)) assertTrue(registered.await(10, TimeUnit.SECONDS), name + " was registered");
        } finally {
            server.removeNotificationListener(MBeanServerDelegate.DELEGATE_NAME, l);
        }
    }
}
