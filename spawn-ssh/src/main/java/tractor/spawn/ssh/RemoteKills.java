package tractor.spawn.ssh;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last rung of a hard stop: {@code kill -KILL} of a remote child by its pid, over a session of its
 * own, run in the background and bounded by the connect timeout. The pid is killed only while its
 * command line still names the child's uuid, so a pid the host has reused is never hit. The backend
 * waits for pending kills when it closes.
 */
final class RemoteKills {
    private final Set<Thread> pending = ConcurrentHashMap.newKeySet();

    void kill(SshTarget target, long pid, String uuid) {
        Thread t = Thread.ofVirtual().name("tractor-ssh kill " + pid + "@" + target.host()).unstarted(() -> {
            try {
                SshRun.run(target, Shell.sh(script(pid, uuid)), null, bound(target), "kill");
            } catch (RuntimeException e) {
                System.err.println("tractor: remote kill of pid " + pid + " on " + target.describe() + " failed: " + e.getMessage());
            } finally {
                pending.remove(Thread.currentThread());
            }
        });
        pending.add(t);
        t.start();
    }

    static String script(long pid, String uuid) {
        return "p=" + pid + "; if { tr '\\0' ' ' < /proc/$p/cmdline || ps -o args= -p $p; } 2>/dev/null | grep -qF -- "
                + Shell.quote(uuid) + "; then kill -KILL $p; fi";
    }

    private static Duration bound(SshTarget target) {
        return Duration.ofSeconds(target.connectTimeoutSeconds() + 5L);
    }

    /** Waits at most {@code bound} for every pending kill session to end. */
    void awaitAll(Duration bound) throws InterruptedException {
        long end = System.nanoTime() + bound.toNanos();
        for (Thread t : Set.copyOf(pending)) {
            long left = end - System.nanoTime();
            if (left <= 0 || !t.join(Duration.ofNanos(left))) return;
        }
    }

    @Override
    public String toString() {
        return "RemoteKills[" + pending.size() + " pending]";
    }
}
