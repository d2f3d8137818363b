package org.gfd.network;

import java.util.ArrayList;
import java.util.List;
import org.gfd.model.IndexKind;
import org.gfd.model.Model;
import org.gfd.model.Species;
import org.gfd.model.TensorTerm;

/**
 * The species and index kinds of one model, numbered: networks refer to species and kinds by
 * these numbers. Immutable.
 */
public final class SpeciesTable {
  private final List<Species> species;
  private final List<IndexKind> kinds;
  private final int[][] legKind;

  SpeciesTable(List<Species> species, List<IndexKind> kinds) {
    this.species = List.copyOf(species);
    this.kinds = List.copyOf(kinds);
    this.legKind = new int[species.size()][];
    for (int s = 0; s < species.size(); s++) {
      Species sp = species.get(s);
      legKind[s] = new int[sp.arity()];
      for (int k = 0; k < sp.arity(); k++) {
        legKind[s][k] = kinds.indexOf(sp.legKinds().get(k));
      }
    }
  }

  /** The table of a model: its species in declaration order, and every index kind it uses. */
  public static SpeciesTable of(Model model) {
    List<IndexKind> kinds = new ArrayList<>();
    for (Species s : model.species()) {
      for (IndexKind k : s.legKinds()) {
        if (!kinds.contains(k)) {
          kinds.add(k);
        }
      }
    }
    List<TensorTerm> terms = new ArrayList<>(model.loss());
    model.observables().values().forEach(terms::addAll);
    terms.forEach(t -> t.indexKinds().values().forEach(k -> {
      if (!kinds.contains(k)) {
        kinds.add(k);
      }
    }));
    return new SpeciesTable(model.species(), kinds);
  }

  /**
   * The same species, each Gaussian one with one more leg of kind {@code extra} at the end (used
   * to mark Wick pairs in diagrams; constant tensors are not paired and stay as they are).
   */
  public SpeciesTable withExtraLeg(IndexKind extra) {
    List<Species> widened = new ArrayList<>();
    for (Species s : species) {
      if (!s.gaussian()) {
        widened.add(s);
        continue;
      }
      List<IndexKind> legs = new ArrayList<>(s.legKinds());
      legs.add(extra);
      widened.add(new Species(s.name(), legs, s.trainable(), s.variance()));
    }
    List<IndexKind> allKinds = new ArrayList<>(kinds);
    if (!allKinds.contains(extra)) {
      allKinds.add(extra);
    }
    return new SpeciesTable(widened, allKinds);
  }

  public int speciesCount() {
    return species.size();
  }

  public Species species(int id) {
    return species.get(id);
  }

  /** The number of a species; throws when it is not in the table. */
  public int id(Species s) {
    int i = species.indexOf(s);
    if (i < 0) {
      throw new IllegalArgumentException("unknown species " + s.name());
    }
    return i;
  }

  public int arity(int speciesId) {
    return legKind[speciesId].length;
  }

  /** The kind number of leg {@code k} of species {@code speciesId}. */
  public int legKind(int speciesId, int k) {
    return legKind[speciesId][k];
  }

  public boolean trainable(int speciesId) {
    return species.get(speciesId).trainable();
  }

  /** Whether species {@code speciesId} is Gaussian (paired by Wick's theorem), not a constant tensor. */
  public boolean gaussian(int speciesId) {
    return species.get(speciesId).gaussian();
  }

  /** Whether some species is a constant tensor. */
  public boolean hasConstants() {
    return species.stream().anyMatch(s -> !s.gaussian());
  }

  public int kindCount() {
    return kinds.size();
  }

  public IndexKind kind(int id) {
    return kinds.get(id);
  }

  /** The number of a kind; throws when it is not in the table. */
  public int kindId(IndexKind k) {
    int i = kinds.indexOf(k);
    if (i < 0) {
      throw new IllegalArgumentException("unknown index kind " + k.name());
    }
    return i;
  }
}
