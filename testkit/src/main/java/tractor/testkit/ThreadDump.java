package tractor.testkit;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** A dump of every thread of this JVM, virtual threads included (the JDK's thread-dump format). */
public final class ThreadDump {
    private ThreadDump() {}

    /** Returns the dump as text; never throws, an unreadable dump is reported inside the text. */
    public static String text() {
        try {
            Path dir = Files.createTempDirectory("tractor-dump");
            Path file = dir.resolve("threads.txt");
            try {
                ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                        .dumpThreads(file.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.TEXT_PLAIN);
                return Files.readString(file);
            } finally {
                Files.deleteIfExists(file);
                Files.deleteIfExists(dir);
            }
        } catch (IOException | RuntimeException e) {
            return "(thread dump failed: " + e + ")";
        }
    }
}
