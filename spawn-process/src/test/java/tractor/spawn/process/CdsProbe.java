package tractor.spawn.process;

/** A main class that loads nothing but itself, for {@link AppCdsTest}'s real child JVMs. */
public final class CdsProbe {
    private CdsProbe() {}

    public static void main(String[] args) {
        System.out.println("probe ran");
    }
}
