package tractor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tractor.sc.Nursery;

/** {@link Tractor#openActorCluster}: starts the actors concurrently, runs the body, cancels them. */
final class Clusters {
    private Clusters() {}

    static void run(ActorNursery an, ClusterOptions o, Tractor.Body<Map<String, Portal>> body) throws Exception {
        List<String> names = o.actorNames();
        Portal[] portals = new Portal[names.size()];
        Nursery.run(n -> {
            for (int i = 0; i < portals.length; i++) {
                int k = i;
                n.startSoon("start " + names.get(k), () -> portals[k] = an.startActor(names.get(k), o.actor()));
            }
        });
        Map<String, Portal> byName = new LinkedHashMap<>();
        for (int i = 0; i < portals.length; i++) byName.put(names.get(i), portals[i]);
        body.run(Collections.unmodifiableMap(byName));
        an.cancel();
    }
}
