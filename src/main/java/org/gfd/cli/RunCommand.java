package org.gfd.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.gfd.error.InputException;
import org.gfd.model.Model;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code gfd run}: the computations a model file asks for in its {@code query} statements, one
 * after the other, each as {@code gfd VERB ... --model FILE} with the same parameters. The exit
 * code is the largest of the queries' (so a failed check, 1, or a bad query, 2, shows); an
 * interrupted query ends the run.
 */
@Command(name = "run", mixinStandardHelpOptions = true, version = GfdCommand.VERSION,
    description = "Runs the query statements of a model file (query \"verify --scale H=p^2,sigma2=p^(-3/2)\"), "
        + "each as the verb with --model and the given parameters, printing a heading before each.")
final class RunCommand implements Callable<Integer> {
  /** Exit codes from here on mean the run was interrupted by a signal. */
  private static final int SIGNALLED = 128;

  @Spec CommandSpec spec;
  @Mixin ModelOptions modelOptions;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Model model = modelOptions.toModel();
    if (model.queries().isEmpty()) {
      throw new InputException("model " + model.name() + " has no query statements to run (add query \"series --max-order 3\" to its file)");
    }
    int worst = ExitCode.OK;
    List<String> queries = model.queries();
    for (int i = 0; i < queries.size(); i++) {
      List<String> args = new ArrayList<>(List.of(queries.get(i).split(" ")));
      args.addAll(modelOptions.asArguments());
      out.println("# query " + (i + 1) + " of " + queries.size() + ": gfd " + String.join(" ", args));
      out.flush();
      int code = GfdCommand.execute(args.toArray(String[]::new), out, err);
      worst = Math.max(worst, code);
      if (code >= SIGNALLED) {
        break;
      }
    }
    return worst;
  }
}
