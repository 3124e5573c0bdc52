package io.edgesplit.solver;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.Consumer;

/**
 * {@code sun.misc.Signal.handle} through reflection. The JDK's only way to catch SIGINT/SIGTERM is that class
 * of the {@code jdk.unsupported} module; calling it directly is a javac warning ("internal proprietary API")
 * that no {@code @SuppressWarnings} silences, and the build treats every warning as an error.
 */
final class SignalApi {
    private SignalApi() {}

    /** Calls {@code handler} with the signal's name (e.g. {@code INT}) whenever {@code name} arrives. */
    static void handle(String name, Consumer<String> handler) {
        try {
            Class<?> signal = Class.forName("sun.misc.Signal");
            Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
            Method getName = signal.getMethod("getName");
            Object proxy = Proxy.newProxyInstance(SignalApi.class.getClassLoader(), new Class<?>[]{handlerType}, (self, m, args) -> {
                switch (m.getName()) {
                    case "handle" -> handler.accept((String) getName.invoke(args[0]));
                    case "hashCode" -> { return System.identityHashCode(self); }
                    case "equals" -> { return self == args[0]; }
                    case "toString" -> { return "edgesplit signal handler"; }
                    default -> { }
                }
                return null;
            });
            Object sig = signal.getConstructor(String.class).newInstance(name);
            signal.getMethod("handle", signal, handlerType).invoke(null, sig, proxy);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException iae) throw iae; // a signal the JVM reserves
            throw new IllegalStateException("cannot install the " + name + " handler", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot install the " + name + " handler: " + e, e);
        }
    }
}
