package org.gfd.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.gfd.error.StopReason;
import org.gfd.error.StoppedException;
import org.gfd.export.Format;
import org.gfd.export.SeriesWriter;
import org.gfd.model.Model;
import org.gfd.series.LossSeries;

/**
 * Follows a loss series as its orders finish, so that a verb that stops (a limit, an interrupt)
 * can still write the orders it finished.
 */
final class FinishedOrders implements Consumer<LossSeries> {
  private final Consumer<LossSeries> progress;
  private final Model model;
  private final int requestedOrder;
  private volatile LossSeries last;

  FinishedOrders(Model model, int requestedOrder, Consumer<LossSeries> progress) {
    this.model = model;
    this.requestedOrder = requestedOrder;
    this.progress = progress;
  }

  @Override
  public void accept(LossSeries s) {
    last = s;
    progress.accept(s);
  }

  /** The orders finished so far, marked with {@code reason}. */
  LossSeries series(StopReason reason) {
    LossSeries s = last;
    return s == null ? new LossSeries(model, Model.LOSS, requestedOrder, List.of(), List.of(), List.of(),
        List.of(), Optional.of(reason)) : s.stopped(reason);
  }

  /**
   * Writes the finished orders (in {@code format}, where {@code output} says) after {@code e}
   * stopped a verb that needed all of them, and returns the exception that reports it.
   *
   * @param needed what the orders were for, as the message says it ({@code the regime map})
   */
  StoppedException keep(StoppedException e, String needed, OutputOptions output, Format format, PrintWriter out) {
    LossSeries s = series(e.reason());
    output.emit(SeriesWriter.write(s, format), out);
    String kept = s.maxOrder() < 0 ? "no order of the series was finished"
        : s.maxOrder() == requestedOrder ? "the series c_0..c_" + requestedOrder + " was written instead"
        : "the finished orders c_0..c_" + s.maxOrder() + " of c_0..c_" + requestedOrder + " were written instead";
    return new StoppedException(e.reason(), e.getMessage() + "; " + needed + " was not finished: " + kept);
  }
}
