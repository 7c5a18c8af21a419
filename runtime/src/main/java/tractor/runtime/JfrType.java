package tractor.runtime;

import java.util.ArrayList;
import java.util.List;
import jdk.jfr.AnnotationElement;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Event;
import jdk.jfr.EventFactory;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.ValueDescriptor;

/**
 * One JFR event type of the runtime, made with {@link EventFactory} rather than declared as a subclass of
 * {@link Event}: JFR instruments a declared event class with references to its internal packages, which a
 * class loader that sees only exported packages (an OSGi bundle's) cannot resolve. Every type has the
 * fields {@code actor} and {@code actorUid} first, then its own.
 *
 * <p>A type is made on first use once Flight Recorder is initialized in the JVM, never before: making the
 * runtime's eight types costs a JVM 0.25–0.8 s of CPU (measured on the project's 2-core machine), which
 * every child JVM's boot would pay for nothing when no recording runs. Before that, and whenever no
 * recording takes the type, {@link #begin} returns null and nothing is allocated or committed: a duration
 * event begun before a recording started is not recorded.
 */
final class JfrType {
    private final String name;
    private final String label;
    private final String description;
    private final boolean enabled;
    private final String[] fields;
    private volatile EventFactory factory;

    JfrType(String name, String label, String description, boolean enabled, String... fields) {
        this.name = name;
        this.label = label;
        this.description = description;
        this.enabled = enabled;
        this.fields = fields;
    }

    /** The factory, made on first use after Flight Recorder was initialized; null before. */
    EventFactory factory() {
        EventFactory f = factory;
        if (f != null || !FlightRecorder.isInitialized()) return f;
        synchronized (this) {
            if (factory == null) factory = make();
            return factory;
        }
    }

    private EventFactory make() {
        List<AnnotationElement> type = new ArrayList<>(List.of(new AnnotationElement(Name.class, name),
                new AnnotationElement(Label.class, label), new AnnotationElement(Category.class, new String[] {"tractor"}),
                new AnnotationElement(Description.class, description), new AnnotationElement(StackTrace.class, false)));
        if (!enabled) type.add(new AnnotationElement(Enabled.class, false));
        List<ValueDescriptor> values = new ArrayList<>();
        values.add(new ValueDescriptor(String.class, "actor", List.of(new AnnotationElement(Label.class, "Actor"))));
        values.add(new ValueDescriptor(String.class, "actorUid", List.of(new AnnotationElement(Label.class, "Actor uuid"))));
        for (String f : fields) {
            Class<?> t = f.startsWith("?") ? boolean.class : String.class;
            String n = f.startsWith("?") ? f.substring(1) : f;
            values.add(new ValueDescriptor(t, n, List.of(new AnnotationElement(Label.class, n))));
        }
        return EventFactory.create(type, values);
    }

    /** Whether an event of this type would be recorded now: a recording runs with it enabled. A field read. */
    private boolean recorded(EventFactory f) {
        return f != null && f.getEventType().isEnabled();
    }

    /** A new event of this type, its duration started now; null when no recording would take it. */
    Event begin() {
        EventFactory f = factory();
        if (!recorded(f)) return null;
        Event e = f.newEvent();
        e.begin();
        return e;
    }

    /**
     * Ends {@code e} (null: begun before Flight Recorder was initialized) and commits it with the actor
     * and {@code values} (in field order) when it is recorded.
     */
    static void commit(Event e, ActorRuntime rt, Object... values) {
        if (e == null) return;
        e.end();
        if (!e.shouldCommit()) return;
        e.set(0, rt.uid().name());
        e.set(1, rt.uid().uuid());
        for (int i = 0; i < values.length; i++) e.set(i + 2, values[i]);
        e.commit();
    }

    /** Commits an instant event of this type when it is recorded. */
    void now(ActorRuntime rt, Object... values) {
        EventFactory f = factory();
        if (!recorded(f)) return;
        Event e = f.newEvent();
        if (e.shouldCommit()) commit(e, rt, values);
    }

    @Override
    public String toString() {
        return "JFR event type " + name;
    }
}
