package org.gfd.export;

import java.util.List;
import org.gfd.diagram.Diagram;
import org.gfd.diagram.DiagramFamily;
import org.gfd.model.Model;
import org.gfd.scaling.RegimeStudy;
import org.gfd.series.LossSeries;
import org.gfd.summation.Attempt;
import org.gfd.summation.ClosedForm;

/**
 * {@code gfd report}: one LaTeX document, complete with its preamble, that compiles with
 * {@code pdflatex} as written. Sections: the loss series; the regime map (table and cells); the
 * closed form of each named regime's limit series, or that none was found (the strategies'
 * accounts, long lines of systems and ranks, go into comments of the source, not the page); the
 * leading diagram families of those regimes at low orders as TikZ pictures, at most
 * {@value #DIAGRAMS_PER_FAMILY} per family.
 */
public final class ReportWriter {
  /** The most diagrams drawn per family; the count of the rest is given. */
  static final int DIAGRAMS_PER_FAMILY = 8;

  private ReportWriter() {}

  /**
   * The document for {@code model}: {@code series}, the map of {@code study}, the regimes'
   * summations {@code sums} and the leading {@code families}.
   */
  public static String latex(Model model, LossSeries series, RegimeStudy study, List<RegimeSum> sums,
      List<DiagramFamily> families) {
    StringBuilder sb = new StringBuilder();
    sb.append("% gfd report of ").append(model.describe()).append(", orders 0..").append(series.maxOrder()).append('\n');
    sb.append("\\documentclass{article}\n").append(Latex.usePackages()).append('\n');
    sb.append("\\title{gfd report: ").append(Latex.text(model.describe())).append("}\n\\author{}\n\\date{}\n");
    sb.append("\\begin{document}\n\\maketitle\n\n");
    sb.append("\\section{The loss series}\n");
    sb.append("The expected loss $E[L](t) = \\sum_s c_s t^s / s!$ under gradient flow, orders $0$ to $")
        .append(series.maxOrder()).append("$, exactly.\n");
    sb.append(SeriesWriter.latex(series));
    sb.append("\n\\section{The regime map}\n");
    sb.append(RegimeWriter.latex(model, study));
    sb.append("\n\\section{Closed forms of the named regimes}\n");
    sb.append("On a ray inside each named regime, the limit series $F(\\tau) = \\sum_s \\hat c_s \\tau^s / s!$ is summed; "
        + "a closed form is shown only with its certificate (its own Taylor expansion reproduces every $\\hat c_s$, "
        + "two held-out orders included).\n");
    String letters = String.join(", ", Exponents.letters(study.map().axes()));
    for (RegimeSum r : sums) {
      sb.append("\n\\subsection*{").append(Latex.text(r.where())).append("}\n");
      sb.append("Ray through $(").append(letters).append(") = ").append(Exponents.point(r.point(), true))
          .append("$; orders $0$ to $")
          .append(r.limit().size() - 1).append("$.\n");
      for (Attempt a : r.result().tried()) {
        sb.append(Latex.comment("tried " + a.strategy() + (a.certified() ? " (certified): " : ": ") + a.account()));
      }
      if (r.result().closedForm().isPresent()) {
        ClosedForm f = r.result().closedForm().get();
        sb.append("\\begin{equation*}\n  F(\\tau) = ").append(f.latex()).append("\n\\end{equation*}\n");
        sb.append("Found as a ").append(Latex.text(f.strategy())).append("; certified on orders $")
            .append(Exponents.orders(f.certifiedOrders())).append("$ and on the held-out orders $")
            .append(Exponents.orders(f.heldOutOrders())).append("$.\n");
      } else {
        sb.append("No closed form found from these orders; each strategy's account is in the source as a comment.\n");
      }
    }
    sb.append("\n\\section{Leading diagram families}\n");
    if (families.isEmpty()) {
      sb.append("No family of the named regimes' leading monomials was small enough to list.\n");
    }
    for (DiagramFamily fam : families) {
      List<Diagram> ds = fam.diagrams();
      sb.append("\n\\subsection*{Order ").append(fam.order()).append(", weight $").append(Latex.monomialOrOne(fam.weight()))
          .append("$}\n");
      sb.append(ds.size()).append(ds.size() == 1 ? " diagram" : " diagrams").append(", total multiplicity $")
          .append(Latex.rational(fam.multiplicity())).append("$")
          .append(ds.size() > DIAGRAMS_PER_FAMILY ? "; the first " + DIAGRAMS_PER_FAMILY + " are drawn" : "").append(".\n\n");
      sb.append("\\noindent");
      for (Diagram d : ds.subList(0, Math.min(ds.size(), DIAGRAMS_PER_FAMILY))) {
        String picture = DiagramDrawing.tikz(d).replace("\\begin{tikzpicture}",
            "\\begin{tikzpicture}[scale=0.35, every node/.style={scale=0.7}]");
        sb.append("\n").append(picture).append("\\hspace{1em}");
      }
      sb.append("\n");
    }
    sb.append("\\end{document}\n");
    return sb.toString();
  }
}
