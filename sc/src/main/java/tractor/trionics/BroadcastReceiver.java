package tractor.trionics;

import java.util.Iterator;
import tractor.sc.ClosedResourceException;
import tractor.sc.EndOfChannelException;
import tractor.sc.ReceiveChannel;
import tractor.sc.Sc;

/**
 * Fans one receiver out to many tasks, tokio-style (tractor's {@code BroadcastReceiver}). Every
 * subscriber sees every value the underlying receiver delivers from the moment it subscribed, in
 * order. Values live in one shared ring of {@code maxBufferSize} slots; whichever subscriber needs a
 * value nobody has pulled yet pulls it from the underlying receiver for all (the others wait for it),
 * so the fastest consumer never loses a value.
 *
 * <p>A subscriber's <em>lag</em> is the number of pulled values it has not read yet. With a lag of
 * at most {@code maxBufferSize} it reads the oldest of them next; with a larger lag the oldest values
 * were overwritten: its receive throws {@link Lagged} (carrying how many it missed) and moves its
 * cursor to the oldest value still held, or, with {@code raiseOnLag == false}, silently skips there.
 *
 * <p>When the underlying receiver ends ({@link EndOfChannelException}), every subscriber first reads
 * what is left for it, then gets {@code EndOfChannelException}. If the task pulling for everybody is
 * cancelled, another waiting subscriber takes over the pull: no value is lost (a cancelled
 * receive of a memory channel takes none) and nobody waits for ever.
 * {@snippet :
 * BroadcastReceiver<Quote> quotes = BroadcastReceiver.of(rx, 100);
 * Nursery.run(n -> {
 *     n.startSoon(() -> {
 *         try (BroadcastReceiver<Quote> mine = quotes.subscribe()) {
 *             for (Quote q : mine) chart(q);
 *         }
 *     });
 *     for (Quote q : quotes) record(q);
 * });
 * }
 * Closing a subscriber removes only it; the underlying receiver is never closed by this class.
 */
public sealed interface BroadcastReceiver<T> extends AutoCloseable, Iterable<T> permits BroadcastSubscriber {

    /** Broadcasts {@code rx} through a ring of {@code maxBufferSize} values, raising {@link Lagged}. */
    static <T> BroadcastReceiver<T> of(ReceiveChannel<T> rx, int maxBufferSize) {
        return of(rx::receive, maxBufferSize, true);
    }

    /**
     * Broadcasts what {@code receive} returns (tractor's {@code receive_afunc}); it must be a
     * checkpoint that takes no value when cancelled, and signal the end with
     * {@link EndOfChannelException}; other unchecked errors reach the subscriber that pulled, checked
     * ones wrapped in {@link tractor.sc.BrokenResourceException}. The returned receiver is the first
     * subscriber.
     *
     * @throws IllegalArgumentException when {@code maxBufferSize} is not positive
     */
    static <T> BroadcastReceiver<T> of(Sc.Call<? extends T> receive, int maxBufferSize, boolean raiseOnLag) {
        return new BroadcastState<T>(receive, maxBufferSize, raiseOnLag).subscribe();
    }

    /**
     * Receives this subscriber's next value, pulling a new one from the underlying receiver when it
     * has read everything; a checkpoint.
     *
     * @throws Lagged when more than the buffer of values went by unread (see above)
     * @throws EndOfChannelException when the underlying receiver ended and nothing is left to read
     * @throws ClosedResourceException when this subscriber is closed
     * @throws tractor.sc.BrokenResourceException wrapping a checked exception of the receive function
     */
    T receive();

    /**
     * A new subscriber on the same stream, starting at the next value to be pulled.
     *
     * @throws ClosedResourceException when this subscriber is closed (nothing is registered)
     */
    BroadcastReceiver<T> subscribe();

    /** How many pulled values this subscriber has not read yet (may exceed the buffer: it lagged). */
    long lag();

    /** Whether {@link #close()} was called. */
    boolean isClosed();

    /** Unregisters this subscriber only; idempotent. */
    @Override
    void close();

    /** Receives until the end of the underlying receiver; {@link Lagged} is thrown by {@code hasNext()}. */
    @Override
    Iterator<T> iterator();
}
