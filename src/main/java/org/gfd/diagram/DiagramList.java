package org.gfd.diagram;

import java.util.List;
import java.util.Objects;
import org.gfd.algebra.Polynomial;
import org.gfd.model.Model;

/**
 * The diagrams of one order of the loss series.
 *
 * @param model the model
 * @param order the order {@code s}
 * @param leadingOnly whether only diagrams whose weight leads on some ray were kept
 * @param diagrams the distinct diagrams, heaviest weight first
 * @param total the sum of {@code coefficient * weight} over all diagrams of the order, which is
 *     {@code c_s} (over all of them, also when only the leading ones are listed)
 */
public record DiagramList(Model model, int order, boolean leadingOnly, List<Diagram> diagrams,
    Polynomial total) {
  public DiagramList {
    Objects.requireNonNull(model);
    diagrams = List.copyOf(diagrams);
    Objects.requireNonNull(total);
  }
}
