package tractor.thirdparty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tractor.ActorOptions;
import tractor.Endpoint;
import tractor.RootOptions;
import tractor.Tractor;
import tractor.testkit.Bounded;

/** The third-party backends of this jar, picked by name only: the runtime and the tests never import them. */
@Bounded(seconds = 60)
class ThirdPartyBackendsTest {
    static final Endpoint WHO = Endpoint.parse(Probe.class.getName() + "#whoStartedMe");

    static List<?> call(RootOptions root, ActorOptions o) throws Exception {
        Object[] out = new Object[1];
        Tractor.openNursery(root, an -> out[0] = an.runInActor("who", o.enable(Probe.class), WHO).result());
        return (List<?>) out[0];
    }

    static RootOptions tcpRoot() {
        return RootOptions.of().registryAddress("tcp://127.0.0.1:0");
    }

    @Test
    void jvmoptsPickedByActorOptionsStartsAChildJvmWithItsOptions() throws Exception {
        List<?> r = call(tcpRoot().spawnBackend("thread"), ActorOptions.of().spawnBackend("jvmopts"));
        assertNotEquals(ProcessHandle.current().pid(), ((Number) r.get(0)).longValue());
        assertEquals("jvmopts", r.get(1));
    }

    @Test
    void jvmoptsPickedByRootOptions() throws Exception {
        List<?> r = call(tcpRoot().spawnBackend("jvmopts"), ActorOptions.of());
        assertEquals("jvmopts", r.get(1));
    }

    @Test
    void memTransportCarriesAWholeTreeOnTheThreadBackend() throws Exception {
        List<?> r = call(RootOptions.of().transport("mem").spawnBackend("thread").registryAddress("mem://registry-test"), ActorOptions.of());
        assertEquals(ProcessHandle.current().pid(), ((Number) r.get(0)).longValue());
        assertEquals("who", r.get(2));
    }

    @Test
    void anUnknownBackendNameIsReportedInOneLineWithTheKnownNamesAndTheFix() {
        Exception e = assertThrows(Exception.class, () -> call(tcpRoot().spawnBackend("thread"), ActorOptions.of().spawnBackend("nope")));
        String all = chain(e);
        assertTrue(all.contains("no spawn backend named \"nope\""), all);
        assertTrue(all.contains("jvmopts") && all.contains("thread") && all.contains("process"), all);
        assertTrue(all.contains("TRACTOR_SPAWN_METHOD"), all);
    }

    static String chain(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            sb.append(t).append(" | ");
            for (Throwable s : t.getSuppressed()) sb.append(chain(s));
        }
        return sb.toString();
    }
}
