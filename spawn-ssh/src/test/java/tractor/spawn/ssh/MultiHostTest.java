package tractor.spawn.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tractor.Context;
import tractor.MsgStream;
import tractor.Portal;
import tractor.Tractor;
import tractor.TransportClosed;
import tractor.testkit.Bounded;
import tractor.testkit.Netns;

/**
 * One tree over two hosts (issue 6, faults B.18 and B.19): a root on host A, the registrar, and a
 * daemon program started on host B with the registrar's address, or an actor spawned on B through ssh.
 * Partitioned, both sides see the peer lost within the heartbeat bound and B's subtree cancels itself;
 * healed, the old incarnation is refused and the tree is usable again through new connections.
 */
@Bounded(seconds = 60)
class MultiHostTest {
    /** Fault B.18's bound: a silent peer is lost after 5 s of silence, checked every quarter second. */
    static final Duration LOST_WITHIN = Duration.ofSeconds(6);
    static TwoHosts hosts;

    @BeforeAll
    static void up() throws Exception {
        hosts = TwoHosts.open(true);
    }

    @AfterAll
    static void down() throws Exception {
        if (hosts != null) hosts.close();
    }

    /** A daemon program on host B, joined to the tree whose registrar listens at {@code registry}. */
    record Daemon(Process process, BlockingQueue<String> lines) implements AutoCloseable {
        static Daemon start(String registry) throws Exception {
            ProcessBuilder pb = hosts.ns.command(ProcessHandle.current().info().command().orElseThrow(), "-cp", SshBackend.localClassPath(),
                    HostBDaemon.class.getName(), registry, "tcp://" + TwoHosts.B + ":0").redirectErrorStream(true);
            pb.environment().put("TRACTOR_SECRET", TwoHosts.SECRET);
            Daemon d = new Daemon(pb.start(), new LinkedBlockingQueue<>());
            Thread.ofPlatform().daemon(true).name("daemon_b output").start(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(d.process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String l; (l = r.readLine()) != null; ) {
                        System.out.println("[daemon_b] " + l);
                        d.lines.add(l);
                    }
                } catch (java.io.IOException e) {
                    // the daemon ended
                }
            });
            d.await("ready ");
            return d;
        }

        /** The first line containing {@code text}, waiting for it (bounded by the test). */
        String await(String text) throws InterruptedException {
            while (true) {
                String l = lines.take();
                if (l.contains(text)) return l;
            }
        }

        @Override
        public void close() throws Exception {
            process.destroy(); // SIGTERM: the daemon's tree ends gracefully
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
        }
    }

    @Test
    void aDaemonOnHostBIsFoundByNameServesAContextAndAStreamAndSurvivesAPartition() throws Exception {
        assumeTrue(Netns.nftUnavailable().isEmpty(), () -> "the partition needs nftables: " + Netns.nftUnavailable().get());
        Tractor.openRoot(Roots.onA("host_a"), root -> {
            try (Daemon daemon = Daemon.start(root.registryAddress())) {
                Portal d = Tractor.findActor("daemon_b").orElseThrow();
                assertTrue(((List<?>) d.run(Remote::addresses)).contains(TwoHosts.B));
                try (Context echo = d.openContext(Remote::echo)) {
                    try (MsgStream s = echo.openStream()) {
                        s.send("over the veth");
                        assertEquals("over the veth", s.receive());
                    }
                    assertEquals(1L, ((Number) echo.waitForResult()).longValue());
                }
                long daemonPid = d.run(Remote::pid);

                Context ctx = d.openContext(Remote::subtree);
                ProcessHandle leaf = ProcessHandle.of(((Number) ((List<?>) ctx.first()).get(1)).longValue()).orElseThrow();
                MsgStream s = ctx.openStream();
                s.receive();
                hosts.ns.partition();
                long cut = System.nanoTime();
                TransportClosed lost = assertThrows(TransportClosed.class, () -> {
                    while (true) s.receive();
                });
                Duration seen = Duration.ofNanos(System.nanoTime() - cut);
                System.out.println("host A saw the partition after " + seen.toMillis() + " ms: " + lost);
                assertTrue(seen.compareTo(LOST_WITHIN) <= 0, "lost within " + LOST_WITHIN + ", took " + seen);
                assertPeerLost(lost);

                String bLost = daemon.await("lost peer host_a");
                assertTrue(bLost.contains("silent for more than") && bLost.contains("lost"), "host B saw the peer lost: " + bLost);
                String bSide = daemon.await("subtree ended: ");
                leaf.onExit().get(15, TimeUnit.SECONDS);
                System.out.println("host B: '" + bSide + "'; its leaf ended " + Duration.ofNanos(System.nanoTime() - cut).toMillis() + " ms after the cut");
                assertTrue(daemon.process().isAlive(), "the daemon itself serves on");

                hosts.ns.heal();
                assertThrows(TransportClosed.class, () -> d.run(Remote::pid), "the old connection stays dead");
                Portal again = Tractor.findActor("daemon_b").orElseThrow();
                assertEquals(daemonPid, again.run(Remote::pid), "the same daemon, through a new connection");
                closeQuietly(ctx);
            } finally {
                hosts.ns.heal();
            }
        });
    }

    @Test
    void aLinkDownCancelsTheSubtreeOfAnActorSpawnedOnHostB() throws Exception {
        // B's log goes to a file of host B (a namespace shares this file system): its stderr cannot cross a dead link
        java.nio.file.Path log = java.nio.file.Files.createTempFile("mid_b", ".log");
        try {
            linkDown(log);
            String bSide = java.nio.file.Files.readAllLines(log).stream().filter(l -> l.contains("lost the parent channel")).findFirst().orElse("(none)");
            System.out.println("host B: " + bSide);
            assertTrue(bSide.contains("silent for more than") && bSide.contains("lost"), "host B saw its parent lost: " + bSide);
        } finally {
            java.nio.file.Files.deleteIfExists(log);
        }
    }

    private void linkDown(java.nio.file.Path log) throws Exception {
        Tractor.openRoot(Roots.onA("host_a"), root -> {
            long[] pids = new long[2];
            Duration[] seen = new Duration[1];
            long[] cut = new long[1];
            Exception failed = assertThrows(Exception.class, () -> Tractor.openNursery(n -> {
                Portal mid = n.startActor("mid_b", Roots.onB(hosts.sshd).jvmOptions("-Dorg.slf4j.simpleLogger.logFile=" + log));
                Context ctx = mid.openContext(Remote::subtree);
                List<?> started = (List<?>) ctx.first();
                pids[0] = ((Number) started.get(0)).longValue();
                pids[1] = ((Number) started.get(1)).longValue();
                MsgStream s = ctx.openStream();
                s.receive();
                hosts.ns.linkDown();
                cut[0] = System.nanoTime();
                try {
                    while (true) s.receive();
                } finally {
                    seen[0] = Duration.ofNanos(System.nanoTime() - cut[0]);
                }
            }));
            try {
                System.out.println("host A saw the link go down after " + seen[0].toMillis() + " ms: " + failed);
                assertPeerLost(transportClosedIn(failed));
                assertTrue(seen[0].compareTo(LOST_WITHIN) <= 0, "lost within " + LOST_WITHIN + ", took " + seen[0]);
                for (long pid : pids) ProcessHandle.of(pid).ifPresent(h -> h.onExit().join());
                System.out.println("actor and leaf on host B ended " + Duration.ofNanos(System.nanoTime() - cut[0]).toMillis() + " ms after the cut");
            } finally {
                hosts.ns.heal();
            }
            assertTrue(Tractor.findActor("mid_b").isEmpty(), "the lost incarnation's registration leads nowhere");
        });
    }

    /** The {@link TransportClosed} that {@code t} is or holds (in a group or as a cause), or null. */
    private static TransportClosed transportClosedIn(Throwable t) {
        if (t instanceof TransportClosed c) return c;
        if (t instanceof tractor.sc.ExceptionGroup g && !g.leaves(TransportClosed.class).isEmpty()) return g.leaves(TransportClosed.class).getFirst();
        return t.getCause() == null ? null : transportClosedIn(t.getCause());
    }

    /** Closed because the peer went silent: the runtime's {@code PeerLost} in the cause chain. */
    private static void assertPeerLost(TransportClosed e) {
        Throwable c = e;
        while (c != null && !c.getClass().getSimpleName().equals("PeerLost")) c = c.getCause();
        assertTrue(c != null, "TransportClosed caused by PeerLost: " + e);
    }

    private static void closeQuietly(Context ctx) {
        try {
            ctx.close();
        } catch (RuntimeException e) {
            System.out.println("closing the lost context: " + e);
        }
    }
}
