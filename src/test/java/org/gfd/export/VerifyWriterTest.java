package org.gfd.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gfd.algebra.Rational;
import org.gfd.algebra.Variable;
import org.gfd.model.CpModels;
import org.gfd.model.Model;
import org.gfd.model.Target;
import org.gfd.network.WorkBudget;
import org.gfd.scaling.Ray;
import org.gfd.scaling.Verification;
import org.gfd.series.LossSeries;
import org.gfd.series.LossSeriesEngine;
import org.junit.jupiter.api.Test;

/**
 * Every format of {@code verify} shows a diverging order as diverging, with its exponent, and
 * carries the verdict. The ray {@code H = p^2, sigma2 = p^(-7/4)}, {@code t = p^0 tau} of asymmetric
 * CP (nu = 2, identity target) has, by hand from README's {@code c_1}, {@code E_1 = 5/4} against
 * {@code e = 1}: {@code p^(c - e) c_1 ~ -2 h v p^(1/4)} diverges. With {@code t = p^-1 tau} every order
 * {@code s >= 1} vanishes instead: bounded, but nothing moves.
 */
class VerifyWriterTest {
  private static final Model MODEL = CpModels.cp(2, false, Target.IDENTITY);
  private static final LossSeries SERIES = LossSeriesEngine.compute(MODEL, 4, WorkBudget.unlimited(), s -> {});
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Verification verify(String time) {
    Map<Variable, Rational> e = new LinkedHashMap<>();
    e.put(Variable.H, Rational.of(2));
    e.put(Variable.SIGMA2, Rational.of(-7, 4));
    Ray ray = new Ray(e, Map.of(), Optional.of(Rational.parse(time)), Optional.empty());
    return Verification.of(SERIES.coefficients(), ray, List.of(Variable.H, Variable.SIGMA2), CpModels.ROLES);
  }

  @Test
  void textShowsDivergenceNotZero() {
    String text = VerifyWriter.text(MODEL, verify("0"), List.of());
    assertTrue(text.startsWith("FAIL: order 1 diverges"), text);
    assertTrue(text.contains("hat c_1 diverges as p^(1/4)"), text);
    assertTrue(text.contains("~ (-2*h*v) p^(1/4)"), text);
    assertTrue(text.contains("verdict: divergent"), text);
    assertFalse(text.contains("hat c_1 = 0"), text);
    assertFalse(text.contains("hat c_4 = 0"), text);
  }

  @Test
  void jsonSeparatesTheVerdictsParts() throws Exception {
    JsonNode d = JSON.readTree(VerifyWriter.json(MODEL, verify("0"), List.of()));
    assertEquals("divergent", d.get("verdict").asText());
    assertFalse(d.get("pass").asBoolean());
    assertFalse(d.get("bounded").asBoolean());
    assertTrue(d.get("nontrivial").asBoolean());
    assertEquals("[1,2,3,4]", d.get("diverging_orders").toString());
    JsonNode c1 = d.get("limit").get(1);
    assertTrue(c1.get("coef").isNull(), c1.toString());
    assertTrue(c1.get("diverges").asBoolean());
    assertEquals("1/4", c1.get("growth").asText());
    assertEquals("-2*h*v", c1.get("leading_part").asText());
    assertEquals("1/2", d.get("limit").get(0).get("coef").asText());

    JsonNode t = JSON.readTree(VerifyWriter.json(MODEL, verify("-1"), List.of()));
    assertEquals("trivial", t.get("verdict").asText());
    assertTrue(t.get("bounded").asBoolean(), "a trivial ray has every order bounded");
    assertFalse(t.get("nontrivial").asBoolean());
    assertFalse(t.get("pass").asBoolean());
    assertEquals("0", t.get("limit").get(1).get("coef").asText(), "a vanishing order's limit is 0");
  }

  @Test
  void latexCarriesTheVerdictAndTheDivergence() {
    String divergent = VerifyWriter.latex(MODEL, verify("0"), List.of());
    assertTrue(divergent.startsWith(Latex.requires()), divergent);
    assertTrue(divergent.contains("% FAIL: order 1 diverges"), divergent);
    assertTrue(divergent.contains("\\textbf{FAIL:}"), divergent);
    assertTrue(divergent.contains("\\text{(diverges as $p^{\\frac{1}{4}}$)}"), divergent);
    assertFalse(divergent.contains("\\hat c_{1} &= 0"), divergent);

    String trivial = VerifyWriter.latex(MODEL, verify("-1"), List.of());
    assertTrue(trivial.contains("\\textbf{FAIL:} nothing moves"), trivial);
    assertTrue(trivial.contains("\\hat c_{1} &= 0"), trivial);
  }

  @Test
  void everyFormatShowsTheWarning() {
    Map<Variable, Rational> e = new LinkedHashMap<>();
    e.put(Variable.H, Rational.ZERO);
    e.put(Variable.SIGMA2, Rational.of(-2));
    Verification v = Verification.of(SERIES.coefficients(), Ray.of(e), List.of(Variable.H, Variable.SIGMA2), CpModels.ROLES);
    assertTrue(v.warning().isPresent(), "only order 3 survives there");
    assertTrue(VerifyWriter.text(MODEL, v, List.of()).contains("# warning: only order 3 survives"));
    assertTrue(VerifyWriter.json(MODEL, v, List.of()).contains("\"warning\" : \"only order 3 survives"));
    String latex = VerifyWriter.latex(MODEL, v, List.of());
    assertTrue(latex.contains("% warning: only order 3 survives"), latex);
    assertTrue(latex.contains("\\textbf{Warning:} only order 3 survives"), latex);
    assertTrue(latex.contains("\\textbf{PASS:}"), latex);
  }
}
