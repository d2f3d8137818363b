package org.gfd.simulate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.gfd.algebra.Monomial;
import org.gfd.algebra.Variable;
import org.gfd.error.InputException;
import org.gfd.model.Factor;
import org.gfd.model.IndexKind;
import org.gfd.model.Model;
import org.gfd.model.Species;
import org.gfd.model.TensorTerm;

/**
 * A model at concrete sizes: its loss, the loss's gradient and its observables as functions of the
 * trainable entries, computed by contracting the model's tensor terms with concrete arrays
 * ({@link Einsum}). This is the generic path: any model gfd can state is simulated with no code
 * of its own.
 *
 * <p>The state is the trainable species' entries, species after species in the model's order,
 * each row-major over its legs. Data species are drawn once per sample (Gaussian with their
 * variance) and then fixed; constant tensors are materialized (1 where their equations hold
 * modulo the size, else 0). A term {@code a * m * sum prod(factors)} ({@code m} its scale, such as
 * {@code 1/n}) contributes {@code a * m} times its contraction; labels on no factor are free sums
 * worth their size. The gradient of a term with respect to a trainable species is the sum over
 * the factors of that species of the contraction of the other factors, left open on that factor's
 * labels (a label repeated on the factor puts the result on a diagonal).
 *
 * <p>Contraction orders are planned once, here; evaluation is thread-safe (every call allocates
 * its own arrays), and the data of one sample are an argument ({@link Sample}).
 */
public final class ConcreteModel implements FlowModel {
  private final Model model;
  private final Map<Variable, Integer> sizes;
  private final Map<Variable, Double> values;
  private final List<Species> species;
  private final int[] offset;
  private final int dimension;
  private final Map<String, List<CompiledTerm>> observables = new LinkedHashMap<>();
  /** For each species number, the gradient pieces of the loss on it (empty unless trainable). */
  private final List<List<GradientPiece>> gradient = new ArrayList<>();

  /** One term's value: coefficient times contraction. */
  private record CompiledTerm(double coefficient, List<Integer> species, Einsum plan) {}

  /** One term's share of a species' gradient: coefficient times an open contraction, placed on a factor's labels. */
  private record GradientPiece(double coefficient, List<Integer> species, Einsum plan, List<String> factorLabels) {}

  /**
   * {@code model} with every size and symbol given a value.
   *
   * @param sizes the size of every index kind the model uses ({@code p}, {@code H}, ...), positive
   * @param values the value of every other symbol the model uses (variances, ...)
   * @throws InputException when a size or value is missing or out of range
   */
  public ConcreteModel(Model model, Map<Variable, Integer> sizes, Map<Variable, Double> values) {
    this.model = model;
    this.sizes = Map.copyOf(sizes);
    this.values = Map.copyOf(values);
    this.species = model.species();
    this.offset = new int[species.size()];
    int at = 0;
    for (int s = 0; s < species.size(); s++) {
      offset[s] = at;
      if (species.get(s).trainable()) {
        if ((long) at + entries(species.get(s)) > MAX_ENTRIES) {
          throw new InputException("the trainable tensors would have more than " + MAX_ENTRIES + " entries at these sizes");
        }
        at += entries(species.get(s));
      }
      gradient.add(new ArrayList<>());
    }
    this.dimension = at;
    observables.put(Model.LOSS, compile(model.loss()));
    model.observables().forEach((name, terms) -> observables.put(name, compile(terms)));
    for (TensorTerm t : model.loss()) {
      compileGradient(t);
    }
  }

  /** The sizes of the legs of the model's first species ({@code H, p} for CP). */
  int[] sizesOfFirstSpecies() {
    return species.get(0).legKinds().stream().mapToInt(this::size).toArray();
  }

  /** The number of trainable entries: the dimension of the flow. */
  @Override
  public int dimension() {
    return dimension;
  }

  /** The observables' names, the loss first. */
  @Override
  public List<String> observableNames() {
    return List.copyOf(observables.keySet());
  }

  private int size(IndexKind k) {
    Integer n = sizes.get(k.size());
    if (n == null || n < 1) {
      throw new InputException("the size " + k.size() + " needs a positive value" + (n == null ? " (give it, e.g. --" + k.size() + " or --value " + k.size() + "=...)" : ", got " + n));
    }
    return n;
  }

  private double value(Monomial m) {
    double v = 1;
    for (Map.Entry<Variable, Integer> e : m.powers().entrySet()) {
      Integer n = sizes.get(e.getKey());
      Double x = n != null ? Double.valueOf(n) : values.get(e.getKey());
      if (x == null) {
        throw new InputException("the symbol " + e.getKey() + " needs a value");
      }
      v *= Math.pow(x, e.getValue());
    }
    return v;
  }

