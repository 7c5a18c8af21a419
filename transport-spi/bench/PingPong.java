import java.net.*; import java.nio.*; import java.nio.channels.*; import java.time.Duration; import java.util.*;
import tractor.transport.spi.*;
public class PingPong {
  public static void main(String[] a) throws Exception {
    String t = a[0]; int warm = 20000, n = 50000;
    System.setProperty("tractor.runtime.dir", "/tmp/exp/pp/rt");
    TransportProvider p = Transports.get(t);
    for (int round = 0; round < 3; round++) {
      try (Listener l = p.listen(p.anyAddress("pp", TransportOptions.DEFAULTS), TransportOptions.DEFAULTS)) {
        FrameChannel c = p.connect(l.boundAddress(), TransportOptions.DEFAULTS);
        FrameChannel s = l.accept(Duration.ofSeconds(5)).orElseThrow();
        Thread echo = Thread.startVirtualThread(() -> { try { while (true) s.send(s.receive()); } catch (Throwable e) {} });
        byte[] msg = new byte[32];
        long[] r = new long[1];
        Thread cl = Thread.startVirtualThread(() -> { try {
          for (int i = 0; i < warm; i++) { c.send(msg); c.receive(); }
          long t0 = System.nanoTime(); for (int i = 0; i < n; i++) { c.send(msg); c.receive(); } r[0] = System.nanoTime() - t0;
        } catch (Exception e) { throw new RuntimeException(e); } });
        cl.join(); c.close(); s.close(); echo.join();
        System.out.printf("FrameChannel %s virtual callers: %.1f k rt/s (%.1f us/rt)%n", t, n / (r[0] / 1e9) / 1000, r[0] / 1e3 / n);
      }
    }
    // baseline: virtual threads doing blocking I/O on a blocking SocketChannel (interruptible!)
    for (int round = 0; round < 3; round++) {
      SocketAddress sa; ServerSocketChannel ss;
      if (t.equals("tcp")) { ss = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0)); }
      else { java.nio.file.Files.deleteIfExists(java.nio.file.Path.of("/tmp/exp/pp/b.sock")); ss = ServerSocketChannel.open(StandardProtocolFamily.UNIX).bind(UnixDomainSocketAddress.of("/tmp/exp/pp/b.sock")); }
      SocketChannel c = SocketChannel.open(ss.getLocalAddress()); SocketChannel s = ss.accept();
      if (t.equals("tcp")) { c.setOption(StandardSocketOptions.TCP_NODELAY, true); s.setOption(StandardSocketOptions.TCP_NODELAY, true); }
      Thread echo = Thread.startVirtualThread(() -> { try { ByteBuffer b = ByteBuffer.allocate(36); while (true) { b.clear(); while (b.hasRemaining()) if (s.read(b) < 0) return; b.flip(); while (b.hasRemaining()) s.write(b); } } catch (Exception e) {} });
      long[] r = new long[1];
      Thread cl = Thread.startVirtualThread(() -> { try { ByteBuffer b = ByteBuffer.allocate(36);
        for (int i = 0; i < warm + n; i++) { if (i == warm) r[0] = System.nanoTime(); b.clear(); while (b.hasRemaining()) c.write(b); b.clear(); while (b.hasRemaining()) c.read(b); }
        r[0] = System.nanoTime() - r[0]; } catch (Exception e) { throw new RuntimeException(e); } });
      cl.join(); c.close(); s.close(); ss.close(); echo.join();
      System.out.printf("baseline blocking SocketChannel %s virtual threads: %.1f k rt/s (%.1f us/rt)%n", t, n / (r[0] / 1e9) / 1000, r[0] / 1e3 / n);
    }
  }
}
