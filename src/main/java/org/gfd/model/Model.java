package org.gfd.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A model trained by gradient flow: its tensor species and its loss {@code L}, a sum of tensor
 * terms. The observable of the loss series is the loss itself.
 *
 * @param name short name ({@code cp})
 * @param parameters the options that define it, for reports ({@code nu}, {@code symmetric}, ...)
 * @param species all tensor species, trainable or not
 * @param loss the loss as a sum of tensor terms
 */
public record Model(String name, Map<String, Object> parameters, List<Species> species,
    List<TensorTerm> loss) {
  public Model {
    Objects.requireNonNull(name);
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    species = List.copyOf(species);
    loss = List.copyOf(loss);
    for (TensorTerm t : loss) {
      for (Factor f : t.factors()) {
        if (!species.contains(f.species())) {
          throw new IllegalArgumentException("loss uses undeclared species " + f.species().name());
        }
      }
    }
  }

  /** A one-line description, such as {@code cp nu=3 symmetric=false target=identity}. */
  public String describe() {
    StringBuilder sb = new StringBuilder(name);
    parameters.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
    return sb.toString();
  }
}
