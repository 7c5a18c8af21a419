package tractor.runtime;

import java.util.List;
import tractor.ActorId;
import tractor.Teardown;
import tractor.transport.spi.Address;
import tractor.transport.spi.TransportOptions;
import tractor.transport.spi.TransportProvider;

/**
 * Everything an {@link ActorRuntime} is built from, whether it is a root (from {@code RootOptions}) or
 * a spawned child (from its parent's {@code SpawnSpec}).
 *
 * @param id              the actor's identity
 * @param root            whether it is the root of its tree
 * @param registrar       whether it keeps the registry
 * @param enabled         binary names of the classes peers may invoke
 * @param loader          the class loader endpoints and backends are loaded with
 * @param transport       the transport of the tree
 * @param transportOptions its options
 * @param channelOptions  handshake and heartbeat timing
 * @param limits          codec limits
 * @param registryAddress the registrar's address
 * @param teardown        the teardown ladder's timeouts
 * @param defaultBackend  the spawn backend of this actor's nurseries when none is asked for
 * @param parentChannel   a child's connection to its parent, or null for a root
 * @param logLevel        the log level children inherit unless told otherwise, or null
 */
record ActorConfig(ActorId id, boolean root, boolean registrar, List<String> enabled, ClassLoader loader,
                   TransportProvider transport, TransportOptions transportOptions, ChannelOptions channelOptions,
                   CodecLimits limits, Address registryAddress, Teardown teardown, String defaultBackend,
                   Channel parentChannel, String logLevel) {
    ActorConfig {
        enabled = List.copyOf(enabled);
    }
}
