package tractor.runtime;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tractor.transport.spi.Address;
import tractor.transport.spi.Listener;
import tractor.transport.spi.TransportOptions;
import tractor.transport.spi.TransportProvider;

/**
 * Where a root listens (tractor's {@code tpt_bind_addrs} rules): a registrar binds the union of the
 * registry address and the bind addresses, the registry address first; any other root binds exactly
 * its bind addresses, or one free address in the registry's bindspace (TCP: the registry's host, any
 * port; UDS: a fresh socket file beside the registry's).
 */
final class Listening {
    private Listening() {}

    /**
     * Listens on {@code reg} and on every bind address that is not {@code reg}; a TCP port 0 asks for a
     * fresh port each time it is given.
     */
    static List<Listener> union(TransportProvider tp, TransportOptions topts, Address reg, List<Address> binds) {
        List<Address> all = new ArrayList<>(List.of(reg));
        for (Address b : binds) if (!all.contains(b) || b.toString().startsWith("tcp://") && b.toString().endsWith(":0")) all.add(b);
        return exactly(tp, topts, all);
    }

    /**
     * Listens on each address, in order; when one cannot be bound, those already bound are closed.
     *
     * @throws tractor.transport.spi.TransportException naming the address that could not be bound
     */
    static List<Listener> exactly(TransportProvider tp, TransportOptions topts, List<Address> addrs) {
        List<Listener> out = new ArrayList<>();
        try {
            for (Address a : addrs) out.add(tp.listen(a, topts));
            return List.copyOf(out);
        } catch (RuntimeException e) {
            out.forEach(Listener::close);
            throw e;
        }
    }

    /** A free address in the bindspace of {@code reg}. */
    static Address anyNear(TransportProvider tp, TransportOptions topts, Address reg, String name) {
        String r = reg.toString();
        if (r.startsWith("tcp://")) return tp.parseAddress(r.substring(0, r.lastIndexOf(':')) + ":0");
        String sample = tp.anyAddress(name, topts).toString();
        if (r.startsWith("uds://") && sample.startsWith("uds://")) {
            Path dir = Path.of(r.substring("uds://".length())).getParent();
            return tp.parseAddress("uds://" + dir.resolve(Path.of(sample.substring("uds://".length())).getFileName()));
        }
        return tp.anyAddress(name, topts);
    }
}
