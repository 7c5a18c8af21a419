package tractor.transport.spi;

import static org.junit.jupiter.api.Assertions.*;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tractor.TransportClosed;

/**
 * {@link Inbox}'s pause protocol with a non-blocking reader: once {@link Inbox#offer} said "stop", the
 * receiver's takes must eventually say "read again" ({@code onSpace}), whatever the reader offers meanwhile.
 */
class InboxTest {
    private final AtomicInteger resumes = new AtomicInteger();
    private final Inbox inbox = new Inbox("test inbox", resumes::incrementAndGet, e -> fail("no sink here: " + e));

    private int fill(int frame) {
        int n = 0;
        while (inbox.offer(new byte[frame])) n++;
        return n + 1;
    }

    @Test
    void aPausedReaderIsResumedOnceTheReceiverTookHalfTheBudget() throws Exception {
        int queued = fill(64 * 1024);
        assertEquals(Inbox.BYTE_BUDGET / (64 * 1024), queued, "the budget stops the reader");
        for (int i = 0; i < queued / 2 - 1; i++) inbox.take(0).orElseThrow();
        assertEquals(0, resumes.get(), "not yet: more than half the budget is still queued");
        inbox.take(0).orElseThrow();
        assertEquals(1, resumes.get(), "half the budget free: read again");
    }

    /** The reader went on offering the rest of its read buffer after it was told to stop. */
    @Test
    void offersAfterThePauseDoNotLoseTheResume() throws Exception {
        int queued = fill(64 * 1024);
        for (int i = 0; i < 4; i++) inbox.take(0).orElseThrow(); // the receiver takes a little meanwhile
        assertFalse(inbox.offer(new byte[100]), "still paused: the reader has not been resumed");
        for (int i = 0; i < queued - 4 + 1; i++) inbox.take(0).orElseThrow();
        assertEquals(1, resumes.get(), "draining the inbox resumes the paused reader");
    }

    @Test
    void theEndClearsThePause() throws Exception {
        int queued = fill(64 * 1024);
        inbox.end(new TransportClosed("peer gone"));
        for (int i = 0; i < queued; i++) inbox.take(0).orElseThrow();
        assertEquals(0, resumes.get(), "an ended reader is not resumed");
        assertThrows(TransportClosed.class, () -> inbox.take(0));
    }
}
