package org.gfd.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.gfd.api.Gfd;
import org.gfd.diagram.DiagramList;
import org.gfd.export.DiagramDrawing;
import org.gfd.export.DiagramWriter;
import org.gfd.model.Model;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gfd diagrams}: the distinct fully paired diagrams of one order. */
@Command(name = "diagrams", mixinStandardHelpOptions = true,
    description = "The distinct diagrams of order S (networks of D^S L with a Wick pairing, up to "
        + "isomorphism), each with its multiplicity and weight monomial; or a drawing of one.")
final class DiagramsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ModelOptions modelOptions;
  @Mixin OutputOptions outputOptions;
  @Mixin BudgetOptions budgetOptions;

  @Option(names = "--order", required = true, paramLabel = "S", description = "The order S.")
  int order;

  @Option(names = "--leading",
      description = "Only diagrams whose weight leads on some ray H = p^a, sigma2 = p^b.")
  boolean leading;

  @Option(names = "--draw", paramLabel = "INDEX",
      description = "Print a drawing of diagram INDEX (1-based, as listed) instead of the list.")
  Integer draw;

  @Option(names = "--draw-format", defaultValue = "dot", paramLabel = "STYLE",
      description = "Drawing format: dot or tikz. Default: ${DEFAULT-VALUE}.")
  String drawFormat;

  @Option(names = "--max-matchings", defaultValue = "" + Gfd.DEFAULT_MAX_MATCHINGS, paramLabel = "N",
      description = "Refuse orders with more than N Wick matchings to enumerate. Default: ${DEFAULT-VALUE}.")
  long maxMatchings;

  @Override
  public Integer call() {
    Model model = modelOptions.toModel();
    var format = outputOptions.format();
    Orders.check("--order", order);
    DiagramDrawing.Style style = switch (drawFormat.toLowerCase(Locale.ROOT)) {
      case "dot" -> DiagramDrawing.Style.DOT;
      case "tikz" -> DiagramDrawing.Style.TIKZ;
      default -> throw new InputException("unknown --draw-format '" + drawFormat + "': use dot or tikz");
    };
    DiagramList list;
    try {
      list = Gfd.diagrams(model, order, leading, maxMatchings, budgetOptions.budget());
    } catch (IllegalArgumentException e) {
      throw new InputException(e.getMessage() + " (raise --max-matchings, or use gfd series for c_" + order + ")");
    }
    String text;
    if (draw != null) {
      if (draw < 1 || draw > list.diagrams().size()) {
        throw new InputException("--draw must be between 1 and " + list.diagrams().size() + ", got " + draw);
      }
      text = DiagramDrawing.draw(list.diagrams().get(draw - 1), style);
    } else {
      text = DiagramWriter.write(list, format);
    }
    outputOptions.emit(text, spec.commandLine().getOut());
    return ExitCode.OK;
  }
}
