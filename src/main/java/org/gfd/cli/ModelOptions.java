package org.gfd.cli;

import java.util.Locale;
import org.gfd.model.CpModels;
import org.gfd.model.Model;
import org.gfd.model.Target;
import picocli.CommandLine.Option;

/** The options that choose a built-in model. */
public final class ModelOptions {
  /** Largest tensor order accepted: beyond it even {@code c_0} is a network no one needs. */
  static final int MAX_NU = 64;

  @Option(names = "--model", defaultValue = "cp", paramLabel = "NAME",
      description = "Built-in model: cp (CP tensor decomposition). Default: ${DEFAULT-VALUE}.")
  String model;

  @Option(names = "--nu", required = true, paramLabel = "NU",
      description = "Tensor order nu (2..." + MAX_NU + ").")
  int nu;

  @Option(names = "--symmetric", description = "Symmetric CP (one factor matrix U) instead of asymmetric.")
  boolean symmetric;

  @Option(names = "--target", defaultValue = "identity", paramLabel = "TARGET",
      description = "Target tensor: identity or zero. Default: ${DEFAULT-VALUE}.")
  String target;

  /** The model these options describe; {@link InputException} when they describe none. */
  Model toModel() {
    if (!model.equals("cp")) {
      throw new InputException("unknown model '" + model + "': the built-in models are: cp");
    }
    Target t = switch (target.toLowerCase(Locale.ROOT)) {
      case "identity" -> Target.IDENTITY;
      case "zero" -> Target.ZERO;
      default -> throw new InputException("unknown target '" + target + "' for model cp: use identity or zero");
    };
    if (nu < CpModels.MIN_ORDER || nu > MAX_NU) {
      throw new InputException("--nu must be between " + CpModels.MIN_ORDER + " and " + MAX_NU + ", got " + nu);
    }
    return CpModels.cp(nu, symmetric, t);
  }
}
