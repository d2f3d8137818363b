package org.gfd.cli;

import org.gfd.error.InputException;
import org.gfd.network.WorkBudget;
import picocli.CommandLine.Option;

/** Limits on long computations. */
public final class BudgetOptions {
  @Option(names = "--time-limit", paramLabel = "SECONDS",
      description = "Stop after SECONDS of work (any positive number; Infinity or a huge value means "
          + "no limit), keeping and writing the finished work; exit code 2. Default: no limit (work "
          + "still stops cleanly when the heap is nearly full).")
  Double timeLimit;

  /** The budget these options set, watched for interrupts. */
  WorkBudget budget() {
    return Interrupts.watch(budget("--time-limit", timeLimit));
  }

  /** A budget of {@code seconds} given to {@code option}; none when {@code null}. */
  static WorkBudget budget(String option, Double seconds) {
    if (seconds == null) {
      return WorkBudget.unlimited();
    }
    if (!(seconds > 0)) {
      throw new InputException(option + " must be a positive number of seconds, got " + seconds);
    }
    return WorkBudget.seconds(seconds);
  }
}
