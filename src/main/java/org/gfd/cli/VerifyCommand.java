package org.gfd.cli;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.gfd.algebra.Monomial;
import org.gfd.algebra.Polynomial;
import org.gfd.algebra.Rational;
import org.gfd.api.Gfd;
import org.gfd.diagram.DiagramFamily;
import org.gfd.export.VerifyWriter;
import org.gfd.model.Model;
import org.gfd.network.WorkBudget;
import org.gfd.scaling.Ray;
import org.gfd.scaling.RaySyntax;
import org.gfd.scaling.Verification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gfd verify}: is a claimed scaling a regime, which one, and what is its limit. */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = "Checks a ray H = h p^A, sigma2 = v p^B (optionally with t = p^C tau and "
        + "normalization p^E): PASS (exit 0) when admissible and nontrivial, FAIL (exit 1) with the "
        + "reason otherwise; prints its cell, c, e, the limit coefficients and the leading diagrams.")
final class VerifyCommand implements Callable<Integer> {
  /** Default highest order: enough to see the shape of a limit, quick for every built-in model. */
  static final int DEFAULT_ORDER = 4;

  @Spec CommandSpec spec;
  @Mixin ModelOptions modelOptions;
  @Mixin OutputOptions outputOptions;
  @Mixin BudgetOptions budgetOptions;

  @Option(names = "--scale", required = true, paramLabel = "RAY",
      description = "The ray, e.g. \"H=p^2, sigma2=p^(-3/2)\"; a numeric constant may be given, as in 2*p.")
  String scale;

  @Option(names = "--time", paramLabel = "T", description = "Fix the time scale, e.g. \"t=p^-1\".")
  String time;

  @Option(names = "--norm", paramLabel = "N", description = "Fix the normalization, e.g. \"p^1\".")
  String norm;

  @Option(names = "--max-order", defaultValue = "" + DEFAULT_ORDER, paramLabel = "S",
      description = "Highest order S. Default: ${DEFAULT-VALUE}.")
  int maxOrder;

  @Override
  public Integer call() {
    Model model = modelOptions.toModel();
    var format = outputOptions.format();
    Orders.check("--max-order", maxOrder, 1);
    Ray ray;
    try {
      Optional<Rational> t = Optional.ofNullable(time).map(RaySyntax::time);
      Optional<Rational> e = Optional.ofNullable(norm).map(RaySyntax::norm);
      ray = RaySyntax.scale(scale, Gfd.RAY_VARIABLES, t, e);
    } catch (IllegalArgumentException ex) {
      throw new InputException(ex.getMessage());
    }
    WorkBudget budget = budgetOptions.budget();
    Verification v;
    try {
      v = Gfd.verify(model, ray, maxOrder, budget, Progress.orders(spec));
    } catch (IllegalArgumentException ex) {
      throw new InputException(ex.getMessage());
    } catch (IllegalStateException ex) {
      throw new StoppedException(ex.getMessage() + "; lower --max-order");
    }
    Map<Integer, Set<Monomial>> weights = new HashMap<>();
    List<Polynomial> limit = v.limit().limit();
    for (int s = 0; s < limit.size(); s++) {
      if (!limit.get(s).isZero()) {
        weights.put(s, new LinkedHashSet<>(v.limit().leadingMonomials().get(s)));
      }
    }
    List<DiagramFamily> families = Gfd.families(model, weights, budget);
    outputOptions.emit(VerifyWriter.write(model, v, families, format), spec.commandLine().getOut());
    return v.limit().isAdmissible() ? ExitCode.OK : ExitCode.CHECK_FAILED;
  }
}
