package org.gfd.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gfd.error.InputException;
import org.gfd.error.Messages;
import org.gfd.lang.ModelLoader;
import org.gfd.model.Model;
import picocli.CommandLine.Option;

/**
 * The options that choose a model: a built-in model's name or a model file, and the values of
 * its parameters. Both reach the engine through {@link ModelLoader}.
 */
public final class ModelOptions {
  /** The targets of the CP family by the names users write, in the order messages list them. */
  private static final Map<String, String> TARGETS = targets();

  @Option(names = "--model", paramLabel = "NAME|FILE",
      description = "A built-in model (see gfd models; default cp, the CP tensor decomposition) "
          + "or a model file (a path ending in .gfd).")
  String model;

  @Option(names = "--nu", paramLabel = "NU",
      description = "Tensor order nu: the parameter nu of the model (2..64 for the CP models; default: the model's, see gfd models).")
  Integer nu;

  @Option(names = "--symmetric", description = "Symmetric CP (one factor matrix U) instead of asymmetric.")
  boolean symmetric;

  @Option(names = "--target", paramLabel = "TARGET",
      description = "Target tensor of the CP models: identity, zero or modular (addition modulo a prime p, "
          + "[a + b = c mod p]: asymmetric, nu = 3 only); any case. Default: identity.")
  String target;

  @Option(names = "--param", paramLabel = "NAME=VALUE", split = ",",
      description = "Set integer parameters of the model (its let statements), comma separated: --param nu=4.")
  List<String> set;

  private static Map<String, String> targets() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("identity", "");
    m.put("zero", "-zero");
    m.put("modular", "-modular");
    return m;
  }

  /** The model these options describe; {@link InputException} when they describe none. */
  Model toModel() {
    Map<String, Integer> settings = settings();
    String chosen = model == null ? "cp" : model;
    if (chosen.endsWith(".gfd") || chosen.contains("/")) {
      if (symmetric || target != null) {
        throw new InputException((symmetric ? "--symmetric" : "--target") + " chooses among the built-in CP models; "
            + "it does not apply to a model file (" + Messages.quote(chosen) + ")");
      }
      return ModelLoader.file(Path.of(chosen), settings);
    }
    String name = chosen.toLowerCase(Locale.ROOT);
    if (name.equals("cp")) {
      String suffix = target == null ? "" : Choices.parse("target", target, TARGETS);
      name = "cp" + (symmetric ? "-symmetric" : "") + suffix;
      if (suffix.equals("-modular")) {
        // a + b = c ties three indices: the built-in is asymmetric CP of order 3
        if (symmetric || settings.getOrDefault("nu", 3) != 3) {
          throw new InputException("--target modular is a target of asymmetric CP of order 3: drop "
              + (symmetric ? "--symmetric" : "--nu " + settings.get("nu")));
        }
        settings.remove("nu");
      }
    } else if (symmetric || target != null) {
      throw new InputException((symmetric ? "--symmetric" : "--target") + " applies to --model cp only, not to "
          + Messages.quote(chosen));
    }
    if (!ModelLoader.BUILT_INS.contains(name)) {
      throw new InputException("unknown model " + Messages.quote(chosen) + ": use one of "
          + String.join(", ", ModelLoader.BUILT_INS) + " (see gfd models) or a model file ending in .gfd");
    }
    return ModelLoader.builtIn(name, settings);
  }

  /** These options as command-line arguments, to run another verb on the same model. */
  List<String> asArguments() {
    List<String> args = new ArrayList<>();
    if (model != null) {
      args.addAll(List.of("--model", model));
    }
    if (nu != null) {
      args.addAll(List.of("--nu", nu.toString()));
    }
    if (symmetric) {
      args.add("--symmetric");
    }
    if (target != null) {
      args.addAll(List.of("--target", target));
    }
    if (set != null) {
      set.forEach(s -> args.addAll(List.of("--param", s)));
    }
    return args;
  }

  /** The parameter values of {@code --nu} and {@code --param}. */
  private Map<String, Integer> settings() {
    Map<String, Integer> out = new LinkedHashMap<>();
    if (set != null) {
      for (String s : set) {
        int eq = s.indexOf('=');
        String key = eq < 0 ? "" : s.substring(0, eq).strip();
        String value = eq < 0 ? "" : s.substring(eq + 1).strip();
        if (key.isEmpty() || !value.matches("-?[0-9]{1,9}")) {
          throw new InputException("--param takes NAME=INTEGER, got " + Messages.quote(s));
        }
        if (out.put(key, Integer.parseInt(value)) != null) {
          throw new InputException("--param gives " + key + " twice");
        }
      }
    }
    if (nu != null) {
      if (out.containsKey("nu")) {
        throw new InputException("--nu and --param nu=... both set nu; give one");
      }
      out.put("nu", nu);
    }
    return out;
  }
}
