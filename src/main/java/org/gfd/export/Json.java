package org.gfd.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.gfd.algebra.Monomial;
import org.gfd.algebra.Polynomial;
import org.gfd.algebra.Rational;
import org.gfd.algebra.Variable;
import org.gfd.model.Model;

/** JSON building blocks shared by the writers (Jackson trees, pretty printed). */
public final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Json() {}

  /** {@code {"constant": "1", "a": "-1", "b": "0"}}: the affine function {@code row} of the exponents named {@code letters}. */
  static ObjectNode affine(List<Rational> row, List<String> letters) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("constant", row.get(0).toString());
    for (int i = 1; i < row.size(); i++) {
      o.put(letters.get(i - 1), row.get(i).toString());
    }
    return o;
  }

  /** {@code {"name": ..., <parameters>}}. */
  static ObjectNode model(Model model) {
    ObjectNode m = MAPPER.createObjectNode();
    m.put("name", model.name());
    model.parameters().forEach((k, v) -> {
      if (v instanceof Integer i) {
        m.put(k, i);
      } else if (v instanceof Boolean b) {
        m.put(k, b);
      } else {
        m.put(k, String.valueOf(v));
      }
    });
    return m;
  }

  /** {@code {"p": 3, "H": 1}}: each variable with a nonzero exponent. */
  static ObjectNode powers(Monomial m) {
    ObjectNode o = MAPPER.createObjectNode();
    for (Map.Entry<Variable, Integer> e : m.powers().entrySet()) {
      o.put(e.getKey().name(), e.getValue());
    }
    return o;
  }

  /** {@code [{"coef": "1/2", "powers": {...}}, ...]}. */
  static ArrayNode terms(Polynomial p) {
    ArrayNode a = MAPPER.createArrayNode();
    for (Map.Entry<Monomial, Rational> t : p.terms().entrySet()) {
      ObjectNode term = a.addObject();
      term.put("coef", t.getValue().toString());
      term.set("powers", powers(t.getKey()));
    }
    return a;
  }

  static String write(ObjectNode root) {
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }
}
