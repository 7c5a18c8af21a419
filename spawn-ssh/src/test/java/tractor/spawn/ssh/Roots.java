package tractor.spawn.ssh;

import java.util.List;
import tractor.ActorOptions;
import tractor.RootOptions;

/** Root and actor options of the multi-host tests. */
final class Roots {
    private Roots() {}

    /**
     * A root on host A that is the registrar of its tree on a free port of {@code A}'s address, with the
     * tree's shared secret (set through the record's components: the secret's setter comes with peer
     * authentication).
     */
    static RootOptions onA(String name) {
        return with(RootOptions.of().name(name).registryAddress("tcp://" + TwoHosts.A + ":0"), TwoHosts.SECRET, List.of());
    }

    /** {@code o} with a shared secret and bind addresses. */
    static RootOptions with(RootOptions o, String secret, List<String> bind) {
        return new RootOptions(o.name(), o.enabled(), o.spawnBackend(), o.transport(), o.registryAddress(), o.ensureRegistry(),
                o.logLevel(), o.teardown(), bind, secret, o.secretFile(), o.transportOptions(), o.debugMode());
    }

    /** Spawn on host B through {@code sshd}. */
    static ActorOptions onB(Sshd sshd) {
        ActorOptions o = ActorOptions.of().enable(Remote.class).spawnBackend("ssh").host("root@" + sshd.host)
                .spawnTimeout(java.time.Duration.ofSeconds(20));
        for (var e : sshd.options().entrySet()) if (!e.getKey().equals("host")) o = o.backendOption(e.getKey(), e.getValue());
        return o;
    }
}
