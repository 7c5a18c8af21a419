package tractor.runtime;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import tractor.ModuleNotExposed;

/**
 * Resolves a requested endpoint to a method, refusing anything the actor did not enable: only public
 * static methods of the enabled classes are invocable. Nothing is loaded or run for a refused call.
 */
final class Invoker {
    private final String actorName;
    private final List<String> enabled;
    private final ClassLoader loader;

    Invoker(String actorName, List<String> enabled, ClassLoader loader) {
        this.actorName = actorName;
        this.enabled = List.copyOf(enabled);
        this.loader = loader;
    }

    /** Whether {@code m} emits a one-way stream: its first parameter is an {@link tractor.Emitter}. */
    static boolean takesEmitter(Method m) {
        return m.getParameterCount() > 0 && m.getParameterTypes()[0] == tractor.Emitter.class;
    }

    /**
     * Refuses an endpoint whose first parameter is a {@code tractor.Context} or {@code tractor.Emitter} of
     * another copy of tractor's API than this runtime's: its class was loaded outside the loader the actor
     * runs in (an isolated thread child whose endpoint class came from the parent's class path), and the
     * runtime could neither recognize nor pass that parameter.
     */
    private void checkSameApi(Method m) {
        if (m.getParameterCount() == 0) return;
        Class<?> first = m.getParameterTypes()[0];
        boolean context = first.getName().equals(tractor.Context.class.getName()) && first != tractor.Context.class;
        boolean emitter = first.getName().equals(tractor.Emitter.class.getName()) && first != tractor.Emitter.class;
        if (!context && !emitter) return;
        throw new IllegalArgumentException(m.getDeclaringClass().getName() + "#" + m.getName() + " takes a " + first.getName()
                + " of another copy of tractor's API (class loader " + first.getClassLoader() + ") than actor \"" + actorName
                + "\" runs with (" + tractor.Context.class.getClassLoader() + "): its class was loaded outside the actor's class"
                + " loader; put it in a module or jar the actor loads itself, or spawn with classLoader=shared");
    }

    /** Whether {@code m} can produce a one-way stream: it emits, or returns a Stream, Iterator or Iterable. */
    static boolean isStreaming(Method m) {
        Class<?> r = m.getReturnType();
        return takesEmitter(m) || java.util.stream.BaseStream.class.isAssignableFrom(r) || java.util.Iterator.class.isAssignableFrom(r)
                || Iterable.class.isAssignableFrom(r);
    }

    /** How many leading parameters the runtime supplies (a Context or an Emitter) rather than the caller. */
    static int supplied(Method m) {
        return isContext(m) || takesEmitter(m) ? 1 : 0;
    }

    /** Whether {@code m} is a context endpoint: its first parameter is a {@link tractor.Context}. */
    static boolean isContext(Method m) {
        return m.getParameterCount() > 0 && m.getParameterTypes()[0] == tractor.Context.class;
    }

    List<String> enabled() {
        return enabled;
    }

    /**
     * The one public static method {@code ns#func} taking {@code argc} arguments.
     *
     * @throws ModuleNotExposed          when {@code ns} is not enabled
     * @throws ClassNotFoundException    when the enabled class cannot be loaded
     * @throws NoSuchMethodException     when no public static method of that name exists
     * @throws IllegalArgumentException  when no overload takes {@code argc} arguments, or several do
     */
    Method resolve(String ns, String func, int argc) throws ClassNotFoundException, NoSuchMethodException {
        if (!enabled.contains(ns)) {
            throw new ModuleNotExposed("endpoint \"" + ns + "#" + func + "\" is not enabled in actor \"" + actorName
                    + "\" (enabled: " + enabled + ")");
        }
        Class<?> c = Class.forName(ns, true, loader);
        List<Method> named = Arrays.stream(c.getMethods())
                .filter(m -> m.getName().equals(func) && Modifier.isStatic(m.getModifiers()) && m.getDeclaringClass() == c)
                .toList();
        if (named.isEmpty()) {
            throw new NoSuchMethodException("no public static method \"" + func + "\" in " + ns + " (actor \"" + actorName + "\")");
        }
        for (Method m : named) checkSameApi(m);
        List<Method> fitting = named.stream()
                .filter(m -> m.getParameterCount() == argc + supplied(m)).toList();
        if (fitting.size() == 1) return fitting.getFirst();
        if (fitting.isEmpty()) {
            throw new IllegalArgumentException(ns + "#" + func + " takes "
                    + named.stream().map(m -> m.getParameterCount() - supplied(m)).distinct().toList()
                    + " arguments, got " + argc);
        }
        throw new IllegalArgumentException(ns + "#" + func + " has " + fitting.size() + " overloads of " + argc
                + " arguments: endpoints must not be overloaded by arity");
    }
}
