package tractor.sc;

/**
 * Both ends of a memory channel, from {@link Sc#openMemoryChannel(int)}.
 *
 * @param sender   the sending end
 * @param receiver the receiving end
 */
public record MemoryChannel<T>(SendChannel<T> sender, ReceiveChannel<T> receiver) {}
