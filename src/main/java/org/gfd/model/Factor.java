package org.gfd.model;

import java.util.List;
import java.util.Objects;

/**
 * One tensor entry in a product, such as {@code U1[h, i1]}.
 *
 * @param species the tensor
 * @param indices the index labels, one per leg of the species
 */
public record Factor(Species species, List<String> indices) {
  public Factor {
    Objects.requireNonNull(species);
    indices = List.copyOf(indices);
    if (indices.size() != species.arity()) {
      throw new IllegalArgumentException(species.name() + " takes " + species.arity()
          + " indices, got " + indices.size());
    }
  }
}
