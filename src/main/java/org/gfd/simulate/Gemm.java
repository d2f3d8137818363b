package org.gfd.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * One pairwise step of {@link Einsum} as a batch of matrix products, when it is one: with the
 * labels of the two operands split into batch (in both and in the result), left (first operand
 * and result), right (second operand and result) and summed (both operands, not the result),
 * {@code R[batch, left, right] = sum_summed A[batch, left, summed] B[batch, summed, right]}, each
 * batch entry one EJML product of a {@code left x summed} and a {@code summed x right} matrix
 * (operands and result permuted to and from that layout when their labels are in another order).
 * That is the BLAS route of opt_einsum; EJML's product is blocked for the cache, which the
 * odometer is not.
 */
final class Gemm {
  /** Below this many multiply-adds per batch entry, the odometer is as quick. */
  static final long MIN_WORK = 4096;

  private Gemm() {}

  /**
   * The step's result over {@code keep} (row-major), or null when the step is not a batch of
   * matrix products worth it: a repeated label, a label summed in one operand only, a result label
   * in neither, nothing summed, or less than {@link #MIN_WORK} work per product.
   */
  static double[] contract(List<String> a, double[] av, List<String> b, double[] bv, List<String> keep,
      Map<String, Integer> sizes) {
    if (distinct(a) < a.size() || distinct(b) < b.size()) {
      return null;
    }
    List<String> batch = new ArrayList<>();
    List<String> left = new ArrayList<>();
    List<String> right = new ArrayList<>();
    List<String> summed = new ArrayList<>();
    for (String l : keep) {
      boolean inA = a.contains(l);
      boolean inB = b.contains(l);
      if (inA && inB) {
        batch.add(l);
      } else if (inA) {
        left.add(l);
      } else if (inB) {
        right.add(l);
      } else {
        return null;
      }
    }
    for (String l : a) {
      if (!keep.contains(l)) {
        if (!b.contains(l)) {
          return null;
        }
        summed.add(l);
      }
    }
    for (String l : b) {
      if (!keep.contains(l) && !a.contains(l)) {
        return null;
      }
    }
    int nb = Einsum.entries(batch, sizes);
    int nl = Einsum.entries(left, sizes);
    int nr = Einsum.entries(right, sizes);
    int ns = Einsum.entries(summed, sizes);
    if (summed.isEmpty() || (long) nl * nr * ns < MIN_WORK) {
      return null;
    }
    int resultSize = Einsum.entries(keep, sizes);
    double[] ap = permute(av, a, concat(batch, left, summed), sizes);
    double[] bp = permute(bv, b, concat(batch, summed, right), sizes);
    double[] rp = new double[resultSize];
    DMatrixRMaj x = new DMatrixRMaj(nl, ns);
    DMatrixRMaj y = new DMatrixRMaj(ns, nr);
    DMatrixRMaj z = new DMatrixRMaj(nl, nr);
    for (int k = 0; k < nb; k++) {
      System.arraycopy(ap, k * nl * ns, x.data, 0, nl * ns);
      System.arraycopy(bp, k * ns * nr, y.data, 0, ns * nr);
      CommonOps_DDRM.mult(x, y, z);
      System.arraycopy(z.data, 0, rp, k * nl * nr, nl * nr);
    }
    return permute(rp, concat(batch, left, right), keep, sizes);
  }

  private static long distinct(List<String> labels) {
    return labels.stream().distinct().count();
  }

  @SafeVarargs
  private static List<String> concat(List<String>... parts) {
    List<String> out = new ArrayList<>();
    for (List<String> p : parts) {
      out.addAll(p);
    }
    return out;
  }

  /** The row-major array over {@code from} rewritten over {@code to} (the same distinct labels in another order). */
  static double[] permute(double[] data, List<String> from, List<String> to, Map<String, Integer> sizes) {
    if (from.equals(to)) {
      return data;
    }
    int n = to.size();
    int[] dims = new int[n];
    long[] stride = new long[n];
    for (int i = 0; i < n; i++) {
      dims[i] = sizes.get(to.get(i));
      long s = 1;
      for (int p = from.size() - 1; p > from.indexOf(to.get(i)); p--) {
        s *= sizes.get(from.get(p));
      }
      stride[i] = s;
    }
    double[] out = new double[data.length];
    int[] idx = new int[n];
    long src = 0;
    for (int dst = 0; dst < out.length; dst++) {
      out[dst] = data[(int) src];
      int k = n - 1;
      while (k >= 0) {
        idx[k]++;
        src += stride[k];
        if (idx[k] < dims[k]) {
          break;
        }
        src -= stride[k] * dims[k];
        idx[k] = 0;
        k--;
      }
    }
    return out;
  }
}
