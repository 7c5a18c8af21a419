package tractor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterOptionsTest {
    @Test
    void defaultsToOneWorkerPerProcessorEnablingTheGivenClasses() {
        ClusterOptions o = ClusterOptions.of(ClusterOptionsTest.class);
        int cores = Runtime.getRuntime().availableProcessors();
        assertEquals(cores, o.count());
        assertEquals(cores, o.actorNames().size());
        assertEquals("worker_0", o.actorNames().getFirst());
        assertEquals("worker_" + (cores - 1), o.actorNames().getLast());
        assertEquals(List.of(ClusterOptionsTest.class.getName()), o.actor().enabled());
        assertEquals(RootOptions.of(), o.root());
    }

    @Test
    void namesSetTheCountAndACountDropsTheNames() {
        ClusterOptions named = ClusterOptions.of().names("ann", "bob");
        assertEquals(2, named.count());
        assertEquals(List.of("ann", "bob"), named.actorNames());
        ClusterOptions counted = named.count(3);
        assertEquals(List.of("worker_0", "worker_1", "worker_2"), counted.actorNames());
    }

    @Test
    void refusesAnEmptyClusterAndNamesThatDoNotMatchTheCount() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClusterOptions.of().count(0));
        assertTrue(e.getMessage().contains("count 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new ClusterOptions(3, List.of("a"), ActorOptions.of(), RootOptions.of()));
        assertTrue(e.getMessage().contains("count 3") && e.getMessage().contains("[a]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ClusterOptions.of().names(new String[0]));
    }

    @Test
    void bindAddressesSetterKeepsEveryOtherComponent() {
        RootOptions o = RootOptions.of().name("r").registryAddress("tcp://127.0.0.1:0");
        RootOptions b = o.bindAddresses("/ip4/127.0.0.1/tcp/0", "tcp://127.0.0.1:0");
        assertEquals(List.of("/ip4/127.0.0.1/tcp/0", "tcp://127.0.0.1:0"), b.bindAddresses());
        assertEquals(o.name(), b.name());
        assertEquals(o.registryAddress(), b.registryAddress());
        assertEquals(List.of(), o.bindAddresses(), "the original is unchanged");
    }
}
