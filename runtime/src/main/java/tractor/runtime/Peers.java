package tractor.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The channels of one actor, by peer, and the children it waits for to connect back. */
final class Peers {
    private final Map<Uid, List<Channel>> byPeer = new ConcurrentHashMap<>();
    private final Map<Uid, CompletableFuture<Channel>> expected = new ConcurrentHashMap<>();
    /** Children this actor reaped or lost, newest last; at most {@link #RETIRED_KEPT} are remembered. */
    private final Map<Uid, Boolean> retired = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Uid, Boolean> eldest) {
            return size() > RETIRED_KEPT;
        }
    });
    static final int RETIRED_KEPT = 10_000;

    /** Marks the incarnation {@code child} as ended: a connection presenting it later is refused. */
    void retire(Uid child) {
        retired.put(child, Boolean.TRUE);
    }

    boolean isRetired(Uid peer) {
        return retired.containsKey(peer);
    }

    /** A future completed with the first channel from {@code child} (a spawned child connecting back). */
    CompletableFuture<Channel> expect(Uid child) {
        return expected.computeIfAbsent(child, k -> new CompletableFuture<>());
    }

    void forget(Uid child) {
        expected.remove(child);
    }

    void add(Channel ch) {
        byPeer.computeIfAbsent(ch.peerUid(), k -> new CopyOnWriteArrayList<>()).add(ch);
        CompletableFuture<Channel> waiter = expected.remove(ch.peerUid());
        if (waiter != null) waiter.complete(ch);
    }

    void remove(Channel ch) {
        byPeer.computeIfPresent(ch.peerUid(), (k, l) -> {
            l.remove(ch);
            return l.isEmpty() ? null : l;
        });
    }

    /** Every open channel. */
    List<Channel> all() {
        List<Channel> out = new ArrayList<>();
        byPeer.values().forEach(out::addAll);
        return out;
    }

    void closeAll() {
        all().forEach(Channel::close);
        expected.values().forEach(f -> f.cancel(false));
    }

    /**
     * Closes every channel and waits (at most {@code each} per channel) for their msg loops to end, so
     * that no loop of this actor outlives it.
     */
    void closeAllAndWait(java.time.Duration each) {
        List<Channel> open = all();
        open.forEach(Channel::close);
        expected.values().forEach(f -> f.cancel(false));
        for (Channel ch : open) {
            try {
                ch.awaitLoopEnd(each);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public String toString() {
        return "peers " + byPeer.keySet();
    }
}
