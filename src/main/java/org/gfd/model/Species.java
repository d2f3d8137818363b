package org.gfd.model;

import java.util.List;
import java.util.Objects;
import org.gfd.algebra.Monomial;

/**
 * A tensor species: a tensor whose entries are iid centred Gaussians at {@code t = 0} (trainable
 * parameters, or data), or a constant tensor defined by linear equations over {@code Z_p}
 * (never trained, never averaged over).
 *
 * @param name the tensor's name ({@code U1}, {@code X}, ...)
 * @param legKinds the kind of each of its ordered indices
 * @param trainable whether gradient flow moves it (parameters) or not (data, constants)
 * @param variance the variance of each entry, a monomial such as {@code sigma2} or {@code 1}
 *     ({@code 1} for a constant tensor)
 * @param constraint the equations of a constant tensor; null for a Gaussian species
 */
public record Species(String name, List<IndexKind> legKinds, boolean trainable, Monomial variance,
    LinearConstraint constraint) {
  public Species {
    Objects.requireNonNull(name);
    legKinds = List.copyOf(legKinds);
    Objects.requireNonNull(variance);
    if (legKinds.isEmpty()) {
      throw new IllegalArgumentException("species " + name + " has no indices");
    }
    if (constraint != null) {
      if (trainable || !variance.equals(Monomial.ONE)) {
        throw new IllegalArgumentException("constant tensor " + name + " is neither trained nor random");
      }
      if (constraint.arity() != legKinds.size() || legKinds.stream().distinct().count() != 1) {
        throw new IllegalArgumentException("constant tensor " + name + " needs one coefficient per leg and legs of one kind");
      }
    }
  }

  /** A Gaussian species. */
  public Species(String name, List<IndexKind> legKinds, boolean trainable, Monomial variance) {
    this(name, legKinds, trainable, variance, null);
  }

  /** A constant tensor: 1 where the equations of {@code constraint} hold modulo the legs' size, else 0. */
  public static Species constant(String name, List<IndexKind> legKinds, LinearConstraint constraint) {
    return new Species(name, legKinds, false, Monomial.ONE, Objects.requireNonNull(constraint));
  }

  /** Whether the entries are Gaussian (a parameter or data), not a constant tensor. */
  public boolean gaussian() {
    return constraint == null;
  }

  /** The number of indices. */
  public int arity() {
    return legKinds.size();
  }
}
