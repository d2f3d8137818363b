package org.gfd.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.gfd.algebra.Rational;
import org.gfd.api.FacesReport;
import org.gfd.api.Gfd;
import org.gfd.diagram.DiagramFamily;
import org.gfd.error.GfdException;
import org.gfd.error.InputException;
import org.gfd.error.StoppedException;
import org.gfd.export.Format;
import org.gfd.export.VerifyWriter;
import org.gfd.model.Model;
import org.gfd.network.WorkBudget;
import org.gfd.scaling.Faces;
import org.gfd.scaling.Ray;
import org.gfd.scaling.Verification;
import org.gfd.simulate.ExponentMeasurement;
import org.gfd.simulate.Simulation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gfd verify}: is a claimed scaling a regime, which one, and what is its limit. */
@Command(name = "verify", mixinStandardHelpOptions = true, version = GfdCommand.VERSION,
    description = "Checks a ray H = h p^A, sigma2 = v p^B (optionally with t = p^C tau and "
        + "normalization p^E): PASS (exit 0) when admissible and nontrivial, FAIL (exit 1) with the "
        + "reason otherwise; prints where it lies on the regime map (inside a cell, on a boundary, at a vertex) "
        + "and the cells there, c, e, the limit coefficients and the leading diagrams. "
        + "Stopped at a limit, it writes the finished orders c_s instead.")
final class VerifyCommand implements Callable<Integer> {
  /** Default highest order: enough to see the shape of a limit, quick for every built-in model. */
  static final int DEFAULT_ORDER = 4;

  @Spec CommandSpec spec;
  @Mixin ModelOptions modelOptions;
  @Mixin ObservableOption observableOption;
  @Mixin OutputOptions outputOptions;
  @Mixin BudgetOptions budgetOptions;
  @Mixin RayOptions rayOptions;
  @Mixin SimulationOptions simulationOptions;

  @Option(names = "--max-order", defaultValue = "" + DEFAULT_ORDER, paramLabel = "S",
      description = "Highest order S. Default: ${DEFAULT-VALUE}.")
  int maxOrder;

  @Option(names = "--evolving", description = "Normalize the part that evolves, E[O(t)] - E[O(0)], for rays on which "
      + "the leading part of E[O] does not move (an unlearnable constant): anchored at order 1, "
      + "c = min over s >= 2 of (E_1 - E_s)/(s - 1) and e = E_1 + c.")
  boolean evolving;

  @Option(names = "--simulate", description = "Also measure e and c by simulation: log-log slopes over --sizes "
      + "of the initial loss and of the time the loss takes to fall halfway, with 95%% bootstrap intervals; "
      + "FAIL (exit 1) when either differs from the prediction by more than 0.1. Text output only.")
  boolean simulate;

  @Option(names = "--sizes", split = ",", paramLabel = "P", description = "With --simulate: the sizes p (at least two).")
  List<Integer> sizes;

  @Option(names = "--tau-max", paramLabel = "T", description = "With --simulate: simulate to t = p^c T (exact rational). Default: 3.")
  String tauMax = "3";

  @Option(names = "--set", paramLabel = "VALUES",
      description = "With --simulate: values of the ray's constants, e.g. \"h=1/2, v=1\" (1 for those not given).")
  String set;

  @Option(names = "--faces", description = "Also read the regimes around the ray's point off the Newton polytope of its "
      + "limit coefficients (rays of three variables, such as the autoencoder's H, sigma2, n): each facet's normal, "
      + "a ray inside it with e and c, and its part of each limit coefficient. Text output only.")
  boolean faces;

  /** How far a measured exponent may be from the predicted one. */
  static final double EXPONENT_TOLERANCE = 0.1;

  @Override
  public Integer call() {
    Model model = modelOptions.toModel();
    Format format = outputOptions.format();
    outputOptions.file();
    Orders.check("--max-order", maxOrder, 1);
    Ray ray = rayOptions.ray(model);
    WorkBudget budget = budgetOptions.budget();
    FinishedOrders finished = new FinishedOrders(model, maxOrder, Progress.orders(spec));
    if (faces && (simulate || evolving || outputOptions.formatGiven() && format != Format.TEXT)) {
      throw new InputException("--faces writes text only and goes with neither --simulate nor --evolving");
    }
    Verification v;
    Faces.Result facets = null;
    List<DiagramFamily> families;
    try {
      if (faces) {
        FacesReport report = Gfd.verifyWithFaces(model, observableOption.name, ray, maxOrder, budget, finished);
        v = report.verification();
        facets = report.faces();
      } else {
        v = evolving ? Gfd.verifyEvolving(model, observableOption.name, ray, maxOrder, budget, finished)
            : Gfd.verify(model, observableOption.name, ray, maxOrder, budget, finished);
      }
      families = observableOption.name.equals(Model.LOSS) ? Gfd.families(model, v.limit().nonvanishingLeadingMonomials(), budget)
          : List.of();
    } catch (StoppedException ex) {
      throw finished.keep(ex, "the verification", outputOptions, format, spec.commandLine().getOut());
    }
    if (faces) {
      String text = VerifyWriter.write(model, v, families, Format.TEXT)
          + VerifyWriter.faces(model, facets, List.copyOf(ray.exponents().keySet()));
      outputOptions.emit(text, spec.commandLine().getOut());
      return v.limit().isAdmissible() ? ExitCode.OK : ExitCode.of(GfdException.Kind.CHECK_FAILED);
    }
    if (!simulate) {
      String note = format == Format.TEXT && !observableOption.name.equals(Model.LOSS)
          ? "# observable: " + observableOption.name + " (the place on the map and the time scale c are the loss's)\n" : "";
      outputOptions.emit(note + VerifyWriter.write(model, v, families, format), spec.commandLine().getOut());
      return v.limit().isAdmissible() ? ExitCode.OK : ExitCode.of(GfdException.Kind.CHECK_FAILED);
    }
    if (outputOptions.formatGiven() && format != Format.TEXT) {
      throw new InputException("--simulate writes text only, not --format " + outputOptions.format);
    }
    if (sizes == null) {
      throw new InputException("--simulate needs --sizes, e.g. --sizes 25,50,100");
    }
    Rational tau = SimulationOptions.tauMax(tauMax);
    Simulation.Settings runs = simulationOptions.settings(1, 2);
    ExponentMeasurement.Result m = Gfd.measureExponents(model, ray, v, SummationOptions.values(set), sizes, tau, runs, budget);
    double predictedE = v.limit().normExponent().doubleValue();
    Rational c = v.limit().timeExponent().orElseThrow();
    double predictedC = c.doubleValue();
    boolean agrees = Math.abs(m.norm().value() - predictedE) <= EXPONENT_TOLERANCE
        && m.time().map(t -> Math.abs(t.value() - predictedC) <= EXPONENT_TOLERANCE).orElse(false);
    String text = VerifyWriter.write(model, v, families, Format.TEXT)
        + VerifyWriter.measured(sizes, m, v.limit(), runs.seeds(), agrees, EXPONENT_TOLERANCE);
    outputOptions.emit(text, spec.commandLine().getOut());
    return v.limit().isAdmissible() && agrees ? ExitCode.OK : ExitCode.of(GfdException.Kind.CHECK_FAILED);
  }
}
