package tractor.spawn.thread;

/** A main class with static state: records its counter, once incremented, in a system property. */
public final class IsolationProbe {
    /** Static state the isolation test watches. */
    public static int counter;

    private IsolationProbe() {}

    public static void main(String[] args) {
        counter++;
        System.setProperty(args[0], Integer.toString(counter));
    }
}
