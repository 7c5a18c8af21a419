package tractor.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Option;
import tractor.Actor;
import tractor.RootOptions;
import tractor.Tractor;

/** The {@code --registry} option every command takes, and joining the tree it names. */
final class Registry {
    @Option(names = {"-r", "--registry"}, defaultValue = "tcp://127.0.0.1:1616", paramLabel = "ADDRESS",
            description = "the tree's registry address (default: ${DEFAULT-VALUE})")
    String address;

    /** The work of a command inside the tool's root actor; returns the exit code. */
    @FunctionalInterface
    interface Work {
        int run(Actor self) throws Exception;
    }

    /**
     * Boots the tool's root actor at the registry address and runs {@code work} in it; refuses (exit
     * code {@link TractorCli#NOT_FOUND}) when no registrar answers there.
     */
    int join(PrintWriter err, Work work) throws Exception {
        int[] code = {0};
        Tractor.openRoot(RootOptions.of().name("tractor-cli").registryAddress(address), self -> {
            if (self.isRegistrar()) {
                err.println("no tractor registrar answers at " + address);
                code[0] = TractorCli.NOT_FOUND;
                return;
            }
            code[0] = work.run(self);
        });
        return code[0];
    }

    @Override
    public String toString() {
        return "registry " + address;
    }
}
