package tractor.runtime;

/**
 * Flow control of a one-way stream, so that a producer never overruns its consumer: the producer may
 * have at most {@link #WINDOW} values in flight; the consumer grants more as it consumes them, with
 * {@code Yield} msgs whose payload is the number granted (a one-way stream carries no other consumer
 * to producer msgs, so the 10-msg protocol is kept). tractor has no such flow control: its Python
 * producers are slow enough; a Java producer is not.
 */
final class Credits {
    /**
     * Values in flight: at most the one-way consumer's inbox bound ({@code ContextInbox.BUFFER + OVERFLOW}, 680),
     * so a consumer that stops reading is never overrun. 512 keeps a producer running while a grant travels
     * back (256 stalled it once per grant round trip).
     */
    static final int WINDOW = 512;
    static final int GRANT_EVERY = WINDOW / 4;

    private final ContextImpl ctx;
    private long available = WINDOW;

    Credits(ContextImpl ctx) {
        this.ctx = ctx;
    }

    /** Producer side: takes one credit, waiting for a grant when none is left; a checkpoint. */
    void take() {
        for (Msg m; (m = ctx.inbox.poll()) != null; ) absorb(m);
        while (available == 0) absorb(ctx.inbox.take());
        available--;
    }

    private void absorb(Msg m) {
        if (m instanceof Msg.Yield y && ctx.codec.decode(y.pld()) instanceof Long n && n > 0) available += n;
        // an Error was recorded on delivery and cancelled the producer's scope: its next checkpoint raises
    }

    /** Consumer side: counts a consumed value; returns the grant to send, or 0. */
    static final class Grants {
        private int consumed;

        int consumed() {
            if (++consumed < GRANT_EVERY) return 0;
            int g = consumed;
            consumed = 0;
            return g;
        }
    }
}
