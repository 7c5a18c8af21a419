package tractor.cli;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import tractor.ActorId;
import tractor.Tractor;

/** {@code tractor ps}: every actor registered with the tree's registrar, one per line. */
@Command(name = "ps", mixinStandardHelpOptions = true, description = "List the actors registered with the tree's registrar.")
final class PsCommand implements Callable<Integer> {
    @Mixin
    Registry registry;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        return registry.join(spec.commandLine().getErr(), self -> {
            Map<ActorId, List<String>> actors = Tractor.listActors();
            out.printf("%-24s %-38s %s%n", "NAME", "UUID", "ADDRESS");
            actors.forEach((id, addrs) -> {
                if (!id.equals(self.uid())) out.printf("%-24s %-38s %s%n", id.name(), id.uuid(), String.join(" ", addrs));
            });
            out.flush();
            return 0;
        });
    }
}
