package tractor.bench;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process's open-file limit (Linux {@code RLIMIT_NOFILE}), read and raised through the C library with
 * the JDK's foreign function API: N actors need several descriptors each, and 10,000 of them need more than
 * a default limit. Raising the hard limit needs privileges ({@code CAP_SYS_RESOURCE}); without them the soft
 * limit is raised to the hard one. Linux x86_64 / aarch64 only; elsewhere it reports and changes nothing.
 */
final class FdLimit {
    private static final int RLIMIT_NOFILE = 7;

    private FdLimit() {}

    /** {@code [soft, hard]}, or null when it cannot be read here. */
    static long[] get() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment r = a.allocate(16);
            if ((int) call("getrlimit").invokeExact(RLIMIT_NOFILE, r) != 0) return null;
            return new long[] {r.get(ValueLayout.JAVA_LONG, 0), r.get(ValueLayout.JAVA_LONG, 8)};
        } catch (Throwable e) {
            return null;
        }
    }

    /** Raises the limit to at least {@code want} if it can; returns the soft limit now in force (-1 unknown). */
    static long raiseTo(long want) {
        long[] now = get();
        if (now == null || now[0] >= want) return now == null ? -1 : now[0];
        if (!set(want, Math.max(want, now[1]))) set(now[1], now[1]);
        long[] after = get();
        return after == null ? -1 : after[0];
    }

    private static boolean set(long soft, long hard) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment r = a.allocate(16);
            r.set(ValueLayout.JAVA_LONG, 0, soft);
            r.set(ValueLayout.JAVA_LONG, 8, hard);
            return (int) call("setrlimit").invokeExact(RLIMIT_NOFILE, r) == 0;
        } catch (Throwable e) {
            return false;
        }
    }

    private static MethodHandle call(String name) {
        Linker l = Linker.nativeLinker();
        return l.downcallHandle(l.defaultLookup().find(name).orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS));
    }

    /** How many descriptors this process has open now ({@code /proc/self/fd}), or -1. */
    static int open() {
        try (var s = Files.list(Path.of("/proc/self/fd"))) {
            return (int) s.count();
        } catch (Exception e) {
            return -1;
        }
    }
}