  /** The number of entries of {@code sp}; an {@link InputException} past {@link #MAX_ENTRIES}. */
  private int entries(Species sp) {
    long n = 1;
    for (IndexKind k : sp.legKinds()) {
      n *= size(k);
      if (n > MAX_ENTRIES) {
        throw new InputException("tensor " + sp.name() + " would have more than " + MAX_ENTRIES + " entries at these sizes");
      }
    }
    return (int) n;
  }

  /** The most entries one tensor may have (a Java array's reach, with room for the state's). */
  public static final long MAX_ENTRIES = 500_000_000L;

  private Map<String, Integer> labelSizes(TensorTerm t) {
    Map<String, Integer> out = new LinkedHashMap<>();
    t.indexKinds().forEach((l, k) -> out.put(l, size(k)));
    return out;
  }


  /** Free sums: the labels of {@code t} that no factor carries and {@code open} does not keep. */
  private double freeSums(TensorTerm t, List<Factor> factors, Set<String> open) {
    Set<String> used = new LinkedHashSet<>(open);
    factors.forEach(f -> used.addAll(f.indices()));
    double v = 1;
    for (Map.Entry<String, IndexKind> e : t.indexKinds().entrySet()) {
      if (!used.contains(e.getKey())) {
        v *= size(e.getValue());
      }
    }
    return v;
  }

  private List<CompiledTerm> compile(List<TensorTerm> terms) {
    List<CompiledTerm> out = new ArrayList<>();
    for (TensorTerm t : terms) {
      double c = t.coefficient().doubleValue() * value(t.scale()) * freeSums(t, t.factors(), Set.of());
      List<Integer> sp = t.factors().stream().map(f -> species.indexOf(f.species())).toList();
      Einsum plan = new Einsum(t.factors().stream().map(Factor::indices).toList(), List.of(), labelSizes(t));
      out.add(new CompiledTerm(c, sp, plan));
    }
    return out;
  }

  private void compileGradient(TensorTerm t) {
    List<Factor> factors = t.factors();
    for (int k = 0; k < factors.size(); k++) {
      Factor f = factors.get(k);
      if (!f.species().trainable()) {
        continue;
      }
      List<Factor> others = new ArrayList<>(factors);
      others.remove(k);
      List<String> open = new ArrayList<>(new LinkedHashSet<>(f.indices()));
      double c = t.coefficient().doubleValue() * value(t.scale()) * freeSums(t, others, new LinkedHashSet<>(open));
      List<Integer> sp = others.stream().map(o -> species.indexOf(o.species())).toList();
      Einsum plan = new Einsum(others.stream().map(Factor::indices).toList(), open, labelSizes(t));
      gradient.get(species.indexOf(f.species())).add(new GradientPiece(c, sp, plan, f.indices()));
    }
  }

  /** A sample's data: Gaussian data species from {@code random}, constant tensors materialized. */
  @Override
  public Sample sample(RandomGenerator random) {
    List<double[]> arrays = new ArrayList<>();
    for (Species sp : species) {
      if (sp.trainable()) {
        arrays.add(null);
      } else if (sp.gaussian()) {
        arrays.add(gaussian(sp, random));
      } else {
        arrays.add(constant(sp));
      }
    }
    return new Sample(arrays);
  }

  /** Initial trainable entries, iid Gaussian with each species' variance. */
  @Override
  public double[] initialState(RandomGenerator random) {
    double[] y = new double[dimension];
    for (int s = 0; s < species.size(); s++) {
      Species sp = species.get(s);
      if (sp.trainable()) {
        System.arraycopy(gaussian(sp, random), 0, y, offset[s], entries(sp));
      }
    }
    return y;
  }

  private double[] gaussian(Species sp, RandomGenerator random) {
    double sd = Math.sqrt(value(sp.variance()));
    if (!(sd > 0) || Double.isInfinite(sd)) {
      throw new InputException("the variance of " + sp.name() + " must be positive and finite, got " + sd * sd);
    }
    double[] a = new double[entries(sp)];
    for (int i = 0; i < a.length; i++) {
      a[i] = sd * random.nextGaussian();
    }
    return a;
  }

