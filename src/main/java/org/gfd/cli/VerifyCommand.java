package org.gfd.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.gfd.api.Gfd;
import org.gfd.diagram.DiagramFamily;
import org.gfd.error.GfdException;
import org.gfd.error.StoppedException;
import org.gfd.export.Format;
import org.gfd.export.VerifyWriter;
import org.gfd.model.Model;
import org.gfd.network.WorkBudget;
import org.gfd.scaling.Ray;
import org.gfd.scaling.Verification;
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
  @Mixin OutputOptions outputOptions;
  @Mixin BudgetOptions budgetOptions;
  @Mixin RayOptions rayOptions;

  @Option(names = "--max-order", defaultValue = "" + DEFAULT_ORDER, paramLabel = "S",
      description = "Highest order S. Default: ${DEFAULT-VALUE}.")
  int maxOrder;

  @Override
  public Integer call() {
    Model model = modelOptions.toModel();
    Format format = outputOptions.format();
    outputOptions.file();
    Orders.check("--max-order", maxOrder, 1);
    Ray ray = rayOptions.ray(model);
    WorkBudget budget = budgetOptions.budget();
    FinishedOrders finished = new FinishedOrders(model, maxOrder, Progress.orders(spec));
    Verification v;
    List<DiagramFamily> families;
    try {
      v = Gfd.verify(model, ray, maxOrder, budget, finished);
      families = Gfd.families(model, v.limit().nonvanishingLeadingMonomials(), budget);
    } catch (StoppedException ex) {
      throw finished.keep(ex, "the verification", outputOptions, format, spec.commandLine().getOut());
    }
    outputOptions.emit(VerifyWriter.write(model, v, families, format), spec.commandLine().getOut());
    return v.limit().isAdmissible() ? ExitCode.OK : ExitCode.of(GfdException.Kind.CHECK_FAILED);
  }
}
