package tractor.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import tractor.Portal;
import tractor.Tractor;

/** {@code tractor cancel NAME}: cancels the actor registered under that name, as its parent's portal would. */
@Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancel an actor (and so its subtree) by name.")
final class CancelCommand implements Callable<Integer> {
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
            if (!p.get().cancelActor()) {
                err.println("actor \"" + name + "\" did not confirm the cancel in time");
                return TractorCli.NOT_CONFIRMED;
            }
            out.println("cancelled " + name + " [" + p.get().peer().uuid() + "]");
            out.flush();
            return 0;
        });
    }
}
