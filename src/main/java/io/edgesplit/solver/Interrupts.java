package io.edgesplit.solver;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A clean Ctrl-C (docs/benchmarks.md, "Interrupts"): SIGINT and SIGTERM interrupt the command's main thread,
 * which stops the current run, records it and exits 130. A second signal, or a command that has not
 * stopped 10 s after the first, ends the process at once (exit 130).
 *
 * <p>Native solvers may take the signal over: OR-Tools registers its own SIGINT handler during a CP-SAT
 * solve when {@code catch_sigint_signal} is on (the cpsat backend turns it off; its handler is
 * thread-local and aborted the JVM with {@code std::bad_function_call} when the signal arrived on
 * another thread) and resets SIGINT to the default action when a solve ends. {@link #reinstall()},
 * called after every native solve, puts this handler back. Installed only by the command line's
 * {@code main}: tests and library callers keep the JVM's own behaviour.
 */
public final class Interrupts {
    private Interrupts() {}

    /** The exit code of an interrupted command (128 + SIGINT, as shells report it). */
    public static final int EXIT_CODE = 130;
    private static final String[] SIGNALS = {"INT", "TERM"};
    private static final AtomicInteger received = new AtomicInteger();
    private static volatile Thread target;

    /** Whether a signal has arrived since {@link #install}. */
    public static boolean requested() { return received.get() > 0; }

    /** Installs the handlers; {@code main} is the thread to interrupt on the first signal. */
    public static synchronized void install(Thread main) {
        target = main;
        register();
    }

    /** Puts the handlers back after native code replaced them; does nothing unless {@link #install}ed. */
    public static void reinstall() {
        if (target != null) register();
    }

    private static void register() {
        for (String s : SIGNALS) {
            try {
                SignalApi.handle(s, Interrupts::onSignal);
            } catch (IllegalArgumentException e) {
                // the JVM reserves this signal (e.g. run with -Xrs): keep its default
            }
        }
    }

    private static void onSignal(String signalName) {
        int n = received.incrementAndGet();
        if (n > 1) {
            System.err.println("\nerror: interrupted twice; stopping now");
            Runtime.getRuntime().halt(EXIT_CODE);
        }
        System.err.println("\ninterrupted (SIG" + signalName + "): stopping the current run; press Ctrl-C again to stop at once");
        Thread t = target;
        if (t != null) t.interrupt();
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                return;
            }
            System.err.println("error: still running 10 s after the interrupt; stopping now");
            Runtime.getRuntime().halt(EXIT_CODE);
        }, "interrupt-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }
}
