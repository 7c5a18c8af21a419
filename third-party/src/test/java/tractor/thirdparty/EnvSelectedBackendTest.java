package tractor.thirdparty;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import tractor.ActorOptions;
import tractor.testkit.Bounded;

/** Run by the {@code env-test} execution, with {@code TRACTOR_SPAWN_METHOD=jvmopts} and no option in code. */
@Bounded(seconds = 60)
@EnabledIfEnvironmentVariable(named = "TRACTOR_SPAWN_METHOD", matches = "jvmopts")
class EnvSelectedBackendTest {
    @Test
    void theEnvironmentPicksTheThirdPartyBackend() throws Exception {
        List<?> r = ThirdPartyBackendsTest.call(ThirdPartyBackendsTest.tcpRoot(), ActorOptions.of());
        assertEquals("jvmopts", r.get(1));
    }
}
