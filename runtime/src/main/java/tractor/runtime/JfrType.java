package tractor.runtime;

import java.util.ArrayList;
import java.util.List;
import jdk.jfr.AnnotationElement;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Event;
import jdk.jfr.EventFactory;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.ValueDescriptor;

/**
 * One JFR event type of the runtime, made with {@link EventFactory} rather than declared as a subclass of
 * {@link Event}: JFR instruments a declared event class with references to its internal packages, which a
 * class loader that sees only exported packages (an OSGi bundle's) cannot resolve. Every type has the
 * fields {@code actor} and {@code actorUid} first, then its own.
 */
final class JfrType {
    private final String name;
    private final EventFactory factory;

    JfrType(String name, String label, String description, boolean enabled, String... fields) {
        this.name = name;
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
        this.factory = EventFactory.create(type, values);
    }

    /** A new event of this type, its duration started now. */
    Event begin() {
        Event e = factory.newEvent();
        e.begin();
        return e;
    }

    /** Ends {@code e} and commits it with the actor and {@code values} (in field order) when it is recorded. */
    static void commit(Event e, ActorRuntime rt, Object... values) {
        e.end();
        if (!e.shouldCommit()) return;
        e.set(0, rt.uid().name());
        e.set(1, rt.uid().uuid());
        for (int i = 0; i < values.length; i++) e.set(i + 2, values[i]);
        e.commit();
    }

    /** Commits an instant event of this type when it is recorded. */
    void now(ActorRuntime rt, Object... values) {
        Event e = factory.newEvent();
        if (e.shouldCommit()) commit(e, rt, values);
    }

    @Override
    public String toString() {
        return "JFR event type " + name;
    }
}
