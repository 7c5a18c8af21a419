package tractor.runtime;

/** Small msg helpers. */
final class Msgs {
    private Msgs() {}

    /** The dialog id a msg belongs to, or null for msgs of no dialog ({@code Aid}, {@code SpawnSpec}). */
    static String cid(Msg msg) {
        // an instanceof chain, not a pattern switch: see MsgEncoder.write
        if (msg instanceof Msg.Yield m) return m.cid();
        if (msg instanceof Msg.Start m) return m.cid();
        if (msg instanceof Msg.StartAck m) return m.cid();
        if (msg instanceof Msg.Started m) return m.cid();
        if (msg instanceof Msg.Stop m) return m.cid();
        if (msg instanceof Msg.Return m) return m.cid();
        if (msg instanceof Msg.CancelAck m) return m.cid();
        if (msg instanceof Msg.Error m) return m.cid();
        return null; // Aid, SpawnSpec
    }
}
