package tractor.runtime;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import tractor.Portal;
import tractor.TransportClosed;

/**
 * Finding actors by name through the registrar of the tree. The connection to the registrar is opened
 * on first use and kept with the actor's other peers (closed when the actor ends); so are connections
 * to the actors found.
 */
final class Discovery {
    private final ActorRuntime rt;
    private PortalImpl registry;

    Discovery(ActorRuntime rt) {
        this.rt = rt;
    }

    /** A portal to the registrar (to this actor itself when it is the registrar). */
    synchronized PortalImpl registry() {
        if (registry == null || !registry.channel().isOpen()) registry = connect(rt.config().registryAddress().toString());
        return registry;
    }

    Optional<String> query(String name) {
        return first(registry().callSelf("find_actor", Map.of("name", name)));
    }

    Optional<Portal> find(String name) {
        Optional<String> addr = query(name);
        if (addr.isEmpty()) return Optional.empty();
        try {
            return Optional.of(connect(addr.get()));
        } catch (TransportClosed stale) {
            Log.debug(rt, "actor " + name + " registered at " + addr.get() + " cannot be reached: " + stale.getMessage());
            return Optional.empty();
        }
    }

    Portal await(String name) {
        String addr = first(registry().callSelf("wait_for_actor", Map.of("name", name))).orElseThrow(
                () -> new IllegalStateException("the registrar answered wait_for_actor(" + name + ") with no address"));
        return connect(addr);
    }

    private static Optional<String> first(Object addrs) {
        return addrs instanceof List<?> l && !l.isEmpty() ? Optional.of(String.valueOf(l.getFirst())) : Optional.empty();
    }

    private PortalImpl connect(String address) {
        Channel ch = Connect.open(rt.config(), rt.config().transport().parseAddress(address), rt.aid(false));
        rt.attach(ch);
        return new PortalImpl(rt, ch, false);
    }
}
