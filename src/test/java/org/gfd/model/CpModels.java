package org.gfd.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gfd.algebra.Monomial;
import org.gfd.algebra.Rational;
import org.gfd.algebra.Variable;

/**
 * The built-in CP tensor decomposition models (docs/specification.md &sect;1). Asymmetric CP of order
 * {@code nu}: {@code T[i_1..i_nu] = sum_h prod_m U_m[h, i_m]} with {@code U_m in R^{H x p}};
 * symmetric CP: one {@code U} for all {@code m}. Loss
 * {@code L = 1/2 |T|^2 - <T, T*> + 1/2 |T*|^2}; every entry of every {@code U} is
 * {@code N(0, sigma2)} at initialization.
 */
public final class CpModels {
  /** Smallest meaningful tensor order. */
  public static final int MIN_ORDER = 2;
  /** The roles CP's regimes are named from: the target's share is a power of p, H counts components. */
  public static final Optional<RegimeRoles> ROLES = Optional.of(new RegimeRoles(Set.of(Variable.P), Variable.H));

  private CpModels() {}

  /**
   * The CP model of order {@code nu}.
   *
   * @throws IllegalArgumentException when {@code nu < 2}
   */
  public static Model cp(int nu, boolean symmetric, Target target) {
    if (nu < MIN_ORDER) {
      throw new IllegalArgumentException("the CP order nu must be at least " + MIN_ORDER + ", got " + nu);
    }
    Monomial sigma2 = Monomial.of(Variable.SIGMA2, 1);
    List<IndexKind> legs = List.of(IndexKind.H, IndexKind.P);
    List<Species> species = new ArrayList<>();
    if (symmetric) {
      species.add(new Species("U", legs, true, sigma2));
    } else {
      for (int m = 1; m <= nu; m++) {
        species.add(new Species("U" + m, legs, true, sigma2));
      }
    }
    List<TensorTerm> loss = new ArrayList<>();

    // 1/2 <T, T> = 1/2 sum_{h, g, i_1..i_nu} prod_m U_m[h, i_m] U_m[g, i_m]
    Map<String, IndexKind> kinds = new LinkedHashMap<>();
    kinds.put("h", IndexKind.H);
    kinds.put("g", IndexKind.H);
    List<Factor> factors = new ArrayList<>();
    for (int m = 1; m <= nu; m++) {
      String i = "i" + m;
      kinds.put(i, IndexKind.P);
      Species s = species.get(symmetric ? 0 : m - 1);
      factors.add(new Factor(s, List.of("h", i)));
      factors.add(new Factor(s, List.of("g", i)));
    }
    loss.add(new TensorTerm(Rational.HALF, factors, kinds));

    if (target == Target.IDENTITY) {
      // - <T, T*> = - sum_{h, i} prod_m U_m[h, i]
      List<Factor> cross = new ArrayList<>();
      for (int m = 1; m <= nu; m++) {
        cross.add(new Factor(species.get(symmetric ? 0 : m - 1), List.of("h", "i")));
      }
      loss.add(new TensorTerm(Rational.MINUS_ONE, cross, Map.of("h", IndexKind.H, "i", IndexKind.P)));
      // 1/2 |T*|^2 = 1/2 sum_i 1 = p/2
      loss.add(new TensorTerm(Rational.HALF, List.of(), Map.of("i", IndexKind.P)));
    }

    Map<String, Object> params = new LinkedHashMap<>();
    params.put("nu", nu);
    params.put("symmetric", symmetric);
    params.put("target", target.label());
    return new Model("cp", params, species, loss, Map.of(), ROLES, List.of());
  }
}
