package tractor.runtime.it;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tractor.Tractor;
import tractor.sc.CancelScope;
import tractor.sc.Event;

/**
 * Endpoints of the RPC-after-disconnect scenarios (49–50): {@link #hold} and {@link #holdThenFail}
 * block (shielded, so that the cancellation a lost peer causes does not cut them short) until
 * {@link #release} of the same key, then record their outcome and return or throw; {@link #outcome}
 * waits for it. The state lives in the actor that runs them.
 */
public final class Probe {
    private Probe() {}

    private record Slot(Event entered, Event release, Event done, String[] outcome) {}

    private static final Map<String, Slot> SLOTS = new ConcurrentHashMap<>();

    private static Slot slot(String key) {
        return SLOTS.computeIfAbsent(key, k -> new Slot(new Event(), new Event(), new Event(), new String[1]));
    }

    public static String address() {
        return Tractor.currentActor().address();
    }

    public static String hold(String key) throws Exception {
        Slot s = slot(key);
        s.entered.set();
        CancelScope.runShielded(sc -> s.release.await());
        s.outcome[0] = "returned";
        s.done.set();
        return "held " + key;
    }

    public static String holdThenFail(String key) throws Exception {
        Slot s = slot(key);
        s.entered.set();
        CancelScope.runShielded(sc -> s.release.await());
        s.outcome[0] = "raised";
        s.done.set();
        throw new IllegalArgumentException("failing after the caller left: " + key);
    }

    /** Waits until the holder of {@code key} runs. */
    public static void awaitEntered(String key) {
        slot(key).entered.await();
    }

    public static void release(String key) {
        slot(key).release.set();
    }

    /** Waits until the holder of {@code key} finished; answers how it ended, and forgets the key. */
    public static String outcome(String key) {
        Slot s = slot(key);
        s.done.await();
        SLOTS.remove(key);
        return s.outcome[0];
    }
}
