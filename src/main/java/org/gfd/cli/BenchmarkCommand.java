package org.gfd.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.gfd.api.Gfd;
import org.gfd.error.InputException;
import org.gfd.error.StopReason;
import org.gfd.error.StoppedException;
import org.gfd.model.CpModels;
import org.gfd.model.Model;
import org.gfd.model.Target;
import org.gfd.series.LossSeries;
import org.gfd.series.LossSeriesEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gfd benchmark}: wall time per order and the highest order reached within a time limit. */
@Command(name = "benchmark", mixinStandardHelpOptions = true, version = GfdCommand.VERSION,
    description = "For each built-in CP model (identity target), the wall time of each order of the "
        + "loss series and the highest order finished within the time limit.")
final class BenchmarkCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--seconds", defaultValue = "60", paramLabel = "SECONDS",
      description = "Time limit per model (any positive number; Infinity means none). Default: ${DEFAULT-VALUE}.")
  double seconds;

  @Option(names = "--nu", split = ",", defaultValue = "2,3", paramLabel = "NU",
      description = "Tensor orders to run, comma separated. Default: ${DEFAULT-VALUE}.")
  List<Integer> nus;

  @Override
  public Integer call() {
    BudgetOptions.budget("--seconds", seconds);
    if (nus.isEmpty()) {
      throw new InputException("--nu needs at least one tensor order");
    }
    nus.forEach(nu -> ModelOptions.checkNu("--nu", nu));
    PrintWriter out = spec.commandLine().getOut();
    out.printf("# gfd benchmark: %d cores, max heap %d MiB, %s s per model%n",
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, seconds);
    out.println("# model | order | seconds for this order | cumulative seconds | distinct networks in D^s L");
    for (boolean symmetric : new boolean[] {false, true}) {
      for (int nu : nus) {
        Model model = CpModels.cp(nu, symmetric, Target.IDENTITY);
        LossSeries series = Gfd.series(model, LossSeriesEngine.MAX_ORDER,
            Interrupts.watch(BudgetOptions.budget("--seconds", seconds)), s -> {});
        double total = 0;
        for (int s = 0; s <= series.maxOrder(); s++) {
          total += series.orderSeconds().get(s);
          out.printf("%s | %d | %.3f | %.3f | %d%n", model.describe(), s, series.orderSeconds().get(s),
              total, series.networkCounts().get(s));
        }
        out.printf("%s | highest order within %s s: %d%s%n", model.describe(), seconds,
            series.maxOrder(), series.stopReason().map(r -> " (" + r + ")").orElse(""));
        out.flush();
        if (series.stopReason().filter(r -> r.limit() != StopReason.Limit.TIME).isPresent()) {
          throw new StoppedException(series.stopReason().get());
        }
      }
    }
    return ExitCode.OK;
  }
}
