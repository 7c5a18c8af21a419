package tractor.spawn.spi;

import java.util.List;
import java.util.function.Consumer;

/**
 * Where a child actor starts, in both forms a backend may need: a {@code main} class (with its module,
 * when the runtime runs on the module path) for a new JVM, and a function for a child inside this JVM.
 *
 * @param mainModule the JPMS module of {@code mainClass}, or null on the class path
 * @param mainClass  the class whose {@code public static void main(String[])} starts a child JVM
 * @param inJvm      starts the child in this JVM: called on a thread the backend owns, returns when the
 *                   child's runtime has ended; may throw, which the backend reports as the exit status
 */
public record ChildEntry(String mainModule, String mainClass, Consumer<List<String>> inJvm) {}
