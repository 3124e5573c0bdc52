package io.edgesplit.cli;

import io.edgesplit.model.InvalidInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/**
 * {@code ./edgesplit COMMAND}: a thin command line over the public API (docs/formats.md §6). Exit codes: 0 success,
 * 1 the answer is "no" (infeasible, invalid solution, solver failure), 2 bad usage or bad input (one line
 * on stderr, no stack trace).
 */
@Command(name = "edgesplit", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        description = "Joint DNN partitioning, offloading and scheduling: solve, validate and benchmark.",
        subcommands = {SolveCommand.class, ValidateCommand.class, BoundCommand.class, GenerateCommand.class, ZooCommand.class, SolversCommand.class,
                BenchCommand.class, ReportCommand.class, SimulateCommand.class, GanttCommand.class, ImportFjsCommand.class, ImportProfileCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    public static final int OK = 0;
    public static final int NO = 1;
    public static final int BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() { spec.commandLine().usage(System.out); }

    public static void main(String[] args) {
        io.edgesplit.solver.Interrupts.install(Thread.currentThread());
        System.exit(execute(args));
    }

    /** Runs a command line; returns the exit code. Used by tests too. */
    public static int execute(String... args) { return commandLine().execute(args); }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (ex instanceof InvalidInputException || ex instanceof IllegalArgumentException) {
                err.println("error: " + ex.getMessage());
                err.flush();
                return BAD_INPUT;
            }
            java.io.IOException io = IoErrors.cause(ex);
            if (io != null) {
                err.println("error: " + IoErrors.sentence(io));
                err.flush();
                return BAD_INPUT;
            }
            err.println("error: " + ex.getClass().getSimpleName() + ": " + ex.getMessage());
            err.flush();
            return NO;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("error: " + ex.getMessage() + " (see --help)");
            err.flush();
            return BAD_INPUT;
        });
        return cl;
    }
}
