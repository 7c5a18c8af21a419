package tractor.examples;

import static tractor.examples.ExampleRoot.root;

import tractor.ActorOptions;
import tractor.Context;
import tractor.MsgStream;
import tractor.MsgTypeError;
import tractor.PayloadSpec;
import tractor.Portal;
import tractor.RemoteActorError;
import tractor.Tractor;

/**
 * Typed payloads (the seeds' {@code examples/typed_payloads.py}, tractor's
 * {@code @tractor.context(pld_spec=...)}): {@link PayloadSpec} restricts every {@code started} value
 * and every stream value of a context to a sealed interface of records. A running total served over a
 * typed dialog, then the two violations: a child whose {@code started} breaks the spec (checked
 * strictly before sending: the parent gets a {@link RemoteActorError} boxing a {@link MsgTypeError}),
 * and a child streaming a value that breaks it (checked by the receiver: a local {@code MsgTypeError}).
 */
public final class TypedPayloads {
    private TypedPayloads() {}

    /** Every payload of the accumulator's dialog. */
    public sealed interface Msg permits Add, Total, Done {}

    public record Add(long n) implements Msg {}

    public record Total(long sum) implements Msg {}

    public record Done() implements Msg {}

    /**
     * Starts with {@code Total(0)}, answers each {@code Add} with the running total, returns the final
     * {@code Total} at {@code Done} (the spec covers the result too, as tractor's covers {@code Return}).
     */
    @PayloadSpec(Msg.class)
    public static Total accumulator(Context ctx) {
        long sum = 0;
        ctx.started(new Total(sum));
        try (MsgStream stream = ctx.openStream()) {
            while (true) {
                switch ((Msg) stream.receive()) {
                    case Add(long n) -> stream.send(new Total(sum += n));
                    case Done() -> { return new Total(sum); }
                    case Total t -> throw new IllegalStateException("unexpected " + t);
                }
            }
        }
    }

    /** Breaks its own spec on {@code started}. */
    @PayloadSpec(Msg.class)
    public static void badStart(Context ctx) {
        ctx.started("not a Msg");
    }

    /** Breaks its own spec on the stream: a map that looks like an {@code Add} but is not. */
    @PayloadSpec(Msg.class)
    public static void badStream(Context ctx) {
        ctx.started(new Total(0));
        try (MsgStream stream = ctx.openStream()) {
            stream.send(java.util.Map.of("n", "three"));
            stream.receive();
        }
    }

    public static void main(String[] args) throws Exception {
        Tractor.openNursery(root(), an -> {
            Portal portal = an.startActor("typed", ActorOptions.of().enable(TypedPayloads.class));

            try (Context ctx = portal.openContext(TypedPayloads::accumulator)) {
                System.out.println("started: " + ctx.first());
                try (MsgStream stream = ctx.openStream()) {
                    for (long n = 1; n <= 3; n++) {
                        Add add = new Add(n);
                        stream.send(add);
                        System.out.println(add + " -> " + stream.receive());
                    }
                    stream.send(new Done());
                }
                System.out.println("result: " + ctx.waitForResult());
            }

            try (Context ctx = portal.openContext(TypedPayloads::badStart)) {
                System.out.println("badStart started?! " + ctx.first());
            } catch (RemoteActorError e) {
                System.out.println("started violation: RemoteActorError boxing "
                        + e.boxedType().map(Class::getName).orElse(e.boxedTypeName()) + ": " + e.remoteMessage());
            }

            try (Context ctx = portal.openContext(TypedPayloads::badStream)) {
                MsgStream stream = ctx.openStream();
                try {
                    System.out.println("badStream sent?! " + stream.receive());
                } catch (MsgTypeError e) {
                    System.out.println("stream violation: " + e.getClass().getName() + ": " + e.getMessage());
                }
                ctx.cancel();
                ctx.waitForResult();
            }

            portal.cancelActor();
        });
    }
}
