package org.gfd.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.gfd.algebra.Variable;
import org.gfd.error.InputException;
import org.gfd.error.Messages;

/**
 * A model trained by gradient flow: its tensor species, its loss {@code L} (a sum of tensor
 * terms) and further named observables, each a sum of tensor terms whose series is taken while the
 * flow follows the loss.
 *
 * @param name short name ({@code cp})
 * @param parameters the options that define it, for reports ({@code nu}, {@code symmetric}, ...)
 * @param species all tensor species, trainable or not
 * @param loss the loss as a sum of tensor terms
 * @param observables further observables by name (never {@code loss}), in the model's order
 * @param regimeRoles what its regimes are named from, when the model says
 * @param queries the computations its file asks for, each the arguments of a {@code gfd} verb
 *     without the model ({@code verify --scale H=p^2,sigma2=p^(-3/2)}), run by {@code gfd run}
 * @param faceNames names of the regimes reached in given directions of the sizes' exponents
 *     ({@code face "large data" (n = 1)}), for the faces of a Newton polytope
 */
public record Model(String name, Map<String, Object> parameters, List<Species> species,
    List<TensorTerm> loss, Map<String, List<TensorTerm>> observables, Optional<RegimeRoles> regimeRoles,
    List<String> queries, List<FaceName> faceNames) {
  /** The loss's name among the observables. */
  public static final String LOSS = "loss";

  public Model {
    Objects.requireNonNull(name);
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    species = List.copyOf(species);
    loss = List.copyOf(loss);
    Map<String, List<TensorTerm>> copy = new LinkedHashMap<>();
    observables.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    observables = Collections.unmodifiableMap(copy);
    Objects.requireNonNull(regimeRoles);
    queries = List.copyOf(queries);
    faceNames = List.copyOf(faceNames);
    if (observables.containsKey(LOSS)) {
      throw new IllegalArgumentException("an observable may not be called loss");
    }
    checkSpecies(species, loss);
    for (List<TensorTerm> o : observables.values()) {
      checkSpecies(species, o);
    }
  }

  /** A model whose file names no faces. */
  public Model(String name, Map<String, Object> parameters, List<Species> species, List<TensorTerm> loss,
      Map<String, List<TensorTerm>> observables, Optional<RegimeRoles> regimeRoles, List<String> queries) {
    this(name, parameters, species, loss, observables, regimeRoles, queries, List.of());
  }

  /** The name the model gives to the face whose outer normal is {@code normal} (exponents of {@code axes}, in order), if any. */
  public Optional<String> faceName(List<Variable> axes, long[] normal) {
    return faceNames.stream().filter(f -> f.points(axes, normal)).map(FaceName::name).findFirst();
  }

  /**
   * The terms of the observable {@code name}: {@link #LOSS} or one of {@link #observables()}.
   *
   * @throws InputException when the model has no such observable (the message lists those it has)
   */
  public List<TensorTerm> observable(String name) {
    if (name.equals(LOSS)) {
      return loss;
    }
    List<TensorTerm> terms = observables.get(name);
    if (terms == null) {
      List<String> names = new ArrayList<>(List.of(LOSS));
      names.addAll(observables.keySet());
      throw new InputException("model " + this.name + " has no observable " + Messages.quote(name)
          + "; its observables are " + String.join(", ", names));
    }
    return terms;
  }

  /** A model whose only observable is its loss, without regime roles. */
  public Model(String name, Map<String, Object> parameters, List<Species> species, List<TensorTerm> loss) {
    this(name, parameters, species, loss, Map.of(), Optional.empty(), List.of());
  }

  private static void checkSpecies(List<Species> species, List<TensorTerm> terms) {
    for (TensorTerm t : terms) {
      for (Factor f : t.factors()) {
        if (!species.contains(f.species())) {
          throw new IllegalArgumentException("a term uses undeclared species " + f.species().name());
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
