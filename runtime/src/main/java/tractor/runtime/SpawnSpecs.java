package tractor.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tractor.Teardown;

/**
 * The {@code SpawnSpec} a parent sends a new child, and its reading on the child side. Runtime
 * variables carried: the teardown timeouts and the default spawn backend of the child's nurseries.
 */
final class SpawnSpecs {
    private SpawnSpecs() {}

    static Msg.SpawnSpec make(ActorConfig parent, List<String> enabled) {
        Map<String, String> modules = new LinkedHashMap<>();
        for (String c : enabled) modules.put(c, "");
        Teardown t = parent.teardown();
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("_teardown_ms", List.of(t.cancelAckWait().toMillis(), t.nurseryBudget().toMillis(), t.terminateGrace().toMillis()));
        vars.put("_spawn_backend", parent.defaultBackend());
        return new Msg.SpawnSpec(Map.of(), vars, modules, RootBoot.addrList(parent.registryAddress()), null);
    }

    static List<String> enabled(Msg.SpawnSpec spec) {
        return new ArrayList<>(spec.enableModules().keySet());
    }

    static String registry(Msg.SpawnSpec spec) {
        if (spec.regAddrs().isEmpty() || spec.regAddrs().getFirst().size() < 2) {
            throw new IllegalArgumentException("SpawnSpec carries no registry address: " + spec.regAddrs());
        }
        return String.valueOf(spec.regAddrs().getFirst().get(1));
    }

    static Teardown teardown(Msg.SpawnSpec spec) {
        if (spec.runtimeVars().get("_teardown_ms") instanceof List<?> l && l.size() == 3) {
            return new Teardown(ms(l.get(0)), ms(l.get(1)), ms(l.get(2)));
        }
        return Teardown.DEFAULTS;
    }

    static String backend(Msg.SpawnSpec spec) {
        Object b = spec.runtimeVars().get("_spawn_backend");
        return SpawnBackends.select(b == null ? null : b.toString());
    }

    private static Duration ms(Object o) {
        return Duration.ofMillis(((Number) o).longValue());
    }
}
