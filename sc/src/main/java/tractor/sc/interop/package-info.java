/**
 * Structured concurrency for foreign asynchronous code (tractor's "infected asyncio", for Java's
 * async world): {@link java.util.concurrent.CompletableFuture}s, {@link java.util.concurrent.Flow}
 * publishers and callback-driven tasks run inside a cancel scope. The foreign work is cancelled when
 * the scope is; its failure cancels the scope and is raised there.
 *
 * <ul>
 * <li>{@link tractor.sc.interop.Interop#runFuture} waits for one foreign result;</li>
 * <li>{@link tractor.sc.interop.Interop#subscribe} consumes a publisher as a stream;</li>
 * <li>{@link tractor.sc.interop.Interop#openChannelFrom} links a task and a foreign task by a
 * bidirectional channel (tractor's {@code to_asyncio.open_channel_from}).</li>
 * </ul>
 */
package tractor.sc.interop;
