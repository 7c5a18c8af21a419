package tractor.sc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Several errors raised concurrently, for instance by the tasks of one {@link Nursery} (Python's
 * {@code BaseExceptionGroup}). A nursery raises a lone error as it is and only wraps two or more.
 *
 * <p>Java has no {@code except*}; match by type with {@link #leaves(Class)}, {@link #split(Predicate)}
 * and {@link #contains(Class)}, or collapse a group of one with {@link #collapse(Throwable)}:
 * {@snippet :
 * try {
 *     Nursery.run(n -> { n.startSoon(a); n.startSoon(b); });
 * } catch (ExceptionGroup g) {
 *     for (IllegalStateException e : g.leaves(IllegalStateException.class)) log(e);
 * }
 * }
 * The members are also attached as suppressed exceptions so that a printed stack trace shows them all.
 */
public final class ExceptionGroup extends TractorException {
    private final List<Throwable> exceptions;

    /**
     * @throws IllegalArgumentException when {@code exceptions} is empty
     */
    public ExceptionGroup(String message, List<? extends Throwable> exceptions) {
        super(message + " (" + exceptions.size() + " errors: " + summary(exceptions) + ")");
        if (exceptions.isEmpty()) throw new IllegalArgumentException("an exception group needs at least one exception");
        this.exceptions = List.copyOf(exceptions);
        for (Throwable t : this.exceptions) addSuppressed(t);
    }

    private static String summary(List<? extends Throwable> exceptions) {
        return exceptions.stream().map(t -> t.getClass().getSimpleName() + ": " + t.getMessage()).toList().toString();
    }

    /** The direct members, in the order they were raised. */
    public List<Throwable> exceptions() {
        return exceptions;
    }

    /** Every non-group member, nested groups flattened, that is an instance of {@code type}. */
    public <E extends Throwable> List<E> leaves(Class<E> type) {
        List<E> out = new ArrayList<>();
        collect(this, type, out);
        return out;
    }

    private static <E extends Throwable> void collect(ExceptionGroup g, Class<E> type, List<E> out) {
        for (Throwable t : g.exceptions) {
            if (t instanceof ExceptionGroup inner) collect(inner, type, out);
            else if (type.isInstance(t)) out.add(type.cast(t));
        }
    }

    /** Whether some leaf is an instance of {@code type}. */
    public boolean contains(Class<? extends Throwable> type) {
        return !leaves(type).isEmpty();
    }

    /**
     * The sub-group of the leaves matching {@code p} (nesting kept), or empty when none matches; like
     * Python's {@code BaseExceptionGroup.subgroup}.
     */
    public Optional<ExceptionGroup> split(Predicate<Throwable> p) {
        List<Throwable> kept = new ArrayList<>();
        for (Throwable t : exceptions) {
            if (t instanceof ExceptionGroup inner) inner.split(p).ifPresent(kept::add);
            else if (p.test(t)) kept.add(t);
        }
        return kept.isEmpty() ? Optional.empty() : Optional.of(new ExceptionGroup(baseMessage(), kept));
    }

    private String baseMessage() {
        String m = getMessage();
        int i = m.lastIndexOf(" (");
        return i < 0 ? m : m.substring(0, i);
    }

    /** Whether every leaf is a {@link Cancelled} (tractor's {@code is_multi_cancelled}). */
    public boolean isMultiCancelled() {
        List<Throwable> all = leaves(Throwable.class);
        return !all.isEmpty() && all.stream().allMatch(Cancelled.class::isInstance);
    }

    /**
     * Unwraps groups of exactly one member, recursively (tractor's {@code collapse_eg}); anything else is
     * returned unchanged.
     */
    public static Throwable collapse(Throwable t) {
        while (t instanceof ExceptionGroup g && g.exceptions.size() == 1) t = g.exceptions.getFirst();
        return t;
    }
}
