package tractor.runtime;

import java.util.*;
import java.util.concurrent.ConcurrentHashMap;

/** TEMPORARY probe (not for commit): boot step stamps, printed at exit when -Dtractor.stamps is set. */
final class Stamps {
    static final boolean ON = Boolean.getBoolean("tractor.stamps");
    static volatile long t0;
    static final Map<String, List<Double>> ALL = new ConcurrentHashMap<>();
    static {
        if (ON) Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            List<String> keys = new ArrayList<>(ALL.keySet());
            Map<String, Double> med = new HashMap<>();
            for (String k : keys) { List<Double> l = new ArrayList<>(ALL.get(k)); Collections.sort(l); med.put(k, l.get(l.size() / 2)); }
            keys.sort(Comparator.comparing((String k) -> k.split(" ")[0]).thenComparing(med::get));
            for (String k : keys) System.out.printf(Locale.ROOT, "stamp %-28s %7.3f ms (n=%d)%n", k, med.get(k), ALL.get(k).size());
        }));
    }
    static volatile String pre = "";
    static void begin(String p) { if (ON) { pre = p; t0 = System.nanoTime(); } }
    static void at(String step) {
        if (ON) ALL.computeIfAbsent(pre + " " + step, k -> Collections.synchronizedList(new ArrayList<>())).add((System.nanoTime() - t0) / 1e6);
    }
}
