package tractor.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The wall-clock bound of a test (on a method) or of every test of a class. Without it a test is
 * bounded by {@value BoundedAndLeakFree#DEFAULT_TIMEOUT_SECONDS} seconds, or by the system property
 * {@code tractor.test.timeout} (seconds). On expiry the test fails after printing a dump of every
 * thread, virtual threads included.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@Inherited
public @interface Bounded {
    /** The bound in seconds. */
    double seconds();
}
