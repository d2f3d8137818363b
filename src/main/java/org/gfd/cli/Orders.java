package org.gfd.cli;

import org.gfd.error.InputException;
import org.gfd.series.LossSeriesEngine;

/** Validation of series orders given on the command line. */
final class Orders {
  private Orders() {}

  static void check(String option, int order) {
    check(option, order, 0);
  }

  /** Like {@link #check(String, int)} with a smallest meaningful order {@code min}. */
  static void check(String option, int order, int min) {
    if (order < min || order > LossSeriesEngine.MAX_ORDER) {
      throw new InputException(option + " must be between " + min + " and " + LossSeriesEngine.MAX_ORDER
          + ", got " + order);
    }
  }
}
