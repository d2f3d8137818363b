package org.gfd.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gfd}: the command line entry point. */
@Command(name = "gfd", mixinStandardHelpOptions = true, version = "gfd 0.1.0",
    description = "Gradient-flow diagrams: exact loss series of large models trained by gradient flow.",
    subcommands = {SeriesCommand.class, DiagramsCommand.class, RegimesCommand.class, VerifyCommand.class,
        DemoCommand.class, BenchmarkCommand.class})
public final class GfdCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing verb: use one of series, diagrams, regimes, verify, demo, benchmark");
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    int code;
    try {
      code = execute(args, out, err);
    } catch (OutOfMemoryError e) {
      err.println("gfd: out of memory; lower the order or raise the heap (JAVA_OPTS=-Xmx...)");
      code = ExitCode.BAD_INPUT;
    }
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs {@code gfd args}, results to {@code out}, messages to {@code err}; returns the exit code. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cmd = new CommandLine(new GfdCommand());
    cmd.setOut(out);
    cmd.setErr(err);
    cmd.setParameterExceptionHandler((ex, a) -> {
      String where = ex.getCommandLine().getCommandName();
      err.println("gfd: " + firstLine(ex.getMessage()) + " (see: "
          + ("gfd".equals(where) ? "gfd" : "gfd " + where) + " --help)");
      return ExitCode.BAD_INPUT;
    });
    cmd.setExecutionExceptionHandler((ex, c, parsed) -> {
      if (ex instanceof InputException || ex instanceof StoppedException) {
        err.println("gfd: " + ex.getMessage());
        return ExitCode.BAD_INPUT;
      }
      err.println("gfd: internal error: " + ex.getClass().getSimpleName()
          + (ex.getMessage() == null ? "" : ": " + firstLine(ex.getMessage())));
      return ExitCode.INTERNAL_ERROR;
    });
    return cmd.execute(args);
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s.strip() : s.substring(0, nl).strip();
  }
}
