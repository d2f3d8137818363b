package org.gfd.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gfd.algebra.Monomial;
import org.gfd.algebra.Rational;

/**
 * A scalar sum of products: {@code coefficient * scale * sum over all index values of prod(factors)}.
 * Each index label has a kind; a label that appears in no factor still ranges over its kind
 * (so {@code sum_i 1 = p}). Labels shared between factors are equal indices: this is how delta
 * tensors are written.
 *
 * @param coefficient exact rational prefactor
 * @param scale a Laurent monomial prefactor in the sizes and variances, such as {@code 1/n}
 *     ({@code 1} when there is none; positive powers of sizes may also be written as free labels)
 * @param factors the tensor entries multiplied
 * @param indexKinds the kind of every index label used (and of free labels)
 */
public record TensorTerm(Rational coefficient, Monomial scale, List<Factor> factors, Map<String, IndexKind> indexKinds) {
  /** A term without a monomial prefactor. */
  public TensorTerm(Rational coefficient, List<Factor> factors, Map<String, IndexKind> indexKinds) {
    this(coefficient, Monomial.ONE, factors, indexKinds);
  }

  public TensorTerm {
    Objects.requireNonNull(coefficient);
    Objects.requireNonNull(scale);
    factors = List.copyOf(factors);
    indexKinds = Collections.unmodifiableMap(new LinkedHashMap<>(indexKinds));
    for (Factor f : factors) {
      for (int k = 0; k < f.indices().size(); k++) {
        String label = f.indices().get(k);
        IndexKind kind = indexKinds.get(label);
        if (kind == null) {
          throw new IllegalArgumentException("index " + label + " of " + f.species().name()
              + " has no kind");
        }
        if (!kind.equals(f.species().legKinds().get(k))) {
          throw new IllegalArgumentException("index " + label + " is of kind " + kind.name()
              + " but leg " + (k + 1) + " of " + f.species().name() + " is of kind "
              + f.species().legKinds().get(k).name());
        }
      }
    }
  }
}