  private double[] constant(Species sp) {
    int q = size(sp.legKinds().get(0));
    int arity = sp.arity();
    double[] a = new double[entries(sp)];
    int[] idx = new int[arity];
    for (int i = 0; i < a.length; i++) {
      boolean holds = true;
      for (List<Integer> row : sp.constraint().rows()) {
        long sum = 0;
        for (int k = 0; k < arity; k++) {
          sum += (long) row.get(k) * idx[k];
        }
        holds &= Math.floorMod(sum, q) == 0;
      }
      a[i] = holds ? 1 : 0;
      for (int k = arity - 1; k >= 0 && ++idx[k] == q; k--) {
        idx[k] = 0;
      }
    }
    return a;
  }

  /**
   * Every species' entries at state {@code y}: the trainable ones copied out of {@code y} once per
   * evaluation (each is a factor of many terms), the others from the sample.
   */
  private double[][] entriesAt(double[] y, Sample sample) {
    double[][] out = new double[species.size()][];
    for (int s = 0; s < out.length; s++) {
      Species sp = species.get(s);
      if (sp.trainable()) {
        out[s] = new double[entries(sp)];
        System.arraycopy(y, offset[s], out[s], 0, out[s].length);
      } else {
        out[s] = sample.arrays().get(s);
      }
    }
    return out;
  }

  /** The arrays of a term's factors, in order. */
  private static List<double[]> arrays(List<Integer> factorSpecies, double[][] entries) {
    List<double[]> out = new ArrayList<>(factorSpecies.size());
    for (int s : factorSpecies) {
      out.add(entries[s]);
    }
    return out;
  }

  /** The value of the observable {@code name} ({@code loss} or one of the model's) at state {@code y}. */
  @Override
  public double observable(String name, double[] y, Sample sample) {
    List<CompiledTerm> terms = observables.get(name);
    if (terms == null) {
      model.observable(name); // throws with the list of observables
    }
    double[][] entries = entriesAt(y, sample);
    double v = 0;
    for (CompiledTerm t : terms) {
      v += t.coefficient() * t.plan().evaluate(arrays(t.species(), entries))[0];
    }
    return v;
  }

  /** The gradient of the loss with respect to the trainable entries, at state {@code y}. */
  @Override
  public double[] gradient(double[] y, Sample sample) {
    double[][] entries = entriesAt(y, sample);
    double[] g = new double[dimension];
    for (int s = 0; s < species.size(); s++) {
      for (GradientPiece piece : gradient.get(s)) {
        double[] open = piece.plan().evaluate(arrays(piece.species(), entries));
        place(g, offset[s], species.get(s), piece.factorLabels(), piece.plan().output(), open, piece.coefficient());
      }
    }
    return g;
  }

  /**
   * Adds {@code c * open[distinct labels]} to the species' block of {@code g} at every entry whose
   * indices, read through {@code factorLabels}, are consistent (equal where a label repeats).
   */
  private void place(double[] g, int at, Species sp, List<String> factorLabels, List<String> openLabels,
      double[] open, double c) {
    int arity = sp.arity();
    int[] dims = new int[arity];
    for (int k = 0; k < arity; k++) {
      dims[k] = size(sp.legKinds().get(k));
    }
    boolean distinct = new LinkedHashSet<>(factorLabels).size() == arity;
    if (distinct && factorLabels.equals(openLabels)) {
      for (int i = 0; i < open.length; i++) {
        g[at + i] += c * open[i];
      }
      return;
    }
    int[] pos = new int[arity];
    for (int k = 0; k < arity; k++) {
      pos[k] = openLabels.indexOf(factorLabels.get(k));
    }
    int[] idx = new int[arity];
    int total = entries(sp);
    for (int i = 0; i < total; i++) {
      int[] value = new int[openLabels.size()];
      Arrays.fill(value, -1);
      boolean ok = true;
      for (int k = 0; k < arity && ok; k++) {
        if (value[pos[k]] < 0) {
          value[pos[k]] = idx[k];
        } else {
          ok = value[pos[k]] == idx[k];
        }
      }
      if (ok) {
        int o = 0;
        for (int j = 0; j < value.length; j++) {
          o = o * sizes.get(sizeOf(openLabels.get(j), factorLabels, sp)) + value[j];
        }
        g[at + i] += c * open[o];
      }
      for (int k = arity - 1; k >= 0 && ++idx[k] == dims[k]; k--) {
        idx[k] = 0;
      }
    }
  }

  /** The size variable of the leg of {@code sp} that carries {@code label}. */
  private static Variable sizeOf(String label, List<String> factorLabels, Species sp) {
    return sp.legKinds().get(factorLabels.indexOf(label)).size();
  }
}
