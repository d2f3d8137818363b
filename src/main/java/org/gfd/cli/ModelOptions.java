package org.gfd.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gfd.error.InputException;
import org.gfd.model.CpModels;
import org.gfd.model.Model;
import org.gfd.model.Target;
import picocli.CommandLine.Option;

/** The options that choose a built-in model. */
public final class ModelOptions {
  /** Largest tensor order accepted: beyond it even {@code c_0} is a network no one needs. */
  static final int MAX_NU = 64;
  /** The built-in models by name. */
  private static final Map<String, String> MODELS = Map.of("cp", "cp");
  /** The targets by the names users write, in the order messages list them. */
  private static final Map<String, Target> TARGETS = targets();

  @Option(names = "--model", paramLabel = "NAME",
      description = "Built-in model: cp (CP tensor decomposition). Default: cp.")
  String model;

  @Option(names = "--nu", required = true, paramLabel = "NU",
      description = "Tensor order nu (2..." + MAX_NU + ").")
  int nu;

  @Option(names = "--symmetric", description = "Symmetric CP (one factor matrix U) instead of asymmetric.")
  boolean symmetric;

  @Option(names = "--target", paramLabel = "TARGET",
      description = "Target tensor: identity or zero (any case). Default: identity.")
  String target;

  private static Map<String, Target> targets() {
    Map<String, Target> m = new LinkedHashMap<>();
    m.put("identity", Target.IDENTITY);
    m.put("zero", Target.ZERO);
    return m;
  }

  /** The model these options describe; {@link InputException} when they describe none. */
  Model toModel() {
    if (model != null) {
      Choices.parse("model", model, MODELS);
    }
    Target t = target == null ? Target.IDENTITY : Choices.parse("target", target, TARGETS);
    checkNu("--nu", nu);
    return CpModels.cp(nu, symmetric, t);
  }

  /** Checks a tensor order given to {@code option}. */
  static void checkNu(String option, int nu) {
    if (nu < CpModels.MIN_ORDER || nu > MAX_NU) {
      throw new InputException(option + " must be between " + CpModels.MIN_ORDER + " and " + MAX_NU + ", got " + nu);
    }
  }
}
