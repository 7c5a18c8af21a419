package tractor.examples;

import static tractor.examples.ExampleRoot.root;

import tractor.Portal;
import tractor.Tractor;

/**
 * Spawning and causality, without a daemon: a {@code runInActor} child runs one function and ends. The
 * nursery block ends once that child has completed its function and was reaped; the result is then
 * waiting in the portal.
 */
public final class CellarDoor {
    private CellarDoor() {}

    public static String cellarDoor() {
        return "Dang that's beautiful";
    }

    public static void main(String[] args) throws Exception {
        Portal[] portal = new Portal[1];
        Tractor.openNursery(root(), n -> {
            portal[0] = n.runInActor("some_linguist", CellarDoor::cellarDoor);
        });
        // the block unblocks here since 'some_linguist' has completed its main task cellarDoor()
        System.out.println(portal[0].result());
    }
}
