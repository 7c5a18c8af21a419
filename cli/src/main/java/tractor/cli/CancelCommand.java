package tractor.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Command;
import tractor.Portal;

/** {@code tractor cancel NAME}: cancels the actor registered under that name, as its parent's portal would. */
@Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancel an actor (and so its subtree) by name.")
final class CancelCommand extends NamedActorCommand {
    @Override
    int onActor(Portal actor, PrintWriter out, PrintWriter err) {
        if (!actor.cancelActor()) {
            err.println("actor \"" + name + "\" did not confirm the cancel in time");
            return TractorCli.NOT_CONFIRMED;
        }
        out.println("cancelled " + name + " [" + actor.peer().uuid() + "]");
        return 0;
    }
}
