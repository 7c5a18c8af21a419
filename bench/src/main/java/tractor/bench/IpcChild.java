package tractor.bench;

import static tractor.bench.IpcBench.*;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import tractor.runtime.BenchChannel;
import tractor.transport.spi.Address;
import tractor.transport.spi.FrameChannel;
import tractor.transport.spi.Listener;
import tractor.transport.spi.TransportOptions;
import tractor.transport.spi.TransportProvider;
import tractor.transport.spi.Transports;

/**
 * The child JVM of {@link IpcBench}: connects back to the driver and serves one case (an echo for the
 * ping-pong cases, a counting sink for the one-way ones).
 */
public final class IpcChild {
    private IpcChild() {}

    /** Arguments: the case, the transport, the driver's address. */
    public static void main(String[] args) throws Exception {
        child(args[0], args[1], args[2]);
        System.exit(0);
    }

    static void child(String c, String transport, String addr) throws Exception {
        if (c.contains("raw")) {
            SocketChannel s = transport.equals("uds")
                    ? SocketChannel.open(UnixDomainSocketAddress.of(addr))
                    : SocketChannel.open(new InetSocketAddress(addr.substring(0, addr.lastIndexOf(':')), Integer.parseInt(addr.substring(addr.lastIndexOf(':') + 1))));
            if (transport.equals("tcp")) s.setOption(StandardSocketOptions.TCP_NODELAY, true);
            try (s) {
                onThread(!c.equals("pp-raw-virtual"), () -> {
                    if (c.startsWith("pp")) rawEcho(s);
                    else rawSink(s);
                    return null;
                });
            }
            return;
        }
        FrameChannel fc = Transports.get(transport).connect(Address.parse(addr), TransportOptions.DEFAULTS);
        try (fc) {
            onThread(false, () -> {
                switch (c) {
                    case "pp-frame" -> {
                        try {
                            while (true) fc.send(fc.receive());
                        } catch (tractor.TransportClosed e) {
                            // driver done
                        }
                    }
                    case "ow-frame", "ow-frame-4senders" -> {
                        try {
                            for (int i = 0; i < OW_WARM; i++) fc.receive();
                            fc.send(ACK);
                            for (int i = 0; i < OW_N; i++) fc.receive();
                            fc.send(ACK);
                            fc.receive();
                        } catch (tractor.TransportClosed e) {
                            // driver done
                        }
                    }
                    case "pp-channel" -> {
                        BenchChannel ch = BenchChannel.open(fc, "echo");
                        CountDownLatch end = new CountDownLatch(1);
                        ch.start(CID, v -> ch.sendYield(CID, v), end::countDown);
                        end.await();
                    }
                    case "ow-channel", "ow-channel-4senders" -> {
                        BenchChannel ch = BenchChannel.open(fc, "sink");
                        CountDownLatch end = new CountDownLatch(1);
                        long[] n = new long[1];
                        ch.start(CID, v -> {
                            long k = ++n[0];
                            if (k == OW_WARM || k == (long) OW_WARM + OW_N) ch.sendYield(CID, k);
                        }, end::countDown);
                        end.await();
                    }
                    default -> throw new IllegalArgumentException(c);
                }
                return null;
            });
        }
    }

    static void rawEcho(SocketChannel s) throws IOException {
        ByteBuffer hdr = ByteBuffer.allocateDirect(4).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer body = ByteBuffer.allocateDirect(1 << 16);
        while (true) {
            hdr.clear();
            while (hdr.hasRemaining()) if (s.read(hdr) < 0) return;
            body.clear().limit(hdr.getInt(0));
            readFully(s, body);
            hdr.flip();
            body.flip();
            s.write(new ByteBuffer[] {hdr, body});
            while (body.hasRemaining()) s.write(body);
        }
    }

    /** Reads frames through a 64 KiB buffer, copying each body into its own array; acks after the warm-up and at the end. */
    static void rawSink(SocketChannel s) throws IOException {
        ByteBuffer buf = ByteBuffer.allocateDirect(64 * 1024).order(ByteOrder.LITTLE_ENDIAN);
        buf.flip();
        long n = 0, sink = 0;
        while (true) {
            if (buf.remaining() < 4 || buf.remaining() < 4 + buf.getInt(buf.position())) {
                buf.compact();
                int r = s.read(buf);
                buf.flip();
                if (r < 0) return;
                continue;
            }
            int len = buf.getInt();
            byte[] body = new byte[len];
            buf.get(body);
            sink += body[len - 1];
            n++;
            if (n == OW_WARM || n == (long) OW_WARM + OW_N) writeAll(s, framed(ACK));
            if (sink == Long.MIN_VALUE) System.out.print("");
        }
    }
}
