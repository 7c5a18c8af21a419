/**
 * The {@code inproc} transport: frames between actors of the same JVM handed over through memory, with
 * no socket, no file descriptor and no thread of its own. Addresses are {@code inproc://<name>}; a
 * listener's name lives in a table of this JVM, one table per class loader that loaded this module (a
 * thread-backend actor with an isolated class loader therefore cannot reach its parent over inproc).
 *
 * <h2>Security</h2>
 * All peers of this transport run in one JVM and share one trust domain: any code of the JVM could read
 * the other actors' memory anyway. A shared secret or TLS given in the
 * {@link tractor.transport.spi.TransportOptions} is <b>not applied</b>: connections are neither
 * authenticated nor encrypted. Use {@code tcp} or {@code uds} with security settings where peers must
 * prove who they are.
 *
 * <h2>Delivery</h2>
 * A send copies the body and queues it for the receiving end (pull mode) within a byte budget per
 * direction, or hands the copy to the receiving end's {@link tractor.transport.spi.FrameSink} on the
 * sending thread (push mode).
 */
package tractor.transport.inproc;
