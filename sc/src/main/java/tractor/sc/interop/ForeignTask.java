package tractor.sc.interop;

import java.util.concurrent.CompletionStage;

/**
 * Foreign asynchronous work linked to a task by {@link Interop#openChannelFrom}: it is handed its end
 * of the channel, calls {@link ForeignEnd#started} once ready and returns a stage that completes when
 * it is done. It should return promptly; the work itself runs on the foreign side's own executor.
 *
 * @param <I> the type of the values the task sends to the foreign side
 * @param <O> the type of the values the foreign side sends to the task (and of its first value)
 * @param <R> the type of the foreign side's result
 */
@FunctionalInterface
public interface ForeignTask<I, O, R> {
    /**
     * Starts the foreign work.
     *
     * @param chan the foreign side's end of the channel
     * @return a stage completing with the foreign side's result or error
     * @throws Exception when the work cannot be started (raised in the task)
     */
    CompletionStage<R> start(ForeignEnd<I, O> chan) throws Exception;
}
