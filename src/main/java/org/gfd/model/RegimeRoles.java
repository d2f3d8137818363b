package org.gfd.model;

import java.util.Objects;
import java.util.Set;
import org.gfd.algebra.Monomial;
import org.gfd.algebra.Variable;

/**
 * What a model's regimes are named from. The naming rules (NTK/lazy, lazy with the initial output
 * dominating, free evolution, mean-field; docs/specification.md &sect;5.2) were first stated for CP
 * tensor decomposition and read two roles off the leading monomials: which part of the loss is
 * the target's (the monomials of {@code c_0} made of the {@link #target} sizes alone, {@code p}
 * for CP's {@code p/2}), and which size counts independent components ({@code H} for CP: cells
 * whose leading monomials all carry {@code c_0}'s power of it are sums over non-interacting
 * components). A model declares the roles in its file ({@code regimes (target = p, components = H)});
 * without them only the model-independent names (a drifting time scale) are given.
 *
 * @param target the sizes whose monomials make up the target's share of the loss
 * @param components the size counting the model's independent components
 */
public record RegimeRoles(Set<Variable> target, Variable components) {
  public RegimeRoles {
    target = Set.copyOf(target);
    Objects.requireNonNull(components);
    if (target.isEmpty()) {
      throw new IllegalArgumentException("the target's share needs at least one size");
    }
  }

  /** Whether {@code m} is made of the target's sizes alone: a term of the target's share. */
  public boolean isTargetTerm(Monomial m) {
    return target.containsAll(m.powers().keySet());
  }
}
