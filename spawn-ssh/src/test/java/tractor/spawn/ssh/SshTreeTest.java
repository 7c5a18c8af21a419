package tractor.spawn.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tractor.Context;
import tractor.MsgStream;
import tractor.Portal;
import tractor.Tractor;
import tractor.testkit.Bounded;

/**
 * A tree across two hosts through the ssh backend: a root on host A (this namespace) spawns actors on
 * host B (a network namespace with its own sshd); contexts, streams, discovery by name, teardown with
 * nothing left on B, and the parent-death path when the root is SIGKILLed.
 */
@Bounded(seconds = 60)
class SshTreeTest {
    static TwoHosts hosts;

    @BeforeAll
    static void up() throws Exception {
        hosts = TwoHosts.open(true);
    }

    @AfterAll
    static void down() throws Exception {
        if (hosts != null) hosts.close();
    }

    @Test
    void anActorOnHostBRunsAContextAndAStreamAndIsFoundByName() throws Exception {
        List<Long> remote = new ArrayList<>();
        Tractor.openNursery(Roots.onA("host_a"), n -> {
            Portal p = n.startActor("worker_b", Roots.onB(hosts.sshd));
            List<?> where = (List<?>) p.run(Remote::addresses);
            assertTrue(where.contains(TwoHosts.B) && !where.contains(TwoHosts.A), "runs on host B: " + where);
            remote.add(p.run(Remote::pid));
            try (Context ctx = p.openContext(Remote::echo)) {
                assertTrue(((List<?>) ctx.first()).contains(TwoHosts.B));
                try (MsgStream s = ctx.openStream()) {
                    for (long i = 0; i < 20; i++) {
                        s.send(i);
                        assertEquals(i, s.receive());
                    }
                }
                assertEquals(20L, ((Number) ctx.waitForResult()).longValue());
            }
            // registered with A's registrar under an address of host B: found by name from the root
            String addr = Tractor.queryActor("worker_b").orElseThrow();
            assertTrue(addr.startsWith("tcp://" + TwoHosts.B + ":"), "registered address " + addr);
            assertEquals(remote.getFirst(), Tractor.findActor("worker_b").orElseThrow().run(Remote::pid));
            p.cancelActor();
        });
        assertFalse(ProcessHandle.of(remote.getFirst()).map(ProcessHandle::isAlive).orElse(false),
                "the JVM on host B is gone once the nursery has reaped it");
    }

    @Test
    void killingTheRootWithSigkillEndsItsActorsOnHostB() throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-cp", SshBackend.localClassPath(), SshRootMain.class.getName()));
        hosts.sshd.options().forEach((k, v) -> cmd.add(k + "=" + v));
        Process root = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        List<ProcessHandle> remote = new ArrayList<>();
        List<ProcessHandle> sshClients;
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(root.getInputStream(), StandardCharsets.UTF_8));
            for (String line; (line = out.readLine()) != null && !line.equals("ready"); ) {
                System.out.println("[root] " + line);
                if (line.startsWith("pid ")) remote.add(ProcessHandle.of(Long.parseLong(line.substring(4))).orElseThrow());
            }
            assertEquals(2, remote.size(), "two actors started on host B");
            sshClients = root.descendants().toList();
        } finally {
            root.destroyForcibly(); // SIGKILL: no hook of the root runs
        }
        long killed = System.nanoTime();
        root.waitFor();
        for (ProcessHandle h : remote) h.onExit().get(10, TimeUnit.SECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - killed);
        System.out.println("actors on host B ended " + took.toMillis() + " ms after the root's SIGKILL");
        // the bound: end of input reaches the child as soon as the dead root's pipe closes, and the child
        // halts at most 2 s later (ChildMain's orphan grace); 3 s leaves the ssh hop its share
        assertTrue(took.compareTo(Duration.ofSeconds(3)) < 0, "the actors on B exit within the parent-death bound, took " + took);
        for (ProcessHandle h : sshClients) h.onExit().get(10, TimeUnit.SECONDS);
    }
}
