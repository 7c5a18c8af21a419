package tractor.runtime;

import java.lang.management.ManagementFactory;
import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import tractor.ActorMXBean;

/**
 * Each running actor as a platform MXBean, {@code tractor:type=Actor,name=<name>} (with
 * {@code ,uid=<uuid>} added when another actor of that name already runs in the JVM): its identity, its
 * {@linkplain tractor.Actor#dump dump} and a cancel operation. Registered when the actor boots,
 * unregistered when it ends.
 *
 * <p>Registration is opt-in, with {@code -Dtractor.jmx=true} in the JVMs whose actors should show:
 * starting the platform MBean server costs a JVM 0.4–0.6 s of CPU on the project's 2-core machine, which
 * slowed a root's first run measurably (a timing scenario of the runtime failed with it on by default).
 * When on, registration runs on a virtual thread of its own, off the actor's boot.
 */
final class ActorJmx implements ActorMXBean {
    /** The system property that turns registration on. */
    static final String PROPERTY = "tractor.jmx";

    private final ActorRuntime rt;

    private ActorJmx(ActorRuntime rt) {
        this.rt = rt;
    }

    /** The pending or done registration of one actor's MXBean. */
    static final class Registration {
        private final Thread thread;
        private volatile ObjectName name;

        private Registration(ActorRuntime rt) {
            thread = Thread.ofVirtual().name("tractor-jmx " + rt.uid().name()).start(() -> name = register(rt));
        }

        /** Waits (bounded) for the registration, then unregisters the MXBean; idempotent. */
        void unregister() {
            try {
                if (!thread.join(java.time.Duration.ofSeconds(5))) Log.warn("jmx", "the MXBean registration still runs at the end of the actor");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the actor is being torn down: keep the cancellation
            }
            ActorJmx.unregister(name);
        }
    }

    /** Starts registering the actor's MXBean (when this JVM registers actors at all; else null). */
    static Registration start(ActorRuntime rt) {
        if (!Boolean.getBoolean(PROPERTY)) return null;
        return new Registration(rt);
    }

    /** Registers the actor's MXBean; returns its name, or null when JMX refused it (logged). */
    static ObjectName register(ActorRuntime rt) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            ObjectName name = ObjectName.getInstance("tractor:type=Actor,name=" + quoted(rt.uid().name()));
            try {
                server.registerMBean(new ActorJmx(rt), name);
                return name;
            } catch (InstanceAlreadyExistsException taken) {
                ObjectName unique = ObjectName.getInstance("tractor:type=Actor,name=" + quoted(rt.uid().name()) + ",uid=" + rt.uid().uuid());
                server.registerMBean(new ActorJmx(rt), unique);
                return unique;
            }
        } catch (JMException | RuntimeException e) {
            Log.warn(rt, "could not register the actor's MXBean: " + e);
            return null;
        }
    }

    static void unregister(ObjectName name) {
        if (name == null) return;
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
        } catch (JMException e) {
            // already gone
        }
    }

    private static String quoted(String s) {
        return s.matches("[A-Za-z0-9_.\\-]+") ? s : ObjectName.quote(s);
    }

    @Override public String getName() { return rt.uid().name(); }

    @Override public String getUid() { return rt.uid().uuid(); }

    @Override public long getPid() { return rt.pid(); }

    @Override public String getAddress() { return rt.address(); }

    @Override public boolean isRoot() { return rt.isRoot(); }

    @Override public boolean isRegistrar() { return rt.isRegistrar(); }

    @Override public String dump() { return ActorDump.text(rt); }

    @Override public void cancel() { rt.cancelSoon(); }

    @Override
    public String toString() {
        return "MXBean of actor " + rt;
    }
}
