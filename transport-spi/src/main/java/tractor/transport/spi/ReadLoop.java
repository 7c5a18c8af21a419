package tractor.transport.spi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A shared read loop: one platform daemon thread and one {@link Selector} serving the reads of many
 * channels ({@link ChannelReader}s), with one 64 KiB read buffer for all of them. The JVM has
 * {@link #COUNT} loops; channels are spread over them round robin.
 *
 * <p>Lifecycle: a loop's thread starts with the first task handed to it ({@link #execute}) and ends, closing
 * its selector, as soon as no channel is registered and no task is pending; the next task starts a new
 * thread. Both decisions are taken under one lock, so a task is never left behind by a thread that is
 * ending. Everything that touches a registration runs as a task on the loop thread, which nobody
 * interrupts (a stray interrupt is cleared, so it cannot make the selector spin).
 */
final class ReadLoop {
    /**
     * How many loops the JVM runs: {@code tractor.transport.readLoops}, by default two, or one on a
     * single-CPU machine. Measured on 2 vCPUs, 50 channel pairs ping-ponging at once in one JVM: 1.4–1.8×
     * the round trips of one loop over UDS, the same over TCP; one pair alone: no difference.
     */
    static final int COUNT = Math.max(1, Integer.getInteger("tractor.transport.readLoops",
            Math.min(2, Runtime.getRuntime().availableProcessors())));
    /** The size of each loop's read buffer. */
    static final int BUFFER = 64 * 1024;
    private static final ReadLoop[] LOOPS = new ReadLoop[COUNT];
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final System.Logger LOG = System.getLogger("tractor.transport");

    static {
        for (int i = 0; i < COUNT; i++) LOOPS[i] = new ReadLoop("tractor-read-loop-" + i);
    }

    private final String name;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER);
    private final Object lock = new Object();
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    /** The running thread and its selector, or null (guarded by lock). */
    private Thread thread;
    private Selector selector;
    /** Channels registered with the selector (loop thread only). */
    private int registered;

    private ReadLoop(String name) {
        this.name = name;
    }

    /** The loop for a new channel. */
    static ReadLoop next() {
        return LOOPS[Math.floorMod(NEXT.getAndIncrement(), COUNT)];
    }

    /**
     * Runs {@code task} on the loop thread, after the tasks handed over before it; starts the thread if
     * none runs.
     *
     * @throws UncheckedIOException if no thread ran and no selector could be opened (the task is dropped)
     */
    void execute(Runnable task) {
        Selector sel;
        synchronized (lock) {
            if (thread == null) start();
            tasks.add(task);
            sel = selector;
        }
        sel.wakeup();
    }

    private void start() {
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the selector of " + name + ": " + e, e);
        }
        Selector sel = selector;
        thread = Thread.ofPlatform().daemon().name(name).start(() -> run(sel));
    }

    /** Loop thread: registers a socket for reads on behalf of {@code reader}. */
    SelectionKey register(SocketChannel socket, ChannelReader reader) throws IOException {
        SelectionKey key = socket.register(selector, SelectionKey.OP_READ, reader);
        registered++;
        return key;
    }

    /** Loop thread: cancels a registration made by {@link #register}. */
    void deregister(SelectionKey key) {
        key.cancel();
        registered--;
    }

    private void run(Selector sel) {
        try (sel) {
            while (runTasks()) {
                sel.select();
                Thread.interrupted(); // nobody may interrupt us; never let a stray interrupt spin the loop
                for (SelectionKey key : sel.selectedKeys()) {
                    if (key.isValid()) ((ChannelReader) key.attachment()).readable(buffer);
                }
                sel.selectedKeys().clear();
            }
        } catch (IOException e) {
            // closing the selector failed: its descriptor is gone either way
        }
    }

    /** Runs the pending tasks; false (and the thread is no longer this loop's) when there is nothing left to do. */
    private boolean runTasks() {
        while (true) {
            Runnable task;
            synchronized (lock) {
                task = tasks.poll();
                if (task == null && registered == 0) {
                    thread = null;
                    selector = null;
                    return false;
                }
            }
            if (task == null) return true;
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, name + ": a task failed; the loop goes on", e);
            }
        }
    }

    @Override
    public String toString() {
        synchronized (lock) {
            return "ReadLoop[" + name + (thread == null ? ", idle" : ", running") + ", " + tasks.size() + " tasks pending]";
        }
    }
}
