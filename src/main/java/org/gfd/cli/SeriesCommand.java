package org.gfd.cli;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.gfd.api.Gfd;
import org.gfd.error.StopReason;
import org.gfd.error.StoppedException;
import org.gfd.export.Format;
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
@Command(name = "series", mixinStandardHelpOptions = true, version = GfdCommand.VERSION,
    description = "Exact loss series E[L(t)] = sum_s c_s t^s/s!, c_s = E[D^s L] as polynomials in "
        + "p, H, sigma2 with exact rational coefficients. With --output FILE, the file is rewritten "
        + "after every finished order, so a limit, an interrupt or a crash keeps them.")
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
    Format format = outputOptions.format();
    outputOptions.file();
    Orders.check("--max-order", maxOrder);
    Consumer<LossSeries> progress = Progress.orders(spec);
    Consumer<LossSeries> onOrder = s -> {
      progress.accept(s);
      if (!s.isComplete()) {
        outputOptions.checkpoint(() -> SeriesWriter.write(s.stopped(new StopReason(StopReason.Limit.UNFINISHED,
            "(written after c_" + s.maxOrder() + " while the run went on)")), format));
      }
    };
    LossSeries series = Gfd.series(model, maxOrder, budgetOptions.budget(), onOrder);
    outputOptions.emit(SeriesWriter.write(series, format), spec.commandLine().getOut());
    if (series.stopReason().isPresent()) {
      StopReason r = series.stopReason().get();
      throw new StoppedException(r, r + (series.maxOrder() < 0 ? "; no order was finished"
          : "; the finished orders c_0..c_" + series.maxOrder() + " were written"));
    }
    return ExitCode.OK;
  }
}
