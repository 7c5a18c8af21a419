package tractor.trionics;

import java.util.HashMap;
import java.util.Map;
import tractor.sc.CancelScope;
import tractor.sc.Cancelled;
import tractor.sc.Event;
import tractor.sc.Lock;
import tractor.sc.Nursery;
import tractor.sc.TaskStatus;

/** The one implementation of {@link ResourceCache}; every field is guarded by {@code this}. */
final class ResourceCacheImpl implements ResourceCache {
    private final Nursery service;
    private final Map<Object, Slot> slots = new HashMap<>();

    ResourceCacheImpl(Nursery service) {
        this.service = java.util.Objects.requireNonNull(service, "service nursery");
    }

    /** One key: its FIFO lock and its current resource generation; dropped when unused. */
    private static final class Slot {
        final Lock lock = new Lock();
        Generation current;
        int callers;
    }

    /** One entry of the resource, from its entry to its completed exit. */
    private static final class Generation {
        final Event noMoreUsers = new Event();
        final Event exited = new Event();
        Object value;
        int users;
        boolean closing;
        Throwable exitError;
    }

    @Override
    public <T> void maybeOpen(Object key, ScopedResource<? extends T> factory, Body<? super T> body) throws Exception {
        Slot slot = join(key);
        try {
            boolean[] hit = new boolean[1];
            Generation g = acquire(key, slot, factory, hit);
            @SuppressWarnings("unchecked") T value = (T) g.value;
            Throwable error = null;
            try {
                body.run(hit[0], value);
            } catch (Throwable t) {
                error = t;
                throw t;
            } finally {
                leave(g, error);
            }
        } finally {
            part(key, slot);
        }
    }

    /** Under the key's lock: a hit on the live generation, or a miss that enters a new one. */
    private <T> Generation acquire(Object key, Slot slot, ScopedResource<? extends T> factory, boolean[] hit)
            throws Exception {
        slot.lock.acquire();
        try {
            Generation g;
            synchronized (this) {
                g = slot.current;
            }
            if (g != null && !tryUse(g)) {
                g.exited.await(); // re-entry during teardown: wait, then miss
                g = null;
            }
            if (g != null) {
                hit[0] = true;
                return g;
            }
            Generation fresh = new Generation();
            fresh.value = service.start("resource " + key, status -> hold(slot, fresh, factory, status));
            synchronized (this) {
                fresh.users = 1;
                if (!fresh.closing) slot.current = fresh; // closing: the service nursery already ended it
            }
            return fresh;
        } finally {
            slot.lock.release();
        }
    }

    private synchronized boolean tryUse(Generation g) {
        if (g.closing) return false;
        g.users++;
        return true;
    }

    /** The service task: enters the resource, reports its value, holds it until no user is left. */
    private <T> void hold(Slot slot, Generation g, ScopedResource<? extends T> factory, TaskStatus<Object> status)
            throws Exception {
        boolean[] entered = new boolean[1];
        try {
            factory.use(v -> {
                entered[0] = true;
                status.started(v);
                g.noMoreUsers.await();
            });
            if (!entered[0]) throw new IllegalStateException("resource factory " + factory + " returned without running its body");
        } catch (Cancelled c) {
            if (entered[0]) exited(slot, g, null);
            throw c;
        } catch (Throwable t) {
            if (!entered[0]) throw t; // Nursery.start hands it to the caller
            exited(slot, g, t); // handed to the last user instead of crashing the service nursery
            return;
        }
        exited(slot, g, null);
    }

    private void exited(Slot slot, Generation g, Throwable error) {
        synchronized (this) {
            g.closing = true;
            g.exitError = error;
            if (slot.current == g) slot.current = null;
        }
        g.exited.set();
    }

    /** A user leaves; the last one ends the resource and waits, shielded, for its exit. */
    private void leave(Generation g, Throwable bodyError) throws Exception {
        boolean last;
        synchronized (this) {
            last = --g.users == 0;
            if (last) g.closing = true;
        }
        if (!last) return;
        g.noMoreUsers.set();
        try (CancelScope shield = CancelScope.openShielded()) {
            g.exited.await();
        }
        Throwable exitError;
        synchronized (this) {
            exitError = g.exitError;
        }
        if (exitError == null) return;
        if (bodyError != null && bodyError != exitError) exitError.addSuppressed(bodyError);
        if (exitError instanceof Exception e) throw e;
        throw (Error) exitError;
    }

    private synchronized Slot join(Object key) {
        Slot s = slots.computeIfAbsent(key, k -> new Slot());
        s.callers++;
        return s;
    }

    private synchronized void part(Object key, Slot slot) {
        if (--slot.callers == 0 && slot.current == null) slots.remove(key, slot);
    }

    @Override
    public synchronized int users(Object key) {
        Slot s = slots.get(key);
        return s == null || s.current == null ? 0 : s.current.users;
    }

    @Override
    public synchronized boolean isCached(Object key) {
        Slot s = slots.get(key);
        return s != null && s.current != null;
    }

    @Override
    public synchronized String toString() {
        return "resource cache (" + slots.size() + " keys: " + slots.keySet() + ")";
    }
}
