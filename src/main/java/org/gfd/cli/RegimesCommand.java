package org.gfd.cli;

import static org.gfd.error.Messages.quote;

import java.util.List;
import java.util.concurrent.Callable;
import org.gfd.algebra.Variable;
import org.gfd.api.Gfd;
import org.gfd.error.InputException;
import org.gfd.error.StoppedException;
import org.gfd.export.Exponents;
import org.gfd.export.Format;
import org.gfd.export.PrismPlot;
import org.gfd.export.RegimePlot;
import org.gfd.export.RegimeWriter;
import org.gfd.model.Model;
import org.gfd.scaling.Ray;
import org.gfd.scaling.RegimeStudy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gfd regimes}: the regime map. */
@Command(name = "regimes", mixinStandardHelpOptions = true, version = GfdCommand.VERSION,
    description = "The regime map: cells of ray exponents (H = h p^a, sigma2 = v p^b) with constant "
        + "surviving orders and leading monomials, from orders 0..S, and whether it changed from S-1. "
        + "Stopped at a limit, it writes the finished orders c_s instead.")
final class RegimesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ModelOptions modelOptions;
  @Mixin OutputOptions outputOptions;
  @Mixin BudgetOptions budgetOptions;

  @Option(names = "--max-order", required = true, paramLabel = "S", description = "Highest order S (1..40).")
  int maxOrder;

  @Option(names = "--plot", paramLabel = "FILE", description = "Also draw the map to FILE (.png or .svg).")
  String plot;

  @Override
  public Integer call() {
    Model model = modelOptions.toModel();
    Format format = outputOptions.format();
    OutputFile output = outputOptions.file();
    Orders.check("--max-order", maxOrder, 1);
    OutputFile plotFile = plot == null ? null : OutputFile.of("--plot", plot);
    RegimePlot.ImageFormat image = null;
    if (plotFile != null) {
      image = PlotOption.format(plotFile, plot);
      if (plotFile.isSameFileAs(output)) {
        throw new InputException("--plot and --output must be different files (both are "
            + quote(plot) + ")");
      }
    }
    FinishedOrders finished = new FinishedOrders(model, maxOrder, Progress.orders(spec));
    RegimeStudy study;
    try {
      study = Gfd.regimes(model, maxOrder, budgetOptions.budget(), finished);
    } catch (StoppedException e) {
      throw finished.keep(e, "the regime map", outputOptions, format, spec.commandLine().getOut());
    }
    outputOptions.emit(RegimeWriter.write(model, study, format), spec.commandLine().getOut());
    if (plotFile != null && study.map().axes().size() == 2) {
      plotFile.write(RegimePlot.render(study.map(), "regime map: " + model.describe() + ", orders 0.." + maxOrder,
          image));
    } else if (plotFile != null) {
      // a map in three exponents is drawn as the polytope of regimes around its first vertex
      if (study.faces().isEmpty()) {
        throw new InputException("--plot draws a map in three exponents as the faces around a vertex, and this map has no vertex "
            + "where an order s >= 1 survives");
      }
      RegimeStudy.VertexFaces vf = study.faces().get(0);
      List<Variable> axes = study.map().axes();
      plotFile.write(PrismPlot.render(vf.faces(), axes.stream().map(v -> Ray.constantOf(v).name()).toList(),
          normal -> model.faceName(axes, normal), "regimes of " + model.describe() + " around " + Exponents.point(vf.point(), false)
              + " in " + "(" + String.join(", ", Exponents.letters(axes)) + "): " + vf.faces().shape() + " of hat c_"
              + vf.faces().order(), image));
    }
    return ExitCode.OK;
  }
}
