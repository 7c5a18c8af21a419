package tractor.examples;

import static tractor.examples.ExampleRoot.root;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tractor.ActorOptions;
import tractor.Portal;
import tractor.Tractor;

/**
 * Logging in a tree (tractor's {@code loglevel} per actor): every line carries the actor's name and
 * uuid in the SLF4J MDC ({@code actor}, {@code actorUid}), whichever task logs it, the runtime's own
 * included. {@code chatty} is a child JVM at tractor's {@code runtime} level (its runtime's debug lines
 * show); {@code quiet} and {@code plain} run in this JVM (thread backend), {@code quiet} at
 * {@code warning}: its runtime logs nothing below that, {@code plain} logs at the parent's level. The
 * examples log with logback ({@code logback.xml}: the MDC and the marker on each line, to stderr).
 */
public final class LoggingDemo {
    private LoggingDemo() {}

    private static final Logger LOG = LoggerFactory.getLogger(LoggingDemo.class);

    /** An endpoint that logs. */
    public static String work(int n) {
        LOG.info("working on {}", n);
        return Tractor.currentActor().name() + " did " + n;
    }

    public static void main(String[] args) throws Exception {
        Tractor.openNursery(root(), an -> {
            ActorOptions o = ActorOptions.of().enable(LoggingDemo.class);
            Portal chatty = an.startActor("chatty", o.logLevel("runtime").spawnBackend("process"));
            Portal quiet = an.startActor("quiet", o.logLevel("warning").spawnBackend("thread"));
            Portal plain = an.startActor("plain", o.spawnBackend("thread"));
            for (Portal p : new Portal[] {chatty, quiet, plain}) {
                System.out.println(p.peer().name() + " is " + p.peer().uuid() + ": " + p.run(LoggingDemo::work, 7));
            }
            an.cancel();
        });
    }
}
