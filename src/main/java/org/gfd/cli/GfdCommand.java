package org.gfd.cli;

import java.io.PrintWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gfd.error.GfdException;
import org.gfd.error.Messages;
import org.gfd.error.StopReason;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code gfd}: the command line entry point, and the one place where failures become messages
 * and exit codes: gfd's typed failures by their {@link GfdException.Kind}; a heap or stack
 * overflow as a memory limit; anything else as an internal error (a bug). Every message is one
 * line on stderr.
 */
@Command(name = "gfd", mixinStandardHelpOptions = true, version = GfdCommand.VERSION,
    description = "Gradient-flow diagrams: exact loss series of large models trained by gradient flow.",
    subcommands = {SeriesCommand.class, DiagramsCommand.class, RegimesCommand.class, VerifyCommand.class, SolveCommand.class,
        EvalCommand.class, ReportCommand.class,
        SimulateCommand.class, CompareCommand.class, DmftCommand.class, ModelsCommand.class, RunCommand.class, DemoCommand.class, BenchmarkCommand.class})
public final class GfdCommand implements Runnable {
  /** What {@code --version} prints, for gfd and every verb. */
  static final String VERSION = "gfd 0.1.0";
  /** Characters of a message printed at most; the offending input in it is already cut to 80. */
  private static final int MAX_MESSAGE = 400;
  /** A quoted input in a picocli message: {@code 'what the user typed'}. */
  private static final Pattern QUOTED = Pattern.compile("'([^']*)'");

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing verb: use one of series, diagrams, regimes, verify, solve, eval, report, models, run, demo, benchmark");
  }

  public static void main(String[] args) {
    Interrupts.install();
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
      err.println("gfd: internal error in thread " + thread.getName() + ": " + describe(e));
      err.flush();
    });
    int code = execute(args, out, err);
    out.flush();
    err.flush();
    Interrupts.finished();
    System.exit(code);
  }

  /**
   * Runs {@code gfd args}, results to {@code out}, messages to {@code err}; returns the exit code.
   * Never throws, whatever happens inside.
   */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    try {
      CommandLine cmd = new CommandLine(new GfdCommand());
      cmd.setOut(out);
      cmd.setErr(err);
      cmd.setParameterExceptionHandler((ex, a) -> {
        String where = ex.getCommandLine().getCommandName();
        err.println("gfd: " + oneLine(shortenQuotes(ex.getMessage())) + " (see: "
            + ("gfd".equals(where) ? "gfd" : "gfd " + where) + " --help)");
        return ExitCode.BAD_INPUT;
      });
      cmd.setExecutionExceptionHandler((ex, c, parsed) -> report(ex, err, c.getCommandName()));
      return cmd.execute(args);
    } catch (Throwable e) {
      // errors (out of heap, out of stack) pass picocli's handler: the verb is the first argument
      return report(e, err, args.length > 0 ? args[0] : "");
    }
  }

  /** Prints the one-line message of a failure and returns its exit code. */
  static int report(Throwable e, PrintWriter err) {
    return report(e, err, "");
  }

  /**
   * Like {@link #report(Throwable, PrintWriter)} for a failure of verb {@code verb}, whose
   * out-of-memory message names what that verb can lower: the sizes of a simulation, the samples or
   * steps of a DMFT, else the order of a series.
   */
  static int report(Throwable e, PrintWriter err, String verb) {
    int code;
    String message;
    if (e instanceof GfdException g) {
      code = ExitCode.of(g.kind());
      message = oneLine(g.getMessage());
    } else if (e instanceof OutOfMemoryError || e instanceof StackOverflowError) {
      code = ExitCode.of(GfdException.Kind.STOPPED);
      message = new StopReason(StopReason.Limit.MEMORY, e instanceof OutOfMemoryError
          ? "(out of heap): raise it with JAVA_OPTS=-Xmx..., or " + lowerWhat(verb)
          : "(out of thread stack): raise it with JAVA_OPTS=-Xss..., or lower the order").toString();
    } else {
      code = ExitCode.of(GfdException.Kind.INTERNAL);
      message = "internal error: " + describe(e);
    }
    err.println("gfd: " + message);
    err.flush();
    return code;
  }

  /** What a verb that ran out of heap can lower. */
  private static String lowerWhat(String verb) {
    return switch (verb) {
      case "simulate", "compare" -> "simulate smaller sizes (--fixed-step keeps fewer vectors per seed than the adaptive integrator)";
      case "dmft" -> "lower --samples or --steps";
      default -> "lower the order";
    };
  }

  /** {@code IllegalStateException: what it said}, on one line. */
  private static String describe(Throwable e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + oneLine(e.getMessage()));
  }

  /** picocli's messages quote what the user typed whole: quote it as gfd does, at most 80 characters. */
  private static String shortenQuotes(String message) {
    if (message == null) {
      return null;
    }
    Matcher m = QUOTED.matcher(message);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement(Messages.quote(m.group(1))));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /** A message on one line: control characters escaped, cut at {@link #MAX_MESSAGE} characters. */
  private static String oneLine(String s) {
    if (s == null) {
      return "";
    }
    String line = Messages.escape(s.strip());
    return line.length() <= MAX_MESSAGE ? line : line.substring(0, MAX_MESSAGE) + "...";
  }
}
