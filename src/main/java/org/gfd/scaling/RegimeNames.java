package org.gfd.scaling;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gfd.algebra.Monomial;
import org.gfd.algebra.Variable;
import org.gfd.model.RegimeRoles;

/**
 * Names of the known regimes (docs/specification.md &sect;5.2), recognized from what a cell's limit is made of:
 * <ul>
 *   <li><b>NTK/lazy</b>: the target term ({@code c_0} led by a monomial of the target sizes alone,
 *       {@code p} for CP) sets the normalization, every order survives and the limit is geometric,
 *       {@code hat c_s = hat c_0 lambda^s} (exponential decay);
 *   <li><b>lazy, initial output dominates</b>: the same with the model's initial output setting
 *       the normalization;
 *   <li><b>free evolution</b>: the model's output sets the normalization, every order survives and
 *       every leading monomial has the power of the components size ({@code H} for CP) of
 *       {@code c_0}'s (one sum over components: they do not interact);
 *   <li><b>no stable time scale</b>: a single order {@code s >= 2} survives; the time scale is
 *       then set by the highest orders computed and drifts as {@code S} grows (the orders' exponents
 *       grow sublinearly in {@code s}, so {@code (e - E_s)/s} keeps falling: the loss sits on a
 *       plateau on every power-law time scale);
 *   <li><b>mean-field</b> (vertices of the map only): the target and the model's output tie in
 *       {@code c_0} and every order survives, with several leading monomials per order.
 * </ul>
 * Anything else is left {@link RegimeName#UNNAMED} and described by its data. The target's share
 * and the components are the model's {@link RegimeRoles}; a model without them gets only the
 * names that need neither (a drifting time scale).
 */
final class RegimeNames {
  private RegimeNames() {}

  /** The name of a full-dimensional cell, {@link RegimeName#UNNAMED} when none applies. */
  static RegimeName name(RegimeCell cell, Optional<RegimeRoles> roles) {
    int maxOrder = cell.limit().size() - 1;
    List<Integer> surviving = cell.survivingOrders();
    if (surviving.size() == 1 && surviving.get(0) >= 2) {
      return RegimeName.DRIFTING;
    }
    if (surviving.size() != maxOrder || maxOrder < 1 || roles.isEmpty()) {
      return RegimeName.UNNAMED;
    }
    Monomial norm = cell.leading().get(0);
    boolean geometric = LimitShape.of(cell.limit()) == LimitShape.GEOMETRIC;
    if (roles.get().isTargetTerm(norm)) {
      return geometric ? RegimeName.NTK : RegimeName.UNNAMED;
    }
    Variable components = roles.get().components();
    int h = norm.exponent(components);
    boolean oneSum = cell.leading().values().stream().allMatch(m -> m.exponent(components) == h);
    if (oneSum) {
      return RegimeName.FREE;
    }
    return geometric ? RegimeName.LAZY_OUTPUT : RegimeName.UNNAMED;
  }

  /** The name of a vertex of the map from the limit there, {@link RegimeName#UNNAMED} when none applies. */
  static RegimeName vertexName(RayLimit limit, int maxOrder, Optional<RegimeRoles> roles) {
    if (roles.isEmpty()) {
      return RegimeName.UNNAMED;
    }
    Set<Monomial> norms = limit.leadingMonomials().get(0);
    boolean targetTies = norms.stream().anyMatch(roles.get()::isTargetTerm)
        && norms.stream().anyMatch(m -> !roles.get().isTargetTerm(m));
    boolean allOrders = limit.survivingOrders().size() == maxOrder && maxOrder >= 1;
    boolean rich = limit.leadingMonomials().stream().skip(1).anyMatch(s -> s.size() > 1);
    return targetTies && allOrders && rich ? RegimeName.MEAN_FIELD : RegimeName.UNNAMED;
  }
}
