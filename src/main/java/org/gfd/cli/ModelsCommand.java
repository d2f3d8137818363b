package org.gfd.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.gfd.lang.ModelLoader;
import org.gfd.model.Model;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gfd models}: the built-in models, or one built-in model's source text. */
@Command(name = "models", mixinStandardHelpOptions = true, version = GfdCommand.VERSION,
    description = "Lists the built-in models with their parameters; with a NAME, prints that model's file "
        + "(a starting point for your own model).")
final class ModelsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "NAME", description = "A built-in model whose source to print.")
  String name;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (name != null) {
      out.print(ModelLoader.builtInText(name));
      return ExitCode.OK;
    }
    out.println("# built-in models (use --model NAME; gfd models NAME prints one's source)");
    for (String n : ModelLoader.BUILT_INS) {
      Model m = ModelLoader.builtIn(n, Map.of());
      out.printf("%-18s %s; defaults: %s%n", n, ModelLoader.summary(n), m.describe());
    }
    return ExitCode.OK;
  }
}
