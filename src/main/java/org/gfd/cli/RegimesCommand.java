package org.gfd.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gfd.api.Gfd;
import org.gfd.export.RegimePlot;
import org.gfd.export.RegimeWriter;
import org.gfd.model.Model;
import org.gfd.scaling.RegimeStudy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gfd regimes}: the regime map. */
@Command(name = "regimes", mixinStandardHelpOptions = true,
    description = "The regime map: cells of ray exponents (H = h p^a, sigma2 = v p^b) with constant "
        + "surviving orders and leading monomials, from orders 0..S, and whether it changed from S-1.")
final class RegimesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ModelOptions modelOptions;
  @Mixin OutputOptions outputOptions;
  @Mixin BudgetOptions budgetOptions;

  @Option(names = "--max-order", required = true, paramLabel = "S", description = "Highest order S (1..40).")
  int maxOrder;

  @Option(names = "--plot", paramLabel = "FILE", description = "Also draw the map to FILE (.png or .svg).")
  Path plot;

  @Override
  public Integer call() {
    Model model = modelOptions.toModel();
    var format = outputOptions.format();
    Orders.check("--max-order", maxOrder, 1);
    if (plot != null && !plot.toString().matches("(?i).*\\.(png|svg)")) {
      throw new InputException("--plot file must end in .png or .svg: " + plot);
    }
    RegimeStudy study;
    try {
      study = Gfd.regimes(model, maxOrder, budgetOptions.budget(), Progress.orders(spec));
    } catch (IllegalStateException e) {
      throw new StoppedException(e.getMessage() + "; lower --max-order");
    }
    outputOptions.emit(RegimeWriter.write(model, study, format), spec.commandLine().getOut());
    if (plot != null) {
      try {
        RegimePlot.write(study.map(), "regime map: " + model.describe() + ", orders 0.." + maxOrder, plot);
      } catch (IOException e) {
        throw new InputException("cannot write " + plot + ": " + e.getMessage());
      }
    }
    return ExitCode.OK;
  }
}
