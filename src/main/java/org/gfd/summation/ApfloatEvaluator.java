package org.gfd.summation;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apfloat.Apcomplex;
import org.apfloat.ApcomplexMath;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IComplexNum;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IFraction;
import org.matheclipse.core.interfaces.IInteger;
import org.matheclipse.core.interfaces.IReal;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * A Symja expression as a number, in Apfloat arithmetic at a fixed precision, with its symbols
 * bound to numbers: for closed forms evaluated at many points (thousands of quadrature nodes),
 * where Symja's {@code N} costs milliseconds a point. It knows sums, products, powers (integer
 * exponents exactly, others on the principal branch, as Symja), {@code E}, {@code Pi}, {@code I},
 * rationals, and {@code Exp}, {@code Log}, {@code Sqrt}, {@code Sin}, {@code Cos}, {@code Sinh},
 * {@code Cosh} and {@code Tanh}; anything else is reported as unsupported, and the caller falls
 * back to Symja. One evaluator a point; the expression may be shared between threads if it is not changed.
 */
final class ApfloatEvaluator {
  private final Map<String, Apcomplex> b;
  private final long digits;
  /** Values of the subexpressions met so far: a repeated one, such as {@code E^(4 s tau)}, is computed once. */
  private final Map<IExpr, Apcomplex> memo = new HashMap<>();

  private ApfloatEvaluator(Map<String, Apcomplex> bindings, long digits) {
    this.b = bindings;
    this.digits = digits;
  }

  /** {@code e} with the symbols of {@code bindings} replaced by their values, or empty for an expression it does not know. */
  static Optional<Apcomplex> value(IExpr e, Map<String, Apcomplex> bindings, long digits) {
    try {
      return Optional.of(new ApfloatEvaluator(bindings, digits).eval(e));
    } catch (UnsupportedOperationException | ArithmeticException x) {
      return Optional.empty();
    }
  }

  private Apcomplex eval(IExpr e) {
    Apcomplex known = memo.get(e);
    if (known != null) {
      return known;
    }
    Apcomplex value = compute(e);
    memo.put(e, value);
    return value;
  }

  private Apcomplex compute(IExpr e) {
    if (e instanceof IInteger i) {
      return new Apfloat(i.toBigNumerator(), digits);
    }
    if (e instanceof IFraction f) {
      return new Apfloat(f.toBigNumerator(), digits).divide(new Apfloat(f.toBigDenominator(), digits));
    }
    if (e instanceof IReal x) {
      return x.apfloatValue().precision(digits);
    }
    if (e instanceof IComplexNum z) {
      return z.apcomplexValue().precision(digits);
    }
    if (e instanceof ISymbol sym) {
      String name = sym.toString();
      if (b.containsKey(name)) {
        return b.get(name);
      }
      return switch (name) {
        case "E" -> ApfloatMath.exp(new Apfloat(1, digits));
        case "Pi" -> ApfloatMath.pi(digits);
        case "I" -> new Apcomplex(Apfloat.ZERO, new Apfloat(1, digits));
        default -> throw new UnsupportedOperationException(name);
      };
    }
    if (!(e instanceof IAST ast) || !(ast.head() instanceof ISymbol head)) {
      throw new UnsupportedOperationException(e.toString());
    }
    String f = head.toString();
    switch (f) {
      case "Plus" -> {
        Apcomplex sum = Apcomplex.ZERO;
        for (int i = 1; i <= ast.argSize(); i++) {
          sum = sum.add(eval(ast.get(i)));
        }
        return sum;
      }
      case "Times" -> {
        Apcomplex product = new Apfloat(1, digits);
        for (int i = 1; i <= ast.argSize(); i++) {
          product = product.multiply(eval(ast.get(i)));
        }
        return product;
      }
      case "Power" -> {
        IExpr exponent = ast.arg2();
        if (ast.arg1() instanceof ISymbol base && base.toString().equals("E") && !b.containsKey("E")) {
          return ApcomplexMath.exp(eval(exponent));
        }
        Apcomplex x = eval(ast.arg1());
        if (exponent instanceof IInteger k && k.bitLength() < 31) {
          return ApcomplexMath.pow(x, k.toLong());
        }
        return ApcomplexMath.pow(x, eval(exponent));
      }
      default -> {
        if (ast.argSize() != 1) {
          throw new UnsupportedOperationException(f);
        }
        Apcomplex x = eval(ast.arg1());
        return switch (f) {
          case "Exp" -> ApcomplexMath.exp(x);
          case "Log" -> ApcomplexMath.log(x);
          case "Sqrt" -> ApcomplexMath.sqrt(x);
          case "Sin" -> ApcomplexMath.sin(x);
          case "Cos" -> ApcomplexMath.cos(x);
          case "Sinh" -> ApcomplexMath.sinh(x);
          case "Cosh" -> ApcomplexMath.cosh(x);
          case "Tanh" -> ApcomplexMath.tanh(x);
          default -> throw new UnsupportedOperationException(f);
        };
      }
    }
  }
}
