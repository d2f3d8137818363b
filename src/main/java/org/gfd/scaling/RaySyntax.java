package org.gfd.scaling;

import static org.gfd.error.Messages.quote;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gfd.algebra.Rational;
import org.gfd.algebra.Variable;
import org.gfd.error.InputException;

/**
 * Reads rays as users write them: {@code "H=p^A, sigma2=p^B"} (each size as {@code [k*]p^E}, with
 * {@code E} any rational such as {@code 2}, {@code -1}, {@code (-3/2)}, and an optional numeric
 * ray constant {@code k}), {@code "t=p^C"} and {@code "p^E"}. Errors are
 * {@link InputException}s whose message quotes the offending text.
 */
public final class RaySyntax {
  private static final String RATIONAL = "[+-]?\\d+(?:/\\d+)?";
  private static final Pattern POWER = Pattern.compile(
      "(?:(" + RATIONAL + ")\\s*\\*\\s*)?p(?:\\s*\\^\\s*(?:(" + RATIONAL + ")|\\(\\s*(" + RATIONAL + ")\\s*\\)))?");
  private static final Pattern CONSTANT = Pattern.compile(RATIONAL);

  private RaySyntax() {}

  /** A parsed {@code [k*]p^E}: the exponent and the optional constant. */
  record Power(Rational exponent, Optional<Rational> constant) {}

  static Power power(String text, String where) {
    String t = text.strip();
    Matcher m = POWER.matcher(t);
    if (m.matches()) {
      Optional<Rational> k = Optional.ofNullable(m.group(1)).map(Rational::parse);
      String e = m.group(2) != null ? m.group(2) : m.group(3);
      if (k.isPresent() && k.get().signum() <= 0) {
        throw new InputException("the constant in " + quote(t) + " in " + where + " must be positive");
      }
      return new Power(e == null ? Rational.ONE : Rational.parse(e), k);
    }
    if (CONSTANT.matcher(t).matches()) {
      Rational k = Rational.parse(t);
      if (k.signum() <= 0) {
        throw new InputException(quote(t) + " in " + where + " must be positive");
      }
      return new Power(Rational.ZERO, Optional.of(k));
    }
    throw new InputException("cannot read " + quote(t) + " in " + where
        + ": write [k*]p^E with rational E, e.g. p^2, p^(-3/2), 2*p");
  }

  /**
   * Parses {@code --scale}: the exponent of each named variable, and the numeric constants given.
   *
   * @param known the variables that may appear, by name, in the order messages list them
   * @throws InputException when the text is not a ray over {@code known}
   */
  public static Ray scale(String text, Map<String, Variable> known, Optional<Rational> time,
      Optional<Rational> norm) {
    Map<Variable, Rational> exponents = new LinkedHashMap<>();
    Map<Variable, Rational> constants = new LinkedHashMap<>();
    if (text.isBlank()) {
      throw new InputException("--scale is empty: give each size, e.g. \"H=p^2, sigma2=p^-1\"");
    }
    for (String part : text.split(",")) {
      int eq = part.indexOf('=');
      if (eq < 0) {
        throw new InputException("cannot read " + quote(part.strip()) + " in --scale: write NAME=p^E");
      }
      String name = part.substring(0, eq).strip();
      Variable v = known.get(name);
      if (v == null) {
        throw new InputException("unknown variable " + quote(name) + " in --scale: use "
            + String.join(", ", known.keySet()));
      }
      if (exponents.containsKey(v)) {
        throw new InputException("variable " + quote(name) + " is given twice in --scale");
      }
      Power pw = power(part.substring(eq + 1), "--scale");
      exponents.put(v, pw.exponent());
      pw.constant().ifPresent(k -> constants.put(v, k));
    }
    return new Ray(exponents, constants, time, norm);
  }

  /** Parses {@code --time "t=p^C"}: the exponent {@code C}. */
  public static Rational time(String text) {
    String t = text.strip();
    if (!t.startsWith("t") || t.indexOf('=') < 0 || !t.substring(0, t.indexOf('=')).strip().equals("t")) {
      throw new InputException("cannot read " + quote(t) + " in --time: write t=p^C");
    }
    Power pw = power(t.substring(t.indexOf('=') + 1), "--time");
    if (pw.constant().isPresent()) {
      throw new InputException("--time takes no constant: write t=p^C (tau absorbs constants)");
    }
    return pw.exponent();
  }

  /** Parses {@code --norm "p^E"}: the exponent {@code E}. */
  public static Rational norm(String text) {
    Power pw = power(text, "--norm");
    if (pw.constant().isPresent()) {
      throw new InputException("--norm takes no constant: write p^E");
    }
    return pw.exponent();
  }
}
