package tractor.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The one-way stream's flow-control constants and the consumer's grant accounting. */
class CreditsTest {
    @Test
    void theWindowFitsTheConsumersInboxSoAStalledConsumerIsNeverOverrun() {
        assertTrue(Credits.WINDOW <= ContextInbox.BUFFER + ContextInbox.OVERFLOW,
                "window " + Credits.WINDOW + " exceeds the one-way inbox bound " + (ContextInbox.BUFFER + ContextInbox.OVERFLOW));
        assertTrue(Credits.GRANT_EVERY < Credits.WINDOW, "a grant must leave before the producer runs dry");
    }

    @Test
    void grantsAddUpToWhatWasConsumed() {
        Credits.Grants g = new Credits.Grants();
        long granted = 0;
        int n = Credits.GRANT_EVERY * 7 + 3;
        for (int i = 0; i < n; i++) {
            int x = g.consumed();
            assertTrue(x == 0 || x == Credits.GRANT_EVERY, "grant of " + x);
            granted += x;
        }
        assertEquals((long) Credits.GRANT_EVERY * 7, granted, "every full batch granted, the last 3 still owed");
    }
}
