package org.gfd.model;

import java.util.List;
import java.util.Objects;
import org.gfd.algebra.Monomial;

/**
 * A tensor species: a tensor whose entries are iid centred Gaussians at {@code t = 0}.
 *
 * @param name the tensor's name ({@code U1}, {@code X}, ...)
 * @param legKinds the kind of each of its ordered indices
 * @param trainable whether gradient flow moves it (parameters) or not (data)
 * @param variance the variance of each entry, a monomial such as {@code sigma2} or {@code 1}
 */
public record Species(String name, List<IndexKind> legKinds, boolean trainable, Monomial variance) {
  public Species {
    Objects.requireNonNull(name);
    legKinds = List.copyOf(legKinds);
    Objects.requireNonNull(variance);
    if (legKinds.isEmpty()) {
      throw new IllegalArgumentException("species " + name + " has no indices");
    }
  }

  /** The number of indices. */
  public int arity() {
    return legKinds.size();
  }
}
