package org.gfd.cli;

import org.gfd.series.LossSeriesEngine;

/** Validation of series orders given on the command line. */
final class Orders {
  private Orders() {}

  static void check(String option, int order) {
    if (order < 0 || order > LossSeriesEngine.MAX_ORDER) {
      throw new InputException(option + " must be between 0 and " + LossSeriesEngine.MAX_ORDER
          + ", got " + order);
    }
  }
}
