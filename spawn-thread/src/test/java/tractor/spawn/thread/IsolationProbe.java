package tractor.spawn.thread;

/**
 * A main class with static state: records its counter, once incremented, in a system property, and in
 * another ({@code <key>.virtual}) whether it ran on a virtual thread.
 */
public final class IsolationProbe {
    /** Static state the isolation test watches. */
    public static int counter;

    private IsolationProbe() {}

    public static void main(String[] args) {
        counter++;
        System.setProperty(args[0], Integer.toString(counter));
        System.setProperty(args[0] + ".virtual", Boolean.toString(Thread.currentThread().isVirtual()));
    }
}
