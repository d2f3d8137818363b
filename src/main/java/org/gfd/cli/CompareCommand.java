package org.gfd.cli;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import org.gfd.algebra.Rational;
import org.gfd.api.ComparisonReport;
import org.gfd.api.Gfd;
import org.gfd.error.InputException;
import org.gfd.error.StoppedException;
import org.gfd.export.CompareWriter;
import org.gfd.export.RegimePlot;
import org.gfd.model.Model;
import org.gfd.scaling.Ray;
import org.gfd.simulate.DmftComparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gfd compare}: the limit curve on a ray against simulations at growing sizes. */
@Command(name = "compare", mixinStandardHelpOptions = true, version = GfdCommand.VERSION,
    description = "Simulates gradient flow along the ray at growing p (sizes, variance and time from the ray, "
        + "every constant given a value) and compares the mean normalized loss with the limit curve (the certified "
        + "closed form, else the Padé approximant of the series): the largest relative deviation per size, then the "
        + "curves as CSV.")
final class CompareCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ModelOptions modelOptions;
  @Mixin ObservableOption observableOption;
  @Mixin BudgetOptions budgetOptions;
  @Mixin RayOptions rayOptions;
  @Mixin SummationOptions summationOptions;
  @Mixin SimulationOptions simulationOptions;
  @Mixin DmftOptions dmftOptions;

  @Option(names = "--dmft",
      description = "Compare against the DMFT curve instead (models whose loss is 1/(2n) |X^T (f(theta) - b)|^2, on n = m p "
          + "with fixed variances): the DMFT against the series' limit curve and against the simulations, in t; "
          + "--steps, --samples and --replicas tune the DMFT.")
  boolean dmft;

  @Option(names = "--sizes", required = true, split = ",", paramLabel = "P", description = "The sizes p, comma separated: 50,100,200.")
  List<Integer> sizes;

  @Option(names = "--tau-max", required = true, paramLabel = "T", description = "The last rescaled time tau (an exact rational, > 0).")
  String tauMax;

  @Option(names = "--points", paramLabel = "K", description = "Equally spaced tau from 0 to T (>= 2). Default: 13.")
  int points = 13;

  @Option(names = "--plot", paramLabel = "FILE",
      description = "Also draw theory and simulations to FILE (.png or .svg), with their CSV next to it (FILE.csv).")
  String plot;

  @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE instead of stdout (- for stdout).")
  String output;

  @Override
  public Integer call() {
    Model model = modelOptions.toModel();
    if (sizes.isEmpty() || sizes.stream().anyMatch(p -> p < 1)) {
      throw new InputException("--sizes must be positive integers, got " + sizes);
    }
    Rational tau = SimulationOptions.tauMax(tauMax);
    OutputFile out = OutputFile.of("--output", output == null ? "-" : output);
    OutputFile plotFile = plot == null ? null : OutputFile.of("--plot", plot);
    RegimePlot.ImageFormat image = null;
    if (plotFile != null) {
      image = PlotOption.format(plotFile, plot);
    }
    Ray ray = rayOptions.ray(model);
    int maxOrder = summationOptions.maxOrder();
    if (dmft) {
      return compareDmft(model, ray, tau, maxOrder, out, plotFile, image);
    }
    FinishedOrders finished = new FinishedOrders(model, maxOrder, Progress.orders(spec));
    ComparisonReport report;
    try {
      report = Gfd.compare(model, observableOption.name, ray, maxOrder, summationOptions.values(),
          summationOptions.strategies(), sizes, tau,
          points, simulationOptions.settings(1, points), budgetOptions.budget(), finished, k -> {});
    } catch (StoppedException e) {
      throw new StoppedException(e.reason().with("while comparing"));
    }
    String text = CompareWriter.text(model, observableOption.name, report.theory().curve(),
        report.theory().solution().verification().limit(),
        report.runs(), rayOptions.scale);
    out.emit(text, spec.commandLine().getOut());
    if (plotFile != null) {
      // the ray and the constants' values, so that the figure says which curve it shows
      StringBuilder title = new StringBuilder(rayOptions.scale);
      report.theory().solution().set().forEach((k, x) -> title.append(title.length() == rayOptions.scale.length() ? "; " : ", ")
          .append(k).append(" = ").append(x));
      plotFile.write(CompareWriter.plot(model, observableOption.name, report.theory().curve(), report.runs(), title.toString(),
          image));
      OutputFile.of("--plot", plot.substring(0, plot.length() - 4) + ".csv")
          .write(CompareWriter.csv(report.theory().curve(), report.runs()).getBytes(StandardCharsets.UTF_8));
    }
    return ExitCode.OK;
  }

  private int compareDmft(Model model, Ray ray, Rational tau, int maxOrder, OutputFile out, OutputFile plotFile,
      RegimePlot.ImageFormat image) {
    if (rayOptions.time != null || rayOptions.norm != null) {
      throw new InputException("--dmft compares per coordinate against t (e = 1, c = 0): leave out --time and --norm");
    }
    FinishedOrders finished = new FinishedOrders(model, maxOrder, Progress.orders(spec));
    DmftComparison report;
    try {
      report = Gfd.compareDmft(model, observableOption.name, ray, summationOptions.values(), tau,
          dmftOptions.settings(tau.doubleValue(), points, simulationOptions.seed), maxOrder, summationOptions.strategies(),
          sizes, simulationOptions.settings(1, points), budgetOptions.budget(), finished, k -> {});
    } catch (StoppedException e) {
      throw new StoppedException(e.reason().with("while comparing with the DMFT"));
    }
    String text = CompareWriter.dmftText(model, observableOption.name, report, rayOptions.scale);
    out.emit(text, spec.commandLine().getOut());
    if (plotFile != null) {
      plotFile.write(CompareWriter.dmftPlot(model, observableOption.name, report, rayOptions.scale
          + (summationOptions.set == null ? "" : "; " + summationOptions.set), image));
      OutputFile.of("--plot", plot.substring(0, plot.length() - 4) + ".csv")
          .write(CompareWriter.dmftCsv(report).getBytes(StandardCharsets.UTF_8));
    }
    return ExitCode.OK;
  }
}
