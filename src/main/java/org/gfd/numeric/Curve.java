package org.gfd.numeric;

import java.util.List;
import java.util.Optional;

/**
 * Values of a loss curve on a grid of times, with how they were obtained: {@code method} (the
 * certified closed form, a Padé approximant or the truncated series), what it rests on
 * ({@code source}: the form itself, or the approximant's degrees and orders), the radius of
 * convergence estimated from the coefficients when the series was used, the digits asked for, and
 * a failure naming the first time at which no value could be given (then {@code points} holds
 * the values before it).
 */
public record Curve(Method method, String source, Optional<Double> radius, int digits, List<CurvePoint> points,
    Optional<String> failure) {
  public Curve {
    points = List.copyOf(points);
  }

  /** How the values are computed. */
  public enum Method {
    /** The certified closed form, evaluated by Symja in Apfloat arithmetic. */
    CLOSED_FORM("closed form"),
    /** The near-diagonal Padé approximant of the series' Taylor coefficients. */
    PADE("Padé approximant"),
    /** The truncated Taylor series. */
    SERIES("truncated series");

    private final String label;

    Method(String label) {
      this.label = label;
    }

    /** The method as reports name it. */
    public String label() {
      return label;
    }
  }
}
