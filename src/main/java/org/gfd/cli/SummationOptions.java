package org.gfd.cli;

import java.util.Locale;
import static org.gfd.error.Messages.quote;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gfd.algebra.Rational;
import org.gfd.error.InputException;
import org.gfd.summation.Strategy;
import org.gfd.summation.Summation;
import picocli.CommandLine.Option;

/** The options of the verbs that sum a limit series: the order, the constants' values, the strategies. */
public final class SummationOptions {
  /** Default highest order: a ratio of degree 1 from order 0 and two held-out orders; quick for nu = 3 (order 7 is not). */
  static final int DEFAULT_ORDER = 6;

  @Option(names = "--set", paramLabel = "VALUES",
      description = "Values of ray constants, e.g. \"h=1/2, v=1\" (exact rationals).")
  String set;

  @Option(names = "--strategy", paramLabel = "NAME",
      description = "Try only this strategy: hypergeometric, pde, algebraic, hyperbolic, data-spectrum, initial-spectrum "
          + "(averages over a Marchenko-Pastur law) or units (independent units in a Marchenko-Pastur spectrum). Default: each in "
          + "that order.")
  String strategy;

  @Option(names = "--max-order", defaultValue = "" + DEFAULT_ORDER, paramLabel = "S",
      description = "Highest order S of the series. Default: ${DEFAULT-VALUE}.")
  int maxOrder;

  /** The highest order asked for. */
  int maxOrder() {
    Orders.check("--max-order", maxOrder, 1);
    return maxOrder;
  }

  /** The values of {@code --set}. */
  Map<String, Rational> values() {
    return values(set);
  }

  /** The strategies of {@code --strategy}. */
  List<Strategy> strategies() {
    return strategies(strategy);
  }

  /** Every strategy, or the one named (in any case). */
  static List<Strategy> strategies(String name) {
    Map<String, Strategy> all = Summation.strategies();
    if (name == null) {
      return List.copyOf(all.values());
    }
    Strategy s = all.get(name.strip().toLowerCase(Locale.ROOT));
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
