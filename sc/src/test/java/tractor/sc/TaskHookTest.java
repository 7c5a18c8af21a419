package tractor.sc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tractor.testkit.Bounded;

@Bounded(seconds = 10)
class TaskHookTest {
    private static final ThreadLocal<String> TAG = new ThreadLocal<>();

    private static TaskHook tagging(String tag) {
        return (name, body) -> {
            String old = TAG.get();
            TAG.set(old == null ? tag : old + "/" + tag);
            try {
                body.run();
            } finally {
                TAG.set(old);
            }
        };
    }

    @Test
    void hookRunsAroundTheBodyAndEveryTaskOfNestedNurseries() throws Exception {
        Map<String, String> seen = new ConcurrentHashMap<>();
        Sc.withTaskHook(tagging("a"), () -> {
            seen.put("body", TAG.get());
            Nursery.run(n -> {
                n.startSoon("child", () -> {
                    seen.put("child", TAG.get());
                    Nursery.run(m -> m.startSoon("grandchild", () -> seen.put("grandchild", TAG.get())));
                });
                String v = n.start(status -> {
                    seen.put("started", TAG.get());
                    status.started("x");
                });
                assertEquals("x", v);
            });
        });
        assertEquals(Map.of("body", "a", "child", "a", "grandchild", "a", "started", "a"), seen);
        assertNull(TAG.get(), "the hook's context is gone after the call");
    }

    @Test
    void tasksStartedFromAForeignThreadRunUnderTheNurseryHooks() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        Sc.withTaskHook(tagging("actor"), () -> Nursery.run(n -> {
            Thread foreign = Thread.ofPlatform().start(() -> n.startSoon("from-foreign", () -> seen.add(TAG.get())));
            foreign.join();
        }));
        assertEquals(List.of("actor"), seen);
    }

    @Test
    void hooksNestOuterAroundInner() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        Sc.withTaskHook(tagging("outer"), () -> Sc.withTaskHook(tagging("inner"), () -> {
            seen.add(TAG.get());
            Nursery.run(n -> n.startSoon("t", () -> seen.add(TAG.get())));
        }));
        Sc.withTaskHook(tagging("later"), () -> Nursery.run(n -> n.startSoon("t", () -> seen.add(TAG.get()))));
        assertEquals(List.of("outer/inner", "outer/inner", "later"), seen);
    }

    @Test
    void aHookFailureIsTheTaskError() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Sc.withTaskHook((name, body) -> {
            if (name.equals("bad")) throw new IllegalStateException("hook refused " + name);
            body.run();
        }, () -> Nursery.run(n -> n.startSoon("bad", () -> {}))));
        assertEquals("hook refused bad", e.getMessage());
    }

    @Test
    void nurseriesOpenedOutsideTheHookAreNotAffected() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        Nursery.run(n -> {
            Sc.withTaskHook(tagging("x"), () -> n.startSoon("t", () -> seen.add(String.valueOf(TAG.get()))));
        });
        assertEquals(List.of("null"), seen);
    }
}
