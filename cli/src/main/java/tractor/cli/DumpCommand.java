package tractor.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import tractor.Portal;
import tractor.Tractor;

/** {@code tractor dump NAME}: the tree dump of the actor registered under that name. */
@Command(name = "dump", mixinStandardHelpOptions = true, description = "Print an actor's tree dump (its dialogs and its children).")
final class DumpCommand implements Callable<Integer> {
    @Mixin
    Registry registry;

    @Parameters(paramLabel = "NAME", description = "the actor's name")
    String name;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        return registry.join(err, self -> {
            Optional<Portal> p = Tractor.findActor(name);
            if (p.isEmpty()) {
                err.println("no actor named \"" + name + "\" is registered at " + registry.address);
                return TractorCli.NOT_FOUND;
            }
            out.print(p.get().dumpActor());
            out.flush();
            return 0;
        });
    }
}
