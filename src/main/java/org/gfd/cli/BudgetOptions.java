package org.gfd.cli;

import org.gfd.network.WorkBudget;
import picocli.CommandLine.Option;

/** Limits on long computations. */
public final class BudgetOptions {
  @Option(names = "--time-limit", paramLabel = "SECONDS",
      description = "Stop after SECONDS of work, keeping the finished orders. Default: no limit "
          + "(work still stops cleanly when the heap is nearly full).")
  Double timeLimit;

  WorkBudget budget() {
    if (timeLimit == null) {
      return WorkBudget.unlimited();
    }
    if (!(timeLimit > 0)) {
      throw new InputException("--time-limit must be a positive number of seconds, got " + timeLimit);
    }
    return WorkBudget.seconds(timeLimit);
  }
}
