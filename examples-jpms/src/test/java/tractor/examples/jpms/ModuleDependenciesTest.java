package tractor.examples.jpms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;
import tractor.testkit.Bounded;

/**
 * The module boundaries, checked on the built jars with jdeps (the classes' real references) and with the
 * module descriptors (what each module reads): tractor.api depends on nothing but java.base, tractor.sc and
 * org.slf4j; no backend module depends on or reads tractor.runtime.
 */
@Bounded(seconds = 120)
class ModuleDependenciesTest {
    static final Map<String, Path> MODULES = Paths.modules();

    /** The modules {@code module} depends on, from {@code jdeps -s} (summary) over the whole module path. */
    static Set<String> jdeps(String module) {
        String mp = String.join(File.pathSeparator, MODULES.values().stream().map(Path::toString).toList());
        StringWriter out = new StringWriter();
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new AssertionError("no jdeps tool in this JDK"));
        int rc = jdeps.run(new PrintWriter(out), new PrintWriter(out), "--multi-release", "25", "--module-path", mp, "-s",
                MODULES.get(module).toString());
        assertEquals(0, rc, out.toString());
        Set<String> deps = new TreeSet<>();
        for (String line : out.toString().split("\\R")) {
            String[] p = line.trim().split("\\s*->\\s*");
            if (p.length == 2 && p[0].equals(module)) deps.add(p[1].trim());
        }
        assertFalse(deps.isEmpty(), "jdeps said: " + out);
        return deps;
    }

    static ModuleDescriptor descriptor(String module) {
        return ModuleFinder.of(MODULES.get(module)).find(module).orElseThrow().descriptor();
    }

    @Test
    void apiDependsOnlyOnJavaBaseTheScAndSlf4j() {
        Set<String> allowed = Set.of("java.base", "tractor.sc", "org.slf4j");
        Set<String> deps = jdeps("tractor.api");
        assertTrue(allowed.containsAll(deps), "tractor.api depends on " + deps);
        for (ModuleDescriptor.Requires r : descriptor("tractor.api").requires()) {
            assertTrue(allowed.contains(r.name()), "tractor.api requires " + r.name());
        }
    }

    @Test
    void noBackendDependsOnOrReadsTheRuntime() {
        for (String b : Paths.BACKENDS) {
            assertFalse(jdeps(b).contains("tractor.runtime"), b + " depends on tractor.runtime: " + jdeps(b));
            for (ModuleDescriptor.Requires r : descriptor(b).requires()) {
                assertFalse(r.name().equals("tractor.runtime"), b + " requires tractor.runtime");
            }
        }
    }
}
