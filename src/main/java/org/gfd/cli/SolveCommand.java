package org.gfd.cli;

import static org.gfd.error.Messages.quote;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.gfd.algebra.Rational;
import org.gfd.api.Gfd;
import org.gfd.api.Solution;
import org.gfd.error.GfdException;
import org.gfd.error.InputException;
import org.gfd.error.StoppedException;
import org.gfd.export.Format;
import org.gfd.export.SolveWriter;
import org.gfd.model.Model;
import org.gfd.network.WorkBudget;
import org.gfd.scaling.Ray;
import org.gfd.summation.Strategy;
import org.gfd.summation.Summation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gfd solve}: the certified closed form of the limit series on a ray. */
@Command(name = "solve", mixinStandardHelpOptions = true, version = GfdCommand.VERSION,
    description = "Sums the limit series F(tau) = sum_s hat c_s tau^s / s! on an admissible ray into a closed form, "
        + "certified by its own Taylor expansion on every order, two held-out orders included. Exit 0 with the "
        + "closed form; exit 1 with \"no closed form found\", the series and each strategy's account.")
final class SolveCommand implements Callable<Integer> {
  /** Default highest order: a ratio of degree 1 from order 0 and two held-out orders; quick for nu = 3 (order 7 is not). */
  static final int DEFAULT_ORDER = 6;

  @Spec CommandSpec spec;
  @Mixin ModelOptions modelOptions;
  @Mixin OutputOptions outputOptions;
  @Mixin BudgetOptions budgetOptions;
  @Mixin RayOptions rayOptions;

  @Option(names = "--set", paramLabel = "VALUES",
      description = "Values of ray constants, e.g. \"h=1/2, v=1\" (exact rationals).")
  String set;

  @Option(names = "--strategy", paramLabel = "NAME",
      description = "Try only this strategy: hypergeometric, pde or algebraic. Default: each in that order.")
  String strategy;

  @Option(names = "--max-order", defaultValue = "" + DEFAULT_ORDER, paramLabel = "S",
      description = "Highest order S of the series. Default: ${DEFAULT-VALUE}.")
  int maxOrder;

  @Override
  public Integer call() {
    Model model = modelOptions.toModel();
    Format format = outputOptions.format();
    outputOptions.file();
    Orders.check("--max-order", maxOrder, 1);
    Ray ray = rayOptions.ray(model);
    Map<String, Rational> values = values(set);
    List<Strategy> strategies = strategies(strategy);
    WorkBudget budget = budgetOptions.budget();
    FinishedOrders finished = new FinishedOrders(model, maxOrder, Progress.orders(spec));
    Solution s;
    try {
      s = Gfd.solve(model, ray, maxOrder, values, strategies, budget, finished);
    } catch (StoppedException ex) {
      throw finished.keep(ex, "the summation", outputOptions, format, spec.commandLine().getOut());
    }
    outputOptions.emit(SolveWriter.write(model, s.verification(), s.set(), s.coefficients(), s.summation(), format),
        spec.commandLine().getOut());
    return s.summation().closedForm().isPresent() ? ExitCode.OK : ExitCode.of(GfdException.Kind.CHECK_FAILED);
  }

  /** Every strategy, or the one named (in any case). */
  static List<Strategy> strategies(String name) {
    Map<String, Strategy> all = Summation.strategies();
    if (name == null) {
      return List.copyOf(all.values());
    }
    Strategy s = all.get(name.strip().toLowerCase(java.util.Locale.ROOT));
    if (s == null) {
      throw new InputException("unknown strategy " + quote(name) + " in --strategy: use " + String.join(", ", all.keySet()));
    }
    return List.of(s);
  }

  /** {@code "h=1/2, v=1"} as names and exact values. */
  static Map<String, Rational> values(String text) {
    Map<String, Rational> out = new LinkedHashMap<>();
    if (text == null) {
      return out;
    }
    for (String part : text.split(",", -1)) {
      int eq = part.indexOf('=');
      if (eq < 0) {
        throw new InputException("cannot read " + quote(part.strip()) + " in --set: write NAME=VALUE, e.g. h=1/2");
      }
      String name = part.substring(0, eq).strip();
      String value = part.substring(eq + 1).strip();
      Rational x;
      try {
        x = Rational.parse(value);
      } catch (IllegalArgumentException e) {
        throw new InputException("the value " + quote(value) + " of " + quote(name) + " in --set is no exact rational (write 1/2, not 0.5)");
      }
      if (out.put(name, x) != null) {
        throw new InputException(quote(name) + " is given twice in --set");
      }
    }
    return out;
  }
}
