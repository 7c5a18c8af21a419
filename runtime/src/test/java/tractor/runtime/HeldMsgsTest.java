package tractor.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The parent's msgs held back while a child registers over the parent channel. */
class HeldMsgsTest {
    private static Msg stop(int i) {
        return new Msg.Stop("c" + i);
    }

    @Test
    void holdsUntilReleasedThenPassesEverythingInArrivalOrder() {
        List<Msg> out = new ArrayList<>();
        HeldMsgs held = new HeldMsgs(out::add);
        held.accept(stop(0));
        held.accept(stop(1));
        assertEquals(List.of(), out, "nothing passes before the release");
        held.release();
        held.accept(stop(2));
        held.release(); // idempotent
        assertEquals(List.of(stop(0), stop(1), stop(2)), out);
    }

    /**
     * A msg arriving while the held ones are passed on waits for them: the order never changes. The release
     * is held at its first msg until the late sender is blocked on the release, so the race is always run.
     */
    @Test
    void aMsgArrivingDuringTheReleaseComesAfterTheHeldOnes() throws Exception {
        List<Msg> out = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.CountDownLatch releasing = new java.util.concurrent.CountDownLatch(1);
        Thread[] late = new Thread[1];
        HeldMsgs held = new HeldMsgs(m -> {
            out.add(m);
            if (m.equals(stop(0))) {
                releasing.countDown();
                while (late[0].getState() != Thread.State.BLOCKED) Thread.onSpinWait(); // the late msg waits for us
            }
        });
        IntStream.range(0, 100).forEach(i -> held.accept(stop(i)));
        late[0] = Thread.ofPlatform().start(() -> {
            try {
                releasing.await();
            } catch (InterruptedException e) {
                return;
            }
            held.accept(stop(100));
        });
        held.release();
        late[0].join();
        assertEquals(IntStream.rangeClosed(0, 100).mapToObj(HeldMsgsTest::stop).toList(), out);
    }
}
