package tractor.transport.uds;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** UdsAddress's hand-written equals and hashCode keep the record's value semantics. */
class UdsAddressTest {
    @Test
    void equalPathsAreEqualAddressesWithEqualHashes() {
        UdsAddress a = new UdsAddress(Path.of("/run/a.sock")), same = UdsAddress.parse("uds:///run/a.sock");
        assertEquals(a, same);
        assertEquals(a.hashCode(), same.hashCode());
        assertNotEquals(a, new UdsAddress(Path.of("/run/b.sock")));
        assertNotEquals(a, new UdsAddress(Path.of("")));
        assertNotEquals(a, (Object) "uds:///run/a.sock");
        assertNotEquals(a, null);
    }
}
