package org.gfd.cli;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.gfd.algebra.Rational;
import org.gfd.api.Gfd;
import org.gfd.api.Solution;
import org.gfd.error.GfdException;
import org.gfd.error.StoppedException;
import org.gfd.export.Format;
import org.gfd.export.SolveWriter;
import org.gfd.model.Model;
import org.gfd.network.WorkBudget;
import org.gfd.scaling.Ray;
import org.gfd.summation.Strategy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gfd solve}: the certified closed form of the limit series on a ray. */
@Command(name = "solve", mixinStandardHelpOptions = true, version = GfdCommand.VERSION,
    description = "Sums the limit series F(tau) = sum_s hat c_s tau^s / s! on an admissible ray into a closed form, "
        + "certified by its own Taylor expansion on every order, two held-out orders included. Exit 0 with the "
        + "closed form; exit 1 with \"no closed form found\", the series and each strategy's account.")
final class SolveCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ModelOptions modelOptions;
  @Mixin ObservableOption observableOption;
  @Mixin OutputOptions outputOptions;
  @Mixin BudgetOptions budgetOptions;
  @Mixin RayOptions rayOptions;
  @Mixin SummationOptions summationOptions;

  @Override
  public Integer call() {
    Model model = modelOptions.toModel();
    Format format = outputOptions.format();
    outputOptions.file();
    int maxOrder = summationOptions.maxOrder();
    Ray ray = rayOptions.ray(model);
    Map<String, Rational> values = summationOptions.values();
    List<Strategy> strategies = summationOptions.strategies();
    WorkBudget budget = budgetOptions.budget();
    FinishedOrders finished = new FinishedOrders(model, maxOrder, Progress.orders(spec));
    Solution s;
    try {
      s = Gfd.solve(model, observableOption.name, ray, maxOrder, values, strategies, budget, finished);
    } catch (StoppedException ex) {
      throw finished.keep(ex, "the summation", outputOptions, format, spec.commandLine().getOut());
    }
    outputOptions.emit(SolveWriter.write(model, s.verification(), s.set(), s.coefficients(), s.summation(), format),
        spec.commandLine().getOut());
    return s.summation().closedForm().isPresent() ? ExitCode.OK : ExitCode.of(GfdException.Kind.CHECK_FAILED);
  }
}
