package tractor.spawn.ssh;

/** A child that never reads its standard input and never ends by itself: only a kill stops it. */
public final class IgnoresInputMain {
    private IgnoresInputMain() {}

    public static void main(String[] args) throws Exception {
        System.out.println("sleeping");
        Thread.currentThread().join(); // the point of this child: it never ends by itself, whatever its stdin does
    }
}
