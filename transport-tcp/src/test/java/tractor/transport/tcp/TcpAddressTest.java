package tractor.transport.tcp;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** TcpAddress's hand-written equals and hashCode keep the record's value semantics. */
class TcpAddressTest {
    @Test
    void hostAndPortMakeTheAddress() {
        TcpAddress a = new TcpAddress("127.0.0.1", 1616), same = TcpAddress.parse("tcp://127.0.0.1:1616");
        assertEquals(a, same);
        assertEquals(a.hashCode(), same.hashCode());
        assertNotEquals(a, new TcpAddress("127.0.0.1", 1617));
        assertNotEquals(a, new TcpAddress("localhost", 1616));
        assertNotEquals(a, (Object) "tcp://127.0.0.1:1616");
        assertNotEquals(a, null);
    }
}
