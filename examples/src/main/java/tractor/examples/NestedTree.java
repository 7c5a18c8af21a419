package tractor.examples;

import static tractor.examples.ExampleRoot.root;

import tractor.ActorOptions;
import tractor.Portal;
import tractor.RemoteActorError;
import tractor.Tractor;

/**
 * An infinitely nestable tree, three levels deep: the root spawns {@code spawner}, which opens its own
 * actor nursery and spawns {@code name_error}. A call goes down through the middle actor and its
 * answer comes back up; then the grandchild fails, and its error climbs the tree box in a box
 * ("inception"): the root sees a {@link RemoteActorError} from {@code spawner} whose source is the
 * grandchild, with the path it travelled.
 */
public final class NestedTree {
    private NestedTree() {}

    /** Runs in the grandchild: who answers. */
    public static String hello(String from) {
        var me = Tractor.currentActor();
        return "hello " + from + ", this is '" + me.name() + "' in pid " + me.pid();
    }

    /** Runs in the middle actor: a call through it, to a grandchild it spawns for the occasion. */
    public static String askGrandchild() throws Exception {
        String[] answer = new String[1];
        Tractor.openNursery(an -> {
            Portal grandchild = an.startActor("grandchild", ActorOptions.of().enable(NestedTree.class));
            answer[0] = grandchild.run(NestedTree::hello, Tractor.currentActor().name()) + " (relayed by '" + Tractor.currentActor().name() + "')";
            grandchild.cancelActor();
        });
        return answer[0];
    }

    /** Runs in the grandchild: Python's {@code getattr(doggypants)}, a name that does not exist. */
    public static void nameError() throws NoSuchFieldException {
        NestedTree.class.getField("doggypants");
    }

    /** Runs in the middle actor: spawns a grandchild that fails; its nursery raises the boxed error. */
    public static void spawnFailingGrandchild() throws Exception {
        Tractor.openNursery(an -> an.runInActor("name_error", NestedTree::nameError));
    }

    public static void main(String[] args) throws Exception {
        try {
            Tractor.openNursery(root(), n -> {
                Portal spawner = n.startActor("spawner", ActorOptions.of().enable(NestedTree.class));
                System.out.println(spawner.run(NestedTree::askGrandchild));
                spawner.run(NestedTree::spawnFailingGrandchild);
            });
        } catch (RemoteActorError e) {
            System.out.println("The root got: " + e.getMessage());
            System.out.println("  inception:   " + e.isInception());
            System.out.println("  boxed type:  " + e.boxedTypeName());
            System.out.println("  source type: " + e.srcTypeName());
            System.out.println("  source:      " + e.srcUid().name());
            System.out.println("  relay path:  " + e.relayPath().stream().map(a -> a.name()).toList());
        }
    }
}
