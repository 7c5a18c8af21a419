package tractor.examples;

import static tractor.examples.ExampleRoot.root;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import tractor.ActorOptions;
import tractor.Context;
import tractor.MsgStream;
import tractor.Portal;
import tractor.Tractor;
import tractor.sc.Event;
import tractor.sc.Nursery;
import tractor.sc.Sc;

/**
 * The main example: a process tree that streams, then self-destructs, and shows that no zombie is left.
 *
 * <p>It is tractor's "zombie safe" example ({@link WeAreProcesses}) with streams added:
 * <ul>
 * <li>The root starts one child JVM per core.</li>
 * <li>Each child's task is linked to a root task by a {@link Context}. The child reports its pid, then
 *     streams 0, 1, 2, … on the context's {@link MsgStream}, and the root prints each value it receives.</li>
 * <li>Once every worker has sent {@value #SENT_BEFORE_DESTRUCT} values, the root raises an error on purpose,
 *     while every stream is still running.</li>
 * <li>The error cancels the root's tasks, their contexts and the children. The actor nursery reaps every
 *     child before the error leaves the block.</li>
 * <li>The example then checks with {@link ProcessHandle} that no process of the tree is alive.</li>
 * </ul>
 *
 * <p>Watch the process tree from another terminal with {@code watch -n 0.1 pstree -a <pid>}.
 */
public final class StreamThenSelfDestruct {
    private StreamThenSelfDestruct() {}

    /** How many values every worker has streamed when the root self-destructs. */
    static final int SENT_BEFORE_DESTRUCT = 3;

    /** A worker's side of the context: tells the root its pid, then streams 0, 1, 2, … until cancelled. */
    public static void count(Context ctx) {
        ctx.started(ProcessHandle.current().pid());
        try (MsgStream stream = ctx.openStream()) {
            for (long i = 0; ; i++) {
                stream.send(i);
                Sc.sleep(Duration.ofMillis(100));
            }
        }
    }

    public static void main(String[] args) throws Exception {
        int workers = Runtime.getRuntime().availableProcessors();
        List<ProcessHandle> tree = new CopyOnWriteArrayList<>();
        try {
            // tractor's examples run with no log level: warnings and errors only here
            Tractor.openNursery(root().logLevel("warning"), an -> {
                AtomicInteger streaming = new AtomicInteger(workers);
                Event everyWorkerStreamed = new Event();
                Nursery.run(n -> {
                    for (int i = 0; i < workers; i++) {
                        Portal worker = an.startActor("worker_" + i, ActorOptions.of().enable(StreamThenSelfDestruct.class));
                        n.startSoon("read worker_" + i, () -> read(worker, () -> {
                            if (streaming.decrementAndGet() == 0) everyWorkerStreamed.set();
                        }));
                    }
                    tree.addAll(ProcessHandle.current().descendants().toList());

                    everyWorkerStreamed.await();
                    System.out.println("Every worker has streamed " + SENT_BEFORE_DESTRUCT + " values: this process tree self-destructs now...");
                    // raise an error in the root actor while the streams run: every task, context and child is cancelled
                    throw new Exception("Self Destructed");
                });
            });
        } catch (Exception e) {
            if (!"Self Destructed".equals(e.getMessage())) throw e; // any other error is a real failure
            System.out.println("Zombies Contained");
        }
        // the nursery has reaped every child before the error left it: no process of the tree is alive
        List<Long> alive = tree.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList();
        List<Long> pids = tree.stream().map(ProcessHandle::pid).toList();
        System.out.println(alive.isEmpty()
                ? "All " + tree.size() + " child processes are gone " + pids
                : "ZOMBIES: still alive " + alive);
    }

    /** The root's side of one worker's context: prints every value; {@code streamed} runs once enough came. */
    private static void read(Portal worker, Runnable streamed) {
        String name = worker.peer().name();
        try (Context ctx = worker.openContext(StreamThenSelfDestruct::count)) {
            Object pid = ctx.first();
            try (MsgStream stream = ctx.openStream()) {
                for (Object value : stream) {
                    System.out.println(name + " (pid " + pid + ") streamed " + value);
                    if (((Number) value).longValue() == SENT_BEFORE_DESTRUCT - 1) streamed.run();
                }
            }
        }
    }
}
