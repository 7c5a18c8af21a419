package tractor.sc;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The shared state of a memory channel: a bounded buffer, the parked senders (each holding its value)
 * and the parked receivers. A value is handed directly to a parked receiver when there is one, so a
 * cancelled receiver never loses a value: a hand-over that happened first wins over the cancellation.
 */
final class MemoryChannelState<T> {
    private final int capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<T> buffer = new ArrayDeque<>();
    private final ArrayDeque<Waiter<T>> senders = new ArrayDeque<>();
    private final ArrayDeque<Waiter<T>> receivers = new ArrayDeque<>();
    private int openSenders = 1;
    private int openReceivers = 1;

    private MemoryChannelState(int capacity) {
        this.capacity = capacity;
    }

    static <T> MemoryChannel<T> open(int capacity) {
        if (capacity < 0) throw new IllegalArgumentException("capacity must be >= 0, got " + capacity);
        MemoryChannelState<T> s = new MemoryChannelState<>(capacity);
        return new MemoryChannel<>(new Sender<>(s), new Receiver<>(s));
    }

    /** A parked task; outcome fields are written under the channel lock, then the thread is unparked. */
    private static final class Waiter<T> {
        final Thread thread = Thread.currentThread();
        final Object handle;
        T value;
        volatile boolean done;
        RuntimeException error;

        Waiter(Object handle, T value) {
            this.handle = handle;
            this.value = value;
        }

        void complete(T v, RuntimeException e) {
            value = v;
            error = e;
            done = true;
            LockSupport.unpark(thread);
        }
    }

    void send(Sender<T> h, T value, boolean wait) {
        if (value == null) throw new NullPointerException("a memory channel carries non-null values");
        Parking.checkCancelled();
        Waiter<T> w;
        lock.lock();
        try {
            if (h.closed) throw new ClosedResourceException("send on a closed channel handle");
            if (openReceivers == 0) throw new BrokenResourceException("every receiver of the channel is closed");
            Waiter<T> r = receivers.poll();
            if (r != null) {
                r.complete(value, null);
                return;
            }
            if (buffer.size() < capacity) {
                buffer.add(value);
                return;
            }
            if (!wait) throw new WouldBlockException("channel buffer is full (capacity " + capacity + ")");
            w = new Waiter<>(h, value);
            senders.add(w);
        } finally {
            lock.unlock();
        }
        park(w, senders);
    }

    T receive(Receiver<T> h, boolean wait) {
        Parking.checkCancelled();
        Waiter<T> w;
        lock.lock();
        try {
            if (h.closed) throw new ClosedResourceException("receive on a closed channel handle");
            T v = buffer.poll();
            if (v != null) {
                Waiter<T> s = senders.poll();
                if (s != null) {
                    buffer.add(s.value);
                    s.complete(null, null);
                }
                return v;
            }
            Waiter<T> s = senders.poll();
            if (s != null) {
                T sent = s.value;
                s.complete(null, null);
                return sent;
            }
            if (openSenders == 0) throw new EndOfChannelException("every sender of the channel is closed");
            if (!wait) throw new WouldBlockException("no value ready");
            w = new Waiter<>(h, null);
            receivers.add(w);
        } finally {
            lock.unlock();
        }
        park(w, receivers);
        return w.value;
    }

    private void park(Waiter<T> w, ArrayDeque<Waiter<T>> queue) {
        Parking.await(() -> w.done, () -> {
            lock.lock();
            try {
                return !w.done && queue.remove(w);
            } finally {
                lock.unlock();
            }
        });
        if (w.error != null) throw w.error;
    }

    void closeSender(Sender<T> h) {
        lock.lock();
        try {
            if (h.closed) return;
            h.closed = true;
            failWaitersOf(h, senders);
            if (--openSenders == 0) {
                for (Waiter<T> r; (r = receivers.poll()) != null; ) {
                    r.complete(null, new EndOfChannelException("every sender of the channel is closed"));
                }
            }
        } finally {
            lock.unlock();
        }
    }

    void closeReceiver(Receiver<T> h) {
        lock.lock();
        try {
            if (h.closed) return;
            h.closed = true;
            failWaitersOf(h, receivers);
            if (--openReceivers == 0) {
                buffer.clear();
                for (Waiter<T> s; (s = senders.poll()) != null; ) {
                    s.complete(null, new BrokenResourceException("every receiver of the channel is closed"));
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private void failWaitersOf(Object h, ArrayDeque<Waiter<T>> queue) {
        queue.removeIf(w -> {
            if (w.handle != h) return false;
            w.complete(null, new ClosedResourceException("channel handle closed while waiting"));
            return true;
        });
    }

    private void addHandle(Object h, boolean sender) {
        lock.lock();
        try {
            if (sender) openSenders++;
            else openReceivers++;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        lock.lock();
        try {
            return "memory channel (capacity " + capacity + ", buffered " + buffer.size() + ", senders " + openSenders
                    + ", receivers " + openReceivers + ")";
        } finally {
            lock.unlock();
        }
    }

    static final class Sender<T> implements SendChannel<T> {
        private final MemoryChannelState<T> state;
        boolean closed;

        Sender(MemoryChannelState<T> state) {
            this.state = state;
        }

        @Override public void send(T value) { state.send(this, value, true); }

        @Override public void sendNowait(T value) { state.send(this, value, false); }

        @Override
        @SuppressWarnings("MethodDoesntCallSuperMethod")
        public SendChannel<T> clone() {
            state.lock.lock();
            try {
                if (closed) throw new ClosedResourceException("clone of a closed channel handle");
                state.addHandle(this, true);
                return new Sender<>(state);
            } finally {
                state.lock.unlock();
            }
        }

        @Override public void close() { state.closeSender(this); }

        @Override public String toString() { return "sender of " + state; }
    }

    static final class Receiver<T> implements ReceiveChannel<T> {
        private final MemoryChannelState<T> state;
        boolean closed;

        Receiver(MemoryChannelState<T> state) {
            this.state = state;
        }

        @Override public T receive() { return state.receive(this, true); }

        @Override public T receiveNowait() { return state.receive(this, false); }

        @Override
        @SuppressWarnings("MethodDoesntCallSuperMethod")
        public ReceiveChannel<T> clone() {
            state.lock.lock();
            try {
                if (closed) throw new ClosedResourceException("clone of a closed channel handle");
                state.addHandle(this, false);
                return new Receiver<>(state);
            } finally {
                state.lock.unlock();
            }
        }

        @Override public void close() { state.closeReceiver(this); }

        @Override
        public Iterator<T> iterator() {
            return Sc.iterate(this::receive);
        }

        @Override public String toString() { return "receiver of " + state; }
    }
}
