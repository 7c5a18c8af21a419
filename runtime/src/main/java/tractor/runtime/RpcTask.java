package tractor.runtime;

import tractor.sc.CancelScope;
import tractor.sc.Event;

/** One task an actor runs for a peer's {@code Start}: cancellable by cid, awaited when cancelled. */
final class RpcTask {
    final Channel channel;
    final String cid;
    final String what;
    final Event done = new Event();
    private CancelScope scope;
    private boolean cancelRequested;
    private volatile Uid canceller;

    RpcTask(Channel channel, String cid, String what) {
        this.channel = channel;
        this.cid = cid;
        this.what = what;
    }

    /** Called by the task itself once its scope is open: a cancel requested earlier takes effect now. */
    synchronized void bind(CancelScope s) {
        scope = s;
        if (cancelRequested) s.cancel();
    }

    /** Cancels the task on request of {@code by}; the first requester is recorded as the canceller. */
    void cancel(Uid by) {
        CancelScope s;
        synchronized (this) {
            if (canceller == null) canceller = by;
            cancelRequested = true;
            s = scope;
        }
        if (s != null) s.cancel();
    }

    Uid canceller() {
        return canceller;
    }

    @Override
    public String toString() {
        return "rpc task " + what + " (" + cid + ")";
    }
}
