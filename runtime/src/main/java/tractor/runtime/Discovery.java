package tractor.runtime;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import tractor.Portal;
import tractor.RegistryUnavailable;
import tractor.TransportClosed;

/**
 * Finding actors by name through the registrar of the tree. The connection to the registrar is opened
 * on first use and kept with the actor's other peers (closed when the actor ends); so are connections
 * to the actors found. Several actors of one name: the first one registered is the one found and the
 * one waited for. An address found unreachable is deleted at the registrar (a stale entry of an actor
 * that died without deregistering). A registrar that cannot be reached fails every lookup with
 * {@link RegistryUnavailable}.
 */
final class Discovery {
    private final ActorRuntime rt;
    private PortalImpl registry;

    Discovery(ActorRuntime rt) {
        this.rt = rt;
    }

    /**
     * A portal to the registrar (to this actor itself when it is the registrar).
     *
     * @throws RegistryUnavailable when nobody answers at the registry address
     */
    synchronized PortalImpl registry() {
        if (registry == null || !registry.channel().isOpen()) {
            try {
                registry = connect(registryAddress());
            } catch (TransportClosed e) {
                throw unavailable(e);
            }
        }
        return registry;
    }

    Optional<String> query(String name) {
        return first(ask("find_actor", Map.of("name", name)));
    }

    Optional<Portal> find(String name) {
        return reachable(name, all(ask("find_actor", Map.of("name", name))));
    }

    /** Waits for an actor of that name that can be reached; stale entries met on the way are deleted. */
    Portal await(String name) {
        while (true) {
            List<String> addrs = all(ask("wait_for_actor", Map.of("name", name)));
            if (addrs.isEmpty()) throw new IllegalStateException("the registrar answered wait_for_actor(" + name + ") with no address");
            Optional<Portal> p = reachable(name, addrs);
            if (p.isPresent()) return p.get();
        }
    }

    /** A portal to the first of {@code addrs} that answers; the others tried are deleted at the registrar. */
    private Optional<Portal> reachable(String name, List<String> addrs) {
        for (String addr : addrs) {
            try {
                return Optional.of(connect(addr));
            } catch (TransportClosed stale) {
                Log.info(rt, "actor " + name + " registered at " + addr + " cannot be reached, deleting the entry: " + stale.getMessage());
                ask("delete_addr", Map.of("addr", addr));
            }
        }
        return Optional.empty();
    }

    /** A call to the registrar; a broken connection to it is a {@link RegistryUnavailable}. */
    private Object ask(String func, Map<String, Object> kwargs) {
        PortalImpl reg = registry();
        try {
            return reg.callSelf(func, kwargs);
        } catch (RegistryUnavailable e) {
            throw e;
        } catch (TransportClosed e) {
            throw unavailable(e);
        }
    }

    private RegistryUnavailable unavailable(TransportClosed e) {
        String addr = registryAddress();
        return new RegistryUnavailable(addr, "the registrar at " + addr + " cannot be reached: " + e.getMessage(), e);
    }

    private String registryAddress() {
        return rt.config().registryAddress().toString();
    }

    private static List<String> all(Object addrs) {
        return addrs instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }

    private static Optional<String> first(Object addrs) {
        return all(addrs).stream().findFirst();
    }

    private PortalImpl connect(String address) {
        Channel ch = Connect.open(rt.config(), rt.config().transport().parseAddress(address), rt.aid(false));
        rt.attach(ch);
        return new PortalImpl(rt, ch, false);
    }

    @Override
    public String toString() {
        return "discovery via " + registryAddress();
    }
}
