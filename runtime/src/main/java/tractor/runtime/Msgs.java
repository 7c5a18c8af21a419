package tractor.runtime;

/** Small msg helpers. */
final class Msgs {
    private Msgs() {}

    /** The dialog id a msg belongs to, or null for msgs of no dialog ({@code Aid}, {@code SpawnSpec}). */
    static String cid(Msg msg) {
        return switch (msg) {
            case Msg.Start m -> m.cid();
            case Msg.StartAck m -> m.cid();
            case Msg.Started m -> m.cid();
            case Msg.Yield m -> m.cid();
            case Msg.Stop m -> m.cid();
            case Msg.Return m -> m.cid();
            case Msg.CancelAck m -> m.cid();
            case Msg.Error m -> m.cid();
            case Msg.Aid m -> null;
            case Msg.SpawnSpec m -> null;
        };
    }
}
