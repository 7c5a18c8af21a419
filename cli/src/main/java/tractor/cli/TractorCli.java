package tractor.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code tractor} command: {@code ps} lists a running tree through its registrar, {@code dump}
 * prints an actor's tree dump, {@code cancel} cancels an actor by name. Each command boots a short-lived
 * root actor that joins the tree at the registry address, does its work and leaves.
 *
 * {@snippet lang=shell :
 * tractor ps --registry tcp://127.0.0.1:1616
 * tractor dump worker_1 --registry tcp://127.0.0.1:1616
 * tractor cancel worker_1 --registry tcp://127.0.0.1:1616
 * }
 */
@Command(name = "tractor", mixinStandardHelpOptions = true, version = "tractor 0.1.0",
        description = "Inspect and control a running tractor actor tree.",
        subcommands = {PsCommand.class, DumpCommand.class, CancelCommand.class})
public final class TractorCli implements Runnable {
    /** Exit code: the registry has no registrar, or the actor named is not registered. */
    static final int NOT_FOUND = 4;
    /** Exit code: the actor did not confirm its cancellation in time. */
    static final int NOT_CONFIRMED = 5;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the tool; exits the JVM with the command's exit code. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the tool and returns its exit code (0: done, 1: failed, 2: usage error, 4: not found, 5: cancel not confirmed). */
    public static int run(String... args) {
        // the tool's own root actor logs only what goes wrong, unless asked otherwise
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        return new CommandLine(new TractorCli()).execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: ps, dump or cancel");
    }
}
