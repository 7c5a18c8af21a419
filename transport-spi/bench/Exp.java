import java.net.*; import java.nio.*; import java.nio.channels.*; import java.io.*;
public class Exp {
  public static void main(String[] a) throws Exception {
    ServerSocketChannel ss = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1",0));
    // (a) SocketChannel blocking read in virtual thread
    SocketChannel c = SocketChannel.open(ss.getLocalAddress()); SocketChannel s = ss.accept();
    Thread t = Thread.ofVirtual().start(() -> { try { c.read(ByteBuffer.allocate(10)); System.out.println("a: read returned"); } catch (Exception e) { System.out.println("a: " + e); } });
    Thread.sleep(200); t.interrupt(); t.join(); System.out.println("a: channel open after interrupt? " + c.isOpen());
    // (b) java.net.Socket streams, virtual thread
    ServerSocket srv = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Socket sc = new Socket(InetAddress.getLoopbackAddress(), srv.getLocalPort()); Socket sa = srv.accept();
    t = Thread.ofVirtual().start(() -> { try { sc.getInputStream().read(); System.out.println("b: read returned"); } catch (Exception e) { System.out.println("b: " + e); } });
    Thread.sleep(200); t.interrupt(); t.join(); System.out.println("b: socket closed after interrupt? " + sc.isClosed());
    // (c) Socket streams, platform thread
    Socket sc2 = new Socket(InetAddress.getLoopbackAddress(), srv.getLocalPort()); Socket sa2 = srv.accept(); sc2.setSoTimeout(1000);
    t = Thread.ofPlatform().start(() -> { try { sc2.getInputStream().read(); System.out.println("c: read returned"); } catch (Exception e) { System.out.println("c: " + e); } });
    Thread.sleep(200); t.interrupt(); t.join(); System.out.println("c: socket closed after interrupt? " + sc2.isClosed());
    // (d) non-blocking SocketChannel write with interrupt flag set, virtual thread
    SocketChannel c3 = SocketChannel.open(ss.getLocalAddress()); SocketChannel s3 = ss.accept(); c3.configureBlocking(false);
    t = Thread.ofVirtual().start(() -> { Thread.currentThread().interrupt(); try { int n = c3.write(ByteBuffer.allocate(10)); System.out.println("d: wrote " + n); } catch (Exception e) { System.out.println("d: " + e); } });
    t.join(); System.out.println("d: channel open? " + c3.isOpen());
    // (e) blocking SocketChannel write with interrupt flag set, platform thread
    SocketChannel c4 = SocketChannel.open(ss.getLocalAddress()); SocketChannel s4 = ss.accept();
    t = Thread.ofPlatform().start(() -> { Thread.currentThread().interrupt(); try { int n = c4.write(ByteBuffer.allocate(10)); System.out.println("e: wrote " + n); } catch (Exception e) { System.out.println("e: " + e); } });
    t.join(); System.out.println("e: channel open? " + c4.isOpen());
    // (f) Selector.select interrupted, virtual thread
    ss.configureBlocking(false); Selector sel = Selector.open(); ss.register(sel, SelectionKey.OP_ACCEPT);
    t = Thread.ofVirtual().start(() -> { try { int n = sel.select(5000); System.out.println("f: select returned " + n + " interrupted=" + Thread.currentThread().isInterrupted()); } catch (Exception e) { System.out.println("f: " + e); } });
    Thread.sleep(200); t.interrupt(); t.join(); System.out.println("f: server open? " + ss.isOpen());
  }
}
