package tractor.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry a registrar actor keeps: actor uid → the addresses it listens on, in registration
 * order. Lookups by name return the first registered actor of that name (tractor's behaviour).
 */
final class Registrar {
    private final Map<Uid, List<String>> table = new LinkedHashMap<>();
    private tractor.sc.Event changed = new tractor.sc.Event();

    synchronized void register(Uid uid, String address) {
        table.values().forEach(l -> l.remove(address)); // an address moves to its newest owner
        table.entrySet().removeIf(e -> e.getValue().isEmpty() && !e.getKey().equals(uid));
        List<String> addrs = table.computeIfAbsent(uid, k -> new ArrayList<>());
        if (!addrs.contains(address)) addrs.add(address);
        changed.set();
        changed = new tractor.sc.Event();
    }

    /**
     * The addresses of the first actor named {@code name}, waiting until one registers; a checkpoint.
     */
    List<String> await(String name) {
        while (true) {
            tractor.sc.Event next;
            synchronized (this) {
                List<String> found = find(name);
                if (found != null) return found;
                next = changed;
            }
            next.await();
        }
    }

    /**
     * Removes {@code address} from whichever actor registered it (tractor's {@code delete_addr}: the
     * address was found unreachable); an actor left without addresses is removed.
     *
     * @return whether the address was registered
     */
    synchronized boolean deleteAddr(String address) {
        boolean found = false;
        for (List<String> l : table.values()) found |= l.remove(address);
        table.values().removeIf(List::isEmpty);
        return found;
    }

    synchronized boolean unregister(Uid uid) {
        return table.remove(uid) != null;
    }

    /** The addresses of the first registered actor named {@code name}, or null. */
    synchronized List<String> find(String name) {
        for (Map.Entry<Uid, List<String>> e : table.entrySet()) {
            if (e.getKey().name().equals(name)) return List.copyOf(e.getValue());
        }
        return null;
    }

    /** {@code "name.uuid"} → addresses, as tractor's {@code get_registry}. */
    synchronized Map<String, List<String>> snapshot() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        table.forEach((k, v) -> out.put(k.name() + "." + k.uuid(), List.copyOf(v)));
        return out;
    }

    @Override
    public synchronized String toString() {
        return "registry of " + table.size() + " actors";
    }
}
