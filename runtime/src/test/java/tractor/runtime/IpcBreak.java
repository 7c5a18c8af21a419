package tractor.runtime;

import java.lang.reflect.Field;
import tractor.Context;
import tractor.transport.spi.FrameChannel;

/**
 * Test-only analogue of tractor's {@code break_ipc}: the public API has no way to break a socket, so
 * this reaches the channel under a context (runtime internals, same module) and closes it or
 * half-closes its output.
 */
public final class IpcBreak {
    private IpcBreak() {}

    /** tractor's {@code socket_close}: closes the channel carrying {@code ctx}. */
    public static void close(Context ctx) {
        ((ContextImpl) ctx).ch.close();
    }

    /** tractor's {@code socket_eof}: half-closes the channel carrying {@code ctx} (the peer sees EOF). */
    public static void eof(Context ctx) {
        try {
            Field f = Channel.class.getDeclaredField("frames");
            f.setAccessible(true);
            ((FrameChannel) f.get(((ContextImpl) ctx).ch)).shutdownOutput();
        } catch (ReflectiveOperationException | java.io.InterruptedIOException e) {
            throw new IllegalStateException(e);
        }
    }
}
