package tractor.testkit;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * Bounds every test and checks that it leaked nothing. Registered automatically (JUnit extension
 * auto-detection, enabled by the build) for every module that has the test kit on its test path.
 *
 * <p>The test body runs on its own platform thread; if it has not finished within its bound
 * ({@link Bounded}), every thread is dumped to standard error, the body is interrupted and the test
 * fails at once, so a hung test never hangs the build. After each test every {@link LeakProbe} must
 * report nothing (within a short grace period for resources that end asynchronously).
 */
public final class BoundedAndLeakFree implements InvocationInterceptor, BeforeEachCallback, AfterEachCallback {
    /** The bound of a test without {@link Bounded}. */
    public static final int DEFAULT_TIMEOUT_SECONDS = 60;
    private static final Duration LEAK_GRACE = Duration.ofSeconds(3);
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(BoundedAndLeakFree.class);

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                                    ExtensionContext context) throws Throwable {
        runBounded(invocation, context);
    }

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                                            ExtensionContext context) throws Throwable {
        runBounded(invocation, context);
    }

    private static void runBounded(Invocation<Void> invocation, ExtensionContext context) throws Throwable {
        Duration bound = boundOf(context);
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread body = Thread.ofPlatform().daemon(true).name("test " + context.getDisplayName()).start(() -> {
            try {
                invocation.proceed();
                done.complete(null);
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        });
        try {
            done.get(bound.toMillis(), TimeUnit.MILLISECONDS);
            body.join(); // it has completed the future: only its exit is left
        } catch (ExecutionException e) {
            body.join();
            throw e.getCause();
        } catch (TimeoutException e) {
            System.err.println("=== " + context.getDisplayName() + " exceeded its bound of " + bound
                    + "; thread dump follows ===\n" + ThreadDump.text());
            body.interrupt();
            throw new AssertionError("test exceeded its bound of " + bound + " (thread dump on stderr)");
        }
    }

    static Duration boundOf(ExtensionContext context) {
        Bounded b = find(context.getTestMethod().orElse(null));
        if (b == null) b = find(context.getRequiredTestClass());
        if (b != null) return Duration.ofMillis((long) (b.seconds() * 1000));
        String prop = System.getProperty("tractor.test.timeout");
        return Duration.ofSeconds(prop == null ? DEFAULT_TIMEOUT_SECONDS : Long.parseLong(prop));
    }

    private static Bounded find(AnnotatedElement e) {
        if (e == null) return null;
        Bounded b = e.getAnnotation(Bounded.class);
        if (b == null && e instanceof Class<?> c && c.getEnclosingClass() != null) return find(c.getEnclosingClass());
        return b;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Map<LeakProbe, Object> before = new IdentityHashMap<>();
        for (LeakProbe p : probes()) before.put(p, p.snapshot());
        context.getStore(NS).put("before", before);
    }

    @Override
    public void afterEach(ExtensionContext context) throws InterruptedException {
        @SuppressWarnings("unchecked")
        Map<LeakProbe, Object> before = (Map<LeakProbe, Object>) context.getStore(NS).remove("before");
        if (before == null) return;
        long until = System.nanoTime() + LEAK_GRACE.toNanos();
        List<String> leaks = leaks(before);
        while (!leaks.isEmpty() && System.nanoTime() < until) {
            Thread.sleep(20); // polling an external condition (threads, processes): there is no event to wait on
            leaks = leaks(before);
        }
        if (leaks.isEmpty()) return;
        String dump = ThreadDump.text();
        before.forEach(LeakProbe::cleanUp);
        System.err.println("=== " + context.getDisplayName() + " leaked " + leaks + "; thread dump follows ===\n" + dump);
        throw new AssertionError("test leaked: " + String.join("; ", leaks));
    }

    private static List<String> leaks(Map<LeakProbe, Object> before) {
        List<String> out = new ArrayList<>();
        before.forEach((p, snap) -> {
            List<String> l = p.leaked(snap);
            if (!l.isEmpty()) out.add(p.name() + ": " + l);
        });
        return out;
    }

    private static List<LeakProbe> probes() {
        List<LeakProbe> all = new ArrayList<>(BuiltinProbes.all());
        var it = ServiceLoader.load(LeakProbe.class, BoundedAndLeakFree.class.getClassLoader()).iterator();
        while (true) {
            try {
                if (!it.hasNext()) return all;
                all.add(it.next());
            } catch (java.util.ServiceConfigurationError e) {
                System.err.println("tractor testkit: skipping a broken leak probe: " + e.getMessage());
            }
        }
    }
}
