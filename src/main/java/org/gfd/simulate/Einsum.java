package org.gfd.simulate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gfd.error.InputException;

/**
 * A sum of products of dense real arrays over named indices (Einstein summation), evaluated by
 * pairwise contractions in an order chosen once by a greedy cost rule.
 *
 * <p>Definition. Given operands {@code A_1..A_k}, each with a list of index labels (a label may
 * repeat within an operand: a diagonal), and output labels {@code O}, the result is
 * {@code R[O] = sum over the other labels of prod_j A_j[labels_j]}; a label of {@code O} that no
 * operand has makes the result constant along it.
 *
 * <p>Order (opt_einsum's "greedy"): repeatedly contract the pair of current operands whose
 * result is smallest (fewest entries), ties broken by the work of the contraction, where the
 * result keeps a label exactly when the output or another operand still needs it. For CP's
 * {@code <T, T>} this finds the Gram route ({@code U_m U_m^T} first, then their elementwise
 * product), {@code O(nu H^2 p)} instead of {@code O(H p^nu)}. Cost of a pairwise step: the
 * product of the sizes of the distinct labels of the pair. A step that is a batch of matrix
 * products (no diagonal, every label summed appearing in both operands) of some size runs as
 * EJML matrix products ({@link Gemm}); any other step, as one odometer over its labels.
 * Immutable; {@link #evaluate} is thread-safe.
 */
final class Einsum {
  /** One pairwise step: operands {@code left} and {@code right} (positions in the working list) into one. */
  private record Step(int left, int right, List<String> keep) {}

  private final List<List<String>> operands;
  private final List<String> output;
  private final Map<String, Integer> sizes;
  private final List<Step> steps;

  /**
   * The plan for {@code operands} (each a list of labels) into {@code output} (distinct labels),
   * every label's size in {@code sizes}.
   */
  Einsum(List<List<String>> operands, List<String> output, Map<String, Integer> sizes) {
    this.operands = operands.stream().map(List::copyOf).toList();
    this.output = List.copyOf(output);
    this.sizes = Map.copyOf(sizes);
    if (new LinkedHashSet<>(output).size() != output.size()) {
      throw new IllegalArgumentException("output labels repeat: " + output);
    }
    this.steps = plan();
  }

  private List<Step> plan() {
    List<List<String>> work = new ArrayList<>();
    for (List<String> op : operands) {
      work.add(new ArrayList<>(new LinkedHashSet<>(op)));
    }
    List<Step> out = new ArrayList<>();
    while (work.size() > 1) {
      int bestI = -1;
      int bestJ = -1;
      List<String> bestKeep = null;
      double bestSize = Double.POSITIVE_INFINITY;
      double bestWork = Double.POSITIVE_INFINITY;
      for (int i = 0; i < work.size(); i++) {
        for (int j = i + 1; j < work.size(); j++) {
          List<String> keep = kept(work, i, j);
          double size = volume(keep);
          Set<String> all = new LinkedHashSet<>(work.get(i));
          all.addAll(work.get(j));
          double cost = volume(all);
          if (size < bestSize || (size == bestSize && cost < bestWork)) {
            bestI = i;
            bestJ = j;
            bestKeep = keep;
            bestSize = size;
            bestWork = cost;
          }
        }
      }
      out.add(new Step(bestI, bestJ, bestKeep));
      work.remove(bestJ);
      work.set(bestI, new ArrayList<>(bestKeep));
    }
    return out;
  }

  /** The labels of operands {@code i} and {@code j} that the output or another operand needs. */
  private List<String> kept(List<List<String>> work, int i, int j) {
    Set<String> keep = new LinkedHashSet<>();
    for (int w : new int[] {i, j}) {
      for (String l : work.get(w)) {
        boolean needed = output.contains(l);
        for (int k = 0; k < work.size() && !needed; k++) {
          needed = k != i && k != j && work.get(k).contains(l);
        }
        if (needed) {
          keep.add(l);
        }
      }
    }
    return new ArrayList<>(keep);
  }

  private double volume(Iterable<String> labels) {
    double v = 1;
    for (String l : labels) {
      v *= sizes.get(l);
    }
    return v;
  }

