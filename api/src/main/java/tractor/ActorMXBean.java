package tractor;

/**
 * The JMX view of a running actor, registered by the runtime as {@code tractor:type=Actor,name=<name>}
 * for each actor of the JVM (with {@code ,uid=<uuid>} when a second actor of that name runs in it).
 *
 * {@snippet :
 * ActorMXBean a = JMX.newMXBeanProxy(ManagementFactory.getPlatformMBeanServer(),
 *         new ObjectName("tractor:type=Actor,name=root"), ActorMXBean.class);
 * System.out.println(a.dump());
 * }
 */
public interface ActorMXBean {
    /** The actor's name. */
    String getName();

    /** The actor's uuid. */
    String getUid();

    /** The OS process id of its JVM. */
    long getPid();

    /** The address it listens on. */
    String getAddress();

    /** Whether it is the root of its tree. */
    boolean isRoot();

    /** Whether it keeps the registry of its tree. */
    boolean isRegistrar();

    /** Its tree dump, as {@link Actor#dump} prints it. */
    String dump();

    /** Asks the actor to cancel itself soon ({@link Actor#cancelSoon}). */
    void cancel();
}
