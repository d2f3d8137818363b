package org.gfd.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gfd.algebra.Monomial;
import org.gfd.algebra.Polynomial;
import org.gfd.algebra.Rational;
import org.gfd.algebra.Variable;
import org.junit.jupiter.api.Test;

/** The LaTeX building blocks: escaping, the packages line, line breaking of long sums. */
class LatexTest {
  @Test
  void textEscapesWhatLatexWouldInterpret() {
    assertEquals("p\\^{}(c s - e) c\\_s, 50\\%, a \\& b, \\#1, -{}-max-order, $>$= 0",
        Latex.text("p^(c s - e) c_s, 50%, a & b, #1, --max-order, >= 0"));
  }

  @Test
  void requiresNamesEveryPackage() {
    assertEquals(List.of("amsmath", "amssymb", "tikz"), Latex.REQUIRED_PACKAGES);
    assertEquals("% requires: \\usepackage{amsmath,amssymb,tikz}\n", Latex.requires());
  }

  @Test
  void longCoefficientsBreakSoonerThanFourTerms() {
    Monomial m = Monomial.of(Variable.P, 7);
    Polynomial big = Polynomial.term(Rational.parse("145572034560"), m)
        .add(Polynomial.term(Rational.parse("48066478080"), Monomial.of(Variable.P, 8)))
        .add(Polynomial.term(Rational.parse("9120092160"), Monomial.of(Variable.P, 9)))
        .add(Polynomial.term(Rational.parse("1272176640"), Monomial.of(Variable.P, 10)))
        .add(Polynomial.term(Rational.parse("130216949760"), Monomial.of(Variable.P, 11)))
        .add(Polynomial.term(Rational.parse("13515264000"), Monomial.of(Variable.P, 12)));
    String latex = Latex.polynomial(big);
    long lines = latex.lines().count();
    assertTrue(lines >= 3, "six twelve-digit terms take three lines or more:\n" + latex);
    assertTrue(latex.contains(Latex.LINE_END + "    &\\quad"), latex);
    Polynomial small = Polynomial.term(Rational.ONE, m).add(Polynomial.term(Rational.of(2), Monomial.of(Variable.P, 1)))
        .add(Polynomial.term(Rational.of(3), Monomial.ONE)).add(Polynomial.term(Rational.of(4), Monomial.of(Variable.H, 1)))
        .add(Polynomial.term(Rational.of(5), Monomial.of(Variable.SIGMA2, 1)));
    assertEquals(2, Latex.polynomial(small).lines().count(), "short terms go four to a line");
  }

  @Test
  void overfullBoxesBeyondTheToleranceAreReported() {
    String log = "Overfull \\hbox (0.50002pt too wide) in paragraph at lines 3--4\n"
        + "Overfull \\hbox (131.11168pt too wide) detected at line 104\n"
        + "Overfull \\vbox (1040.7064pt too high) has occurred while \\output is active []\n";
    assertEquals(List.of("Overfull \\hbox (131.11168pt too wide)", "Overfull \\vbox (1040.7064pt too high)"),
        LatexCompileTest.overfull(log));
  }
}
