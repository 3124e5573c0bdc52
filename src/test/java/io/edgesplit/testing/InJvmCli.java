package io.edgesplit.testing;

import io.edgesplit.cli.Main;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;

/** Runs the command line in this JVM, as a user would type it, capturing its exit code, stdout and stderr. */
public final class InJvmCli {
    private InJvmCli() {}

    public record Run(int code, String out, String err) {}

    public static Run run(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true));
            System.setErr(new PrintStream(err, true));
            var cl = Main.commandLine();
            cl.setErr(new PrintWriter(System.err, true));
            cl.setOut(new PrintWriter(System.out, true));
            int code = cl.execute(args);
            return new Run(code, out.toString(), err.toString());
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
