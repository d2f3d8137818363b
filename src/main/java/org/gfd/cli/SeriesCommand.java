package org.gfd.cli;

import java.util.concurrent.Callable;
import org.gfd.api.Gfd;
import org.gfd.export.SeriesWriter;
import org.gfd.model.Model;
import org.gfd.series.LossSeries;
import org.gfd.series.LossSeriesEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gfd series}: the exact loss series c_0..c_S. */
@Command(name = "series", mixinStandardHelpOptions = true,
    description = "Exact loss series E[L(t)] = sum_s c_s t^s/s!, c_s = E[D^s L] as polynomials in "
        + "p, H, sigma2 with exact rational coefficients.")
final class SeriesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ModelOptions modelOptions;
  @Mixin OutputOptions outputOptions;
  @Mixin BudgetOptions budgetOptions;

  @Option(names = "--max-order", required = true, paramLabel = "S",
      description = "Highest order S (0.." + LossSeriesEngine.MAX_ORDER + ").")
  int maxOrder;

  @Override
  public Integer call() {
    Model model = modelOptions.toModel();
    var format = outputOptions.format();
    Orders.check("--max-order", maxOrder);
    LossSeries series = Gfd.series(model, maxOrder, budgetOptions.budget(), Progress.orders(spec));
    outputOptions.emit(SeriesWriter.write(series, format), spec.commandLine().getOut());
    if (!series.isComplete()) {
      throw new StoppedException(series.stopReason().orElseThrow() + "; orders 0.." + series.maxOrder()
          + " were written");
    }
    return ExitCode.OK;
  }
}
