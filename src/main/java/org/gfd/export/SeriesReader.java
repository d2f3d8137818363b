package org.gfd.export;

import static org.gfd.error.Messages.quote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.gfd.algebra.Monomial;
import org.gfd.algebra.Polynomial;
import org.gfd.algebra.Rational;
import org.gfd.algebra.Variable;
import org.gfd.error.InputException;
import org.gfd.model.Model;

/**
 * Reads back the coefficients of a series that {@link SeriesWriter#json} wrote (a finished run or a
 * checkpoint), so that a later run can extend it. The file must be of the same model; its
 * coefficients are taken as they are.
 */
public final class SeriesReader {
  private SeriesReader() {}

  /**
   * The coefficients {@code c_0..c_k} in {@code json}, written for {@code model}.
   *
   * @param where the file's name, for messages
   * @throws InputException when the text is not such a series of this model
   */
  public static List<Polynomial> coefficients(String json, Model model, String where) {
    return coefficients(json, model, Model.LOSS, where);
  }

  /** Like {@link #coefficients(String, Model, String)} for the series of {@code observable}. */
  public static List<Polynomial> coefficients(String json, Model model, String observable, String where) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw bad(where, "not JSON (line " + e.getLocation().getLineNr() + ")");
    }
    if (root == null || !root.isObject() || !root.path("coefficients").isArray()) {
      throw bad(where, "not a gfd series in JSON (no \"coefficients\" array)");
    }
    if (!Json.model(model).equals(root.get("model"))) {
      throw bad(where, "written for another model (" + root.path("model") + ", not " + Json.model(model) + ")");
    }
    if (!observable.equals(root.path("observable").asText())) {
      throw bad(where, "a series of another observable (" + quote(root.path("observable").asText()) + ", not " + quote(observable) + ")");
    }
    List<Polynomial> out = new ArrayList<>();
    for (JsonNode c : root.get("coefficients")) {
      if (c.path("s").asInt(-1) != out.size() || !c.path("terms").isArray()) {
        throw bad(where, "coefficient " + out.size() + " is missing or out of order");
      }
      Polynomial.Builder p = new Polynomial.Builder();
      for (JsonNode t : c.get("terms")) {
        p.add(rational(t.path("coef"), where, out.size()), monomial(t.path("powers"), where, out.size()));
      }
      out.add(p.build());
    }
    return out;
  }

  private static Rational rational(JsonNode coef, String where, int s) {
    if (!coef.isTextual()) {
      throw bad(where, "a term of c_" + s + " has no \"coef\"");
    }
    try {
      return Rational.parse(coef.asText());
    } catch (IllegalArgumentException e) {
      throw bad(where, "a term of c_" + s + " has the coefficient " + quote(coef.asText()));
    }
  }

  private static Monomial monomial(JsonNode powers, String where, int s) {
    if (!powers.isObject()) {
      throw bad(where, "a term of c_" + s + " has no \"powers\"");
    }
    Monomial m = Monomial.ONE;
    for (Iterator<Map.Entry<String, JsonNode>> it = powers.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      Variable v = Variable.find(e.getKey());
      if (v == null || !e.getValue().canConvertToInt()) {
        throw bad(where, "a term of c_" + s + " has the power " + quote(e.getKey() + ": " + e.getValue()));
      }
      m = m.multiply(Monomial.of(v, e.getValue().asInt()));
    }
    return m;
  }

  private static InputException bad(String where, String why) {
    return new InputException("cannot resume from " + quote(where) + ": " + why);
  }
}
