package tractor.examples;

import static tractor.examples.ExampleRoot.root;

import java.time.Duration;
import java.util.Map;
import tractor.ClusterOptions;
import tractor.Portal;
import tractor.Tractor;
import tractor.sc.Nursery;
import tractor.sc.Sc;

/**
 * tractor's quick cluster (the "higher level cluster APIs" of its README): a flat cluster with one
 * actor per core, each told to run {@code sleepyJane}, then the cluster is killed by an error.
 */
public final class QuickCluster {
    private QuickCluster() {}

    /** Says who it is, then sleeps until cancelled. */
    public static void sleepyJane() {
        System.out.println("Yo i am actor " + Tractor.currentActor().uid());
        Sc.sleepForever();
    }

    /** What kills the cluster (tractor raises a {@code KeyboardInterrupt}). */
    static final class Stop extends Exception {
        Stop() {
            super("kill the cluster");
        }
    }

    public static void main(String[] args) throws Exception {
        try {
            // one actor per core, each enabled to run the methods of this class
            Tractor.openActorCluster(ClusterOptions.of(QuickCluster.class).root(root()), (Map<String, Portal> portals) ->
                    Nursery.run(n -> {
                        for (Map.Entry<String, Portal> e : portals.entrySet()) {
                            n.startSoon(e.getKey(), () -> e.getValue().run(QuickCluster::sleepyJane));
                        }
                        Sc.sleep(Duration.ofSeconds(1));
                        // kill the cluster with an error
                        throw new Stop();
                    }));
        } catch (Stop e) {
            System.out.println("cluster killed: " + e.getMessage());
        }
    }
}
