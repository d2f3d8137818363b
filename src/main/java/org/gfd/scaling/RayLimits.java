package org.gfd.scaling;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.gfd.algebra.Monomial;
import org.gfd.algebra.Polynomial;
import org.gfd.algebra.Rational;

/** Computes {@link RayLimit}s of coefficient lists along rays. Stateless. */
public final class RayLimits {
  private RayLimits() {}

  /** The leading exponent of one coefficient on a ray, its leading part and monomials. */
  record Leading(Rational exponent, Polynomial part, Set<Monomial> monomials) {}

  /**
   * The largest exponent of {@code c} on the ray whose tied monomials do not cancel (their
   * constant parts summed exactly), with that sum; empty when {@code c} vanishes on the ray.
   */
  static Optional<Leading> leading(Polynomial c, Ray ray) {
    TreeMap<Rational, List<Map.Entry<Monomial, Rational>>> byExponent = new TreeMap<>();
    for (Map.Entry<Monomial, Rational> t : c.terms().entrySet()) {
      byExponent.computeIfAbsent(ray.exponentOf(t.getKey()), k -> new ArrayList<>()).add(t);
    }
    for (Rational e : byExponent.descendingKeySet()) {
      Polynomial.Builder sum = new Polynomial.Builder();
      Set<Monomial> monomials = new LinkedHashSet<>();
      for (Map.Entry<Monomial, Rational> t : byExponent.get(e)) {
        sum.add(ray.constantPart(t.getKey()), t.getValue());
        monomials.add(t.getKey());
      }
      Polynomial part = sum.build();
      if (!part.isZero()) {
        return Optional.of(new Leading(e, part, monomials));
      }
    }
    return Optional.empty();
  }

  /**
   * The limit of the part that evolves, {@code E[O(t)] - E[O(0)] = sum_{s >= 1} c_s t^s / s!}, along
   * {@code ray}: for when the leading part of {@code c_0} does not move (an unlearnable constant)
   * and the usual normalization leaves a single, drifting order. Anchored at order 1 as the usual
   * one is at order 0: {@code c = min_{s >= 2} (E_1 - E_s) / (s - 1)} and {@code e = E_1 + c}, so
   * that order 1 and the fastest later order survive; a time scale or normalization fixed on the
   * ray is kept. {@code hat c_0} is 0 by definition.
   *
   * @throws IllegalArgumentException when order 1 vanishes on the ray (there is no anchor)
   */
  public static RayLimit analyzeEvolving(List<Polynomial> coefficients, Ray ray) {
    List<Optional<Rational>> exponents = coefficients.stream().map(c -> leading(c, ray).map(Leading::exponent)).toList();
    if (coefficients.size() < 2 || exponents.get(1).isEmpty()) {
      throw new IllegalArgumentException("order 1 vanishes on this ray: the evolving part has no anchor");
    }
    Rational e1 = exponents.get(1).get();
    Optional<Rational> c = ray.timeExponent();
    if (c.isEmpty()) {
      for (int s = 2; s < exponents.size(); s++) {
        if (exponents.get(s).isPresent()) {
          Rational rate = e1.subtract(exponents.get(s).get()).divide(Rational.of(s - 1));
          if (c.isEmpty() || rate.compareTo(c.get()) < 0) {
            c = Optional.of(rate);
          }
        }
      }
    }
    Rational time = c.orElse(Rational.ZERO);
    Rational norm = ray.normExponent().orElse(e1.add(time));
    List<Polynomial> evolving = new ArrayList<>(coefficients);
    evolving.set(0, Polynomial.ZERO);
    return analyze(evolving, new Ray(ray.exponents(), ray.constantValues(), Optional.of(time), Optional.of(norm)));
  }

  /** The limit of the series with coefficients {@code c_0..c_S} along {@code ray}. */
  public static RayLimit analyze(List<Polynomial> coefficients, Ray ray) {
    int orders = coefficients.size();
    List<Optional<Leading>> leads = new ArrayList<>();
    for (Polynomial c : coefficients) {
      leads.add(leading(c, ray));
    }
    List<Optional<Rational>> exponents = leads.stream().map(l -> l.map(Leading::exponent)).toList();
    List<Set<Monomial>> monomials = leads.stream().map(l -> l.map(Leading::monomials).orElse(Set.of())).toList();
    Rational e = ray.normExponent().orElseGet(() -> exponents.get(0).orElse(Rational.ZERO));
    Optional<Rational> c = ray.timeExponent();
    if (c.isEmpty()) {
      for (int s = 1; s < orders; s++) {
        if (exponents.get(s).isPresent()) {
          Rational rate = e.subtract(exponents.get(s).get()).divide(Rational.of(s));
          if (c.isEmpty() || rate.compareTo(c.get()) < 0) {
            c = Optional.of(rate);
          }
        }
      }
    }
    List<RayLimit.OrderLimit> limit = new ArrayList<>();
    String divergence = null;
    for (int s = 0; s < orders; s++) {
      Optional<Leading> l = leads.get(s);
      if (l.isEmpty() || (s > 0 && c.isEmpty())) {
        limit.add(new RayLimit.Bounded(Polynomial.ZERO));
        continue;
      }
      Rational growth = l.get().exponent().subtract(e);
      if (s > 0) {
        growth = growth.add(c.get().multiply(Rational.of(s)));
      }
      int sign = growth.signum();
      if (sign > 0) {
        limit.add(new RayLimit.Diverging(growth, l.get().part()));
        if (divergence == null) {
          divergence = "order " + s + " diverges: p^(c s - e) c_s grows like p^(" + growth + ")";
        }
      } else {
        limit.add(new RayLimit.Bounded(sign == 0 ? l.get().part() : Polynomial.ZERO));
      }
    }
    RayLimit.Verdict verdict;
    String reason;
    boolean moves = false;
    for (int s = 1; s < orders; s++) {
      moves |= !limit.get(s).vanishes();
    }
    if (divergence != null) {
      verdict = RayLimit.Verdict.DIVERGENT;
      reason = divergence;
    } else if (c.isEmpty()) {
      verdict = RayLimit.Verdict.TRIVIAL;
      reason = "nothing moves: c_1..c_" + (orders - 1) + " vanish on this ray";
    } else if (!moves) {
      verdict = RayLimit.Verdict.TRIVIAL;
      reason = "nothing moves: every order s >= 1 vanishes on the time scale t = p^(" + c.get() + ") tau";
    } else {
      verdict = RayLimit.Verdict.ADMISSIBLE;
      reason = "admissible";
    }
    return new RayLimit(ray, exponents, monomials, e, c, limit, verdict, reason);
  }
}
