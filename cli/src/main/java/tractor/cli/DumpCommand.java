package tractor.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Command;
import tractor.Portal;

/** {@code tractor dump NAME}: the tree dump of the actor registered under that name. */
@Command(name = "dump", mixinStandardHelpOptions = true, description = "Print an actor's tree dump (its dialogs and its children).")
final class DumpCommand extends NamedActorCommand {
    @Override
    int onActor(Portal actor, PrintWriter out, PrintWriter err) {
        out.print(actor.dumpActor());
        return 0;
    }
}
