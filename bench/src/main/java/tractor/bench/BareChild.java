package tractor.bench;

import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SocketChannel;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

/**
 * The raw baseline of spawn-to-ready and of teardown: a bare child JVM that connects back over UDS,
 * sends one length-prefixed msgpack map (its pid, on a virtual thread, as an actor would), then waits
 * for end of stream and exits. No tractor code runs in it.
 */
public final class BareChild {
    private BareChild() {}

    /** Argument: the parent's UDS socket path. */
    public static void main(String[] args) throws Exception {
        Thread t = Thread.ofVirtual().start(() -> {
            try (SocketChannel s = SocketChannel.open(UnixDomainSocketAddress.of(args[0]))) {
                MessageBufferPacker p = MessagePack.newDefaultBufferPacker();
                p.packMapHeader(2).packString("msg_type").packString("Started").packString("pid").packLong(ProcessHandle.current().pid());
                byte[] body = p.toByteArray();
                ByteBuffer b = ByteBuffer.allocate(4 + body.length).order(ByteOrder.LITTLE_ENDIAN).putInt(body.length).put(body).flip();
                while (b.hasRemaining()) s.write(b);
                ByteBuffer in = ByteBuffer.allocate(64);
                try {
                    while (s.read(in.clear()) >= 0) {
                        // the parent never sends: wait for its close
                    }
                } catch (java.io.IOException closed) {
                    // a reset is the parent's close too
                }
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        t.join();
    }
}
