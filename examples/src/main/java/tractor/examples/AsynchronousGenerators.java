package tractor.examples;

import static tractor.examples.ExampleRoot.root;

import java.time.Duration;
import tractor.ActorOptions;
import tractor.Emitter;
import tractor.MsgStream;
import tractor.Portal;
import tractor.Tractor;
import tractor.sc.Sc;

/**
 * One-way streaming from a producer (the seeds' {@code examples/asynchronous_generators.py}): the
 * child actor {@code donny} emits a value every 10 ms, forever; the root iterates them through
 * {@link Portal#openStreamFrom}, prints 51 of them and leaves the stream, which cancels the producer in
 * the child (a one-way stream can never leak a remote task).
 */
public final class AsynchronousGenerators {
    private AsynchronousGenerators() {}

    public static final String LETTER = "I can see these little future bubble things";

    /** Python's {@code async def stream_forever()}: each emitted value is sent over the channel to the parent. */
    public static void streamForever(Emitter out) {
        while (true) {
            out.emit(LETTER);
            Sc.sleep(Duration.ofMillis(10));
        }
    }

    public static void main(String[] args) throws Exception {
        Tractor.openNursery(root(), n -> {
            Portal portal = n.startActor("donny", ActorOptions.of().enable(AsynchronousGenerators.class));

            // this loop streams values from the above producer running in a separate process
            try (MsgStream stream = portal.openStreamFrom(AsynchronousGenerators::streamForever)) {
                int count = 0;
                for (Object letter : stream) {
                    System.out.println(letter);
                    count++;
                    if (count > 50) break;
                }
            }
            System.out.println("stream terminated");

            portal.cancelActor();
        });
    }
}