  /**
   * {@code R[output]} for these operand arrays (row-major, in the order of their labels), as a
   * row-major array over {@link #output()}.
   */
  double[] evaluate(List<double[]> arrays) {
    if (arrays.size() != operands.size()) {
      throw new IllegalArgumentException("expected " + operands.size() + " arrays, got " + arrays.size());
    }
    List<List<String>> labels = new ArrayList<>(operands);
    List<double[]> data = new ArrayList<>(arrays);
    if (labels.isEmpty()) {
      labels.add(List.of());
      data.add(new double[] {1});
    }
    for (Step s : steps) {
      double[] r = contract(labels.get(s.left()), data.get(s.left()), labels.get(s.right()), data.get(s.right()), s.keep());
      labels.remove(s.right());
      data.remove(s.right());
      labels.set(s.left(), s.keep());
      data.set(s.left(), r);
    }
    // the last operand against the scalar 1: sums what the output does not keep, adds what it lacks
    return contract(labels.get(0), data.get(0), List.of(), new double[] {1}, output);
  }

  List<String> output() {
    return output;
  }

  /**
   * {@code R[keep] = sum over the other labels of A[a] B[b]}: one odometer over the distinct labels
   * of {@code a}, {@code b} and {@code keep}, each operand stepping by the sum of the strides of
   * the positions a label holds in it (so a repeated label reads a diagonal).
   */
  private double[] contract(List<String> a, double[] av, List<String> b, double[] bv, List<String> keep) {
    double[] product = Gemm.contract(a, av, b, bv, keep, sizes);
    if (product != null) {
      return product;
    }
    List<String> all = new ArrayList<>(new LinkedHashSet<>(keep));
    for (String l : a) {
      if (!all.contains(l)) {
        all.add(l);
      }
    }
    for (String l : b) {
      if (!all.contains(l)) {
        all.add(l);
      }
    }
    int n = all.size();
    int[] dims = new int[n];
    for (int i = 0; i < n; i++) {
      dims[i] = sizes.get(all.get(i));
    }
    long[] sa = strides(a, all);
    long[] sb = strides(b, all);
    long[] sr = strides(keep, all);
    double[] r = new double[entries(keep, sizes)];
    int[] idx = new int[n];
    long ia = 0;
    long ib = 0;
    long ir = 0;
    for (int d : dims) {
      if (d == 0) {
        return r;
      }
    }
    while (true) {
      r[(int) ir] += av[(int) ia] * bv[(int) ib];
      int k = n - 1;
      while (k >= 0) {
        idx[k]++;
        ia += sa[k];
        ib += sb[k];
        ir += sr[k];
        if (idx[k] < dims[k]) {
          break;
        }
        ia -= sa[k] * dims[k];
        ib -= sb[k] * dims[k];
        ir -= sr[k] * dims[k];
        idx[k] = 0;
        k--;
      }
      if (k < 0) {
        return r;
      }
    }
  }

  /**
   * The number of entries of an array over {@code labels}.
   *
   * @throws InputException when it is above {@link ConcreteModel#MAX_ENTRIES}
   */
  static int entries(List<String> labels, Map<String, Integer> sizes) {
    long n = 1;
    for (String l : labels) {
      n *= sizes.get(l);
      if (n > ConcreteModel.MAX_ENTRIES) {
        throw new InputException("a contraction of the model's terms would hold more than " + ConcreteModel.MAX_ENTRIES
            + " entries at these sizes (labels " + labels + ")");
      }
    }
    return (int) n;
  }

  /** For each label of {@code all}, its stride in a row-major array over {@code labels} (summed over repeats). */
  private long[] strides(List<String> labels, List<String> all) {
    long[] out = new long[all.size()];
    long stride = 1;
    for (int p = labels.size() - 1; p >= 0; p--) {
      out[all.indexOf(labels.get(p))] += stride;
      stride *= sizes.get(labels.get(p));
    }
    return out;
  }

  @Override
  public String toString() {
    return operands + " -> " + output + " by " + steps.size() + " pairwise steps " + Arrays.toString(steps.toArray());
  }
}
