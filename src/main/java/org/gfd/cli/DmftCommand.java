package org.gfd.cli;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.gfd.algebra.Rational;
import org.gfd.api.Gfd;
import org.gfd.dmft.Dmft;
import org.gfd.dmft.DmftProblem;
import org.gfd.dmft.SiteModel;
import org.gfd.error.StoppedException;
import org.gfd.export.DmftWriter;
import org.gfd.export.RegimePlot;
import org.gfd.model.Model;
import org.gfd.scaling.Ray;
import org.gfd.scaling.RaySyntax;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gfd dmft}: the DMFT curves of a linear-in-data model in the proportional limit. */
@Command(name = "dmft", mixinStandardHelpOptions = true, version = GfdCommand.VERSION,
    description = "Solves the dynamical mean-field theory of a model whose train loss is 1/(2n) |X^T (f(theta) - b)|^2, "
        + "f acting site by site (linear regression, diagonal linear networks), at p -> infinity with n = m p: "
        + "discrete time at three steps, extrapolated to gradient flow; exact for an affine f, Monte Carlo over "
        + "single-site samples otherwise. Prints train and test loss per coordinate with error estimates (CSV).")
final class DmftCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ModelOptions modelOptions;
  @Mixin BudgetOptions budgetOptions;
  @Mixin DmftOptions dmftOptions;

  @Option(names = "--scale", required = true, paramLabel = "RAY",
      description = "The proportional limit: n = m p and fixed variances, e.g. \"n=2*p, sigma2=1\" or \"n=p, sigma2=p^0\" "
          + "with --set.")
  String scale;

  @Option(names = "--set", paramLabel = "VALUES", description = "Values of the ray constants, e.g. \"m=2, v=1\" (exact rationals).")
  String set;

  @Option(names = "--t-max", required = true, paramLabel = "T", description = "The last time (> 0).")
  double tMax;

  @Option(names = "--points", paramLabel = "N", description = "Equally spaced output times from 0 to T (>= 2). Default: 11.")
  int points = 11;

  @Option(names = "--seed", paramLabel = "SEED", description = "Base of the random seeds. Default: 1.")
  long seed = 1;

  @Option(names = "--plot", paramLabel = "FILE", description = "Also draw both curves to FILE (.png or .svg), with the CSV next to it.")
  String plot;

  @Option(names = "--latex", paramLabel = "FILE", description = "Write the equations solved, as LaTeX (amsmath), to FILE.")
  String latex;

  @Option(names = "--output", paramLabel = "FILE", description = "Write the table to FILE instead of stdout (- for stdout).")
  String output;

  @Override
  public Integer call() {
    Model model = modelOptions.toModel();
    SiteModel site = SiteModel.recognize(model);
    Ray ray = RaySyntax.scale(scale, Gfd.rayVariables(model), Optional.empty(), Optional.empty());
    Map<String, Rational> values = SummationOptions.values(set);
    DmftProblem problem = DmftProblem.on(site, ray, values);
    Dmft.Settings settings = dmftOptions.settings(tMax, points, seed);
    OutputFile out = OutputFile.of("--output", output == null ? "-" : output);
    OutputFile plotFile = plot == null ? null : OutputFile.of("--plot", plot);
    RegimePlot.ImageFormat image = plotFile == null ? null : PlotOption.format(plotFile, plot);
    OutputFile latexFile = latex == null ? null : OutputFile.of("--latex", latex);
    Dmft.Result result;
    try {
      result = Gfd.dmft(problem, settings, budgetOptions.budget(),
          Progress.count(spec, "solve", problem.exact() ? 3 : 3 * settings.replicas()));
    } catch (StoppedException e) {
      throw new StoppedException(e.reason().with("while solving the DMFT"));
    }
    String table = DmftWriter.text(result, problem, settings);
    out.emit(table, spec.commandLine().getOut());
    if (plotFile != null) {
      plotFile.write(DmftWriter.plot(result, "DMFT: " + model.name() + ", f = " + site.f() + "; " + scale
          + (set == null ? "" : "; " + set), image));
      OutputFile.of("--plot", plot.substring(0, plot.length() - 4) + ".csv")
          .write(DmftWriter.csv(result).getBytes(StandardCharsets.UTF_8));
    }
    if (latexFile != null) {
      latexFile.write(DmftWriter.latex(problem).getBytes(StandardCharsets.UTF_8));
    }
    return ExitCode.OK;
  }
}
