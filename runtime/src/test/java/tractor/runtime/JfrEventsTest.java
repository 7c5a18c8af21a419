package tractor.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import jdk.jfr.EventType;
import jdk.jfr.FlightRecorder;
import jdk.jfr.SettingDescriptor;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.Test;
import tractor.ActorOptions;
import tractor.Context;
import tractor.MsgStream;
import tractor.Portal;
import tractor.Tractor;
import tractor.runtime.it.Ctxs;
import tractor.testkit.Bounded;

/** The runtime's JFR events, read in-process with a {@link RecordingStream} while a thread-backend tree runs. */
@Bounded(seconds = 60)
class JfrEventsTest {
    private static final List<String> NAMES = List.of("tractor.ActorSpawned", "tractor.ActorExited", "tractor.ContextOpened",
            "tractor.ContextClosed", "tractor.StreamOpened", "tractor.StreamClosed", "tractor.CancelRequested", "tractor.StreamMsg");

    private record Seen(String type, String actor, String field) {
        @Override
        public String toString() {
            return type + "@" + actor + "(" + field + ")";
        }
    }

    @Test
    void lifecycleEventsOfATreeAreRecorded() throws Exception {
        Queue<Seen> seen = new ConcurrentLinkedQueue<>();
        CountDownLatch rootExited = new CountDownLatch(1);
        String[] cid = new String[1];
        java.nio.file.Path file = java.nio.file.Files.createTempFile("tractor-jfr", ".jfr");
        try (RecordingStream rs = new RecordingStream(); jdk.jfr.Recording rec = new jdk.jfr.Recording()) {
            for (String n : NAMES) {
                rs.enable(n);
                rec.enable(n);
            }
            rec.start();
            rs.onEvent(e -> {
                seen.add(new Seen(e.getEventType().getName(), e.getString("actor"), detail(e)));
                if (e.getEventType().getName().equals("tractor.ActorExited") && e.getBoolean("root")) rootExited.countDown();
            });
            rs.startAsync();
            Tractor.openNursery(Matrix.root("thread", "tcp").name("jfr_root"), an -> {
                Portal p = an.startActor("jfr_child", ActorOptions.of().enable(Ctxs.class));
                try (Context ctx = p.openContext(Ctxs::echo)) {
                    cid[0] = ctx.cid();
                    try (MsgStream s = ctx.openStream()) {
                        for (int i = 0; i < 3; i++) {
                            s.send(i);
                            s.receive();
                        }
                    }
                    ctx.waitForResult();
                }
                p.cancelActor();
            });
            assertTrue(rootExited.await(20, TimeUnit.SECONDS), "the root's exit event arrived: " + seen);
            rec.stop();
            rec.dump(file);
        }
        // the live stream saw every event; their string fields are read from the complete recording: in one run
        // the stream (JDK 25.0.3) gave null for the cid of every event after the first ones (a string JFR pools
        // once it repeats), which the recording file had right
        List<Seen> all;
        try {
            all = jdk.jfr.consumer.RecordingFile.readAllEvents(file).stream()
                    .map(e -> new Seen(e.getEventType().getName(), e.getString("actor"), detail(e))).toList();
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
        assertEquals(count(all), count(List.copyOf(seen)), "the stream saw what the recording holds");
        assertTrue(all.contains(new Seen("tractor.ActorSpawned", "jfr_root", "jfr_child thread")), all.toString());
        assertTrue(all.contains(new Seen("tractor.ContextOpened", "jfr_root", cid[0] + " parent " + Ctxs.class.getName() + "#echo")), all.toString());
        assertTrue(all.contains(new Seen("tractor.ContextOpened", "jfr_child", cid[0] + " child " + Ctxs.class.getName() + "#echo")), all.toString());
        assertTrue(all.contains(new Seen("tractor.ContextClosed", "jfr_root", cid[0] + " parent result")), all.toString());
        assertTrue(all.contains(new Seen("tractor.ContextClosed", "jfr_child", cid[0] + " child result")), all.toString());
        assertTrue(all.contains(new Seen("tractor.StreamOpened", "jfr_root", cid[0] + " parent context")), all.toString());
        assertTrue(all.contains(new Seen("tractor.StreamClosed", "jfr_root", cid[0] + " parent")), all.toString());
        assertTrue(all.contains(new Seen("tractor.CancelRequested", "jfr_root", "sent actor jfr_child")), all.toString());
        assertTrue(all.contains(new Seen("tractor.CancelRequested", "jfr_child", "received actor")), all.toString());
        assertTrue(all.contains(new Seen("tractor.ActorExited", "jfr_child", "false cancelled")) || all.contains(new Seen("tractor.ActorExited", "jfr_child", "false ended")), all.toString());
        assertTrue(all.contains(new Seen("tractor.ActorExited", "jfr_root", "true ended")), all.toString());
        assertEquals(3, all.stream().filter(s -> s.equals(new Seen("tractor.StreamMsg", "jfr_root", cid[0] + " sent"))).count(), all.toString());
        assertEquals(3, all.stream().filter(s -> s.equals(new Seen("tractor.StreamMsg", "jfr_child", cid[0] + " received"))).count(), all.toString());
    }

    @Test
    void thePerValueEventIsDisabledByDefaultTheOthersEnabled() {
        FlightRecorder.getFlightRecorder(); // initializes Flight Recorder: from now on the types are made on first use
        JfrEvents.ALL.forEach(JfrType::factory);
        int found = 0;
        for (EventType t : FlightRecorder.getFlightRecorder().getEventTypes()) {
            if (!t.getName().startsWith("tractor.")) continue;
            String enabled = t.getSettingDescriptors().stream().filter(d -> d.getName().equals("enabled"))
                    .map(SettingDescriptor::getDefaultValue).findFirst().orElseThrow();
            assertEquals(t.getName().equals("tractor.StreamMsg") ? "false" : "true", enabled, t.getName());
            found++;
        }
        assertEquals(NAMES.size(), found);
    }

    private static java.util.Map<String, Long> count(List<Seen> events) {
        return events.stream().collect(java.util.stream.Collectors.groupingBy(x -> x.type() + "@" + x.actor(), java.util.TreeMap::new,
                java.util.stream.Collectors.counting()));
    }

    private static String detail(RecordedEvent e) {
        return switch (e.getEventType().getName()) {
            case "tractor.ActorSpawned" -> e.getString("child") + " " + e.getString("backend");
            case "tractor.ActorExited" -> e.getBoolean("root") + " " + e.getString("outcome");
            case "tractor.ContextOpened" -> e.getString("cid") + " " + e.getString("side") + " " + e.getString("endpoint");
            case "tractor.ContextClosed" -> e.getString("cid") + " " + e.getString("side") + " " + e.getString("outcome");
            case "tractor.StreamOpened" -> e.getString("cid") + " " + e.getString("side") + " " + e.getString("kind");
            case "tractor.StreamClosed" -> e.getString("cid") + " " + e.getString("side");
            case "tractor.CancelRequested" -> e.getString("direction") + " " + e.getString("target");
            case "tractor.StreamMsg" -> e.getString("cid") + " " + e.getString("direction");
            default -> "";
        };
    }
}
