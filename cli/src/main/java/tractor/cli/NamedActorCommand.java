package tractor.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import tractor.Portal;
import tractor.Tractor;

/** A command about one actor found by name through the registrar; {@link TractorCli#NOT_FOUND} when none is registered. */
abstract class NamedActorCommand implements Callable<Integer> {
    @Mixin
    Registry registry;

    @Parameters(paramLabel = "NAME", description = "the actor's name")
    String name;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public final Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return registry.join(err, self -> {
            Optional<Portal> p = Tractor.findActor(name);
            if (p.isEmpty()) {
                err.println("no actor named \"" + name + "\" is registered at " + registry.address);
                return TractorCli.NOT_FOUND;
            }
            int status = onActor(p.get(), out, err);
            out.flush();
            return status;
        });
    }

    /** What the command does with the actor's portal; returns the exit status. */
    abstract int onActor(Portal actor, PrintWriter out, PrintWriter err) throws Exception;
}
