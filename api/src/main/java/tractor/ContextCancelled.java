package tractor;

import java.util.List;

/**
 * A context's far task was cancelled by request (tractor's {@code ContextCancelled}). {@link #canceller()}
 * names the actor that requested it. A cancellation this actor requested through
 * {@code ctx.cancel()} is absorbed when the context ends; any other one (the peer cancelled itself, a
 * third actor cancelled the peer, or our own {@code portal.cancelActor()}) is raised.
 */
public class ContextCancelled extends RemoteActorError {
    private final ActorId canceller;

    public ContextCancelled(String remoteMessage, ActorId canceller, ActorId srcUid, List<ActorId> relayPath,
                            String remoteStackTrace) {
        super(remoteMessage, ContextCancelled.class.getName(), ContextCancelled.class.getName(), srcUid, relayPath,
                remoteStackTrace);
        this.canceller = canceller;
    }

    /** The actor that requested the cancellation; null when unknown (the transport died). */
    public ActorId canceller() {
        return canceller;
    }
}
