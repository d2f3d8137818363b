package org.gfd.simulate;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.gfd.error.InputException;
import org.gfd.lang.ModelLoader;
import org.gfd.model.Model;
import org.gfd.network.NetworkSum;

/**
 * The fast path of CP (asymmetric or symmetric, zero or identity target) through the {@code H x H}
 * Gram matrices {@code G_m = U_m U_m^T}, never the {@code p^nu} tensor:
 * <pre>
 *   1/2 |T|^2 = 1/2 sum_{h,g} prod_m G_m[h,g],      grad_{U_m} = (prod_{m' != m} G_m') U_m   (Hadamard product),
 *   &lt;T, delta&gt; = sum_{h,i} prod_m U_m[h,i],       grad_{U_m} = prod_{m' != m} U_m'           (entrywise),
 * </pre>
 * with {@code 1/2 |delta|^2 = p/2}; for symmetric CP ({@code U_m = U}) the products become powers
 * and the gradients carry a factor {@code nu}. Cost per gradient: {@code nu} Gram matrices and
 * {@code nu} products of an {@code H x H} by an {@code H x p} matrix (EJML's dense row-major
 * kernels), {@code O(nu H^2 p)}.
 *
 * <p>When {@code H} is large against {@code p^(nu-1)} (the NTK side of the map) the tensor is the
 * smaller object, and the residual route is taken instead: {@code T} unfolded along mode 1 is
 * {@code U_1^T K_1}, with {@code K_m} the {@code H x p^(nu-1)} Khatri-Rao product of the other
 * factors (row {@code h} is the Kronecker product of their rows {@code h}); with
 * {@code R = T - T*}, the loss is {@code |R|^2 / 2} and {@code grad_{U_m} = K_m R_(m)^T},
 * {@code R_(m)} the mode-{@code m} unfolding: {@code O(nu H p^nu)}. The route of lower count of
 * products is taken ({@link #tensorRoute}). Used exactly when the model's loss is CP's (compared network by
 * network with the built-in file), with {@link ConcreteModel} for the draws, so both paths see the
 * same initial entries; the generic path is its test oracle.
 */
public final class CpGram extends FastPath {
  private final int nu;
  private final boolean symmetric;
  private final boolean identity;
  private final int p;
  private final int h;

  /** Whether the residual tensor route is the cheaper one at these sizes. */
  private final boolean tensorRoute;

  /**
   * Rows of the Khatri-Rao product the residual route builds at a time: the memory it needs stays
   * near {@link #BLOCK_ENTRIES} doubles whatever {@code H}, and the block is reused.
   */
  private final int blockRows;

  /** About 2 MB of doubles per block of the Khatri-Rao product (a cache-sized operand for the products). */
  private static final int BLOCK_ENTRIES = 1 << 18;

  private CpGram(ConcreteModel generic, int nu, boolean symmetric, boolean identity, int p, int h, int blockRows) {
    super(generic);
    this.blockRows = blockRows;
    this.nu = nu;
    this.symmetric = symmetric;
    this.identity = identity;
    this.p = p;
    this.h = h;
    // products per gradient: about 2 nu H^2 p by Gram matrices, (nu + 1) H p^nu by the residual
    double gram = 2.0 * nu * h * (double) h * p;
    double tensor = (nu + 1) * (double) h * Math.pow(p, nu);
    boolean tensorFits = Math.pow(p, nu) <= MAX_TENSOR && h * Math.pow(p, nu - 1) <= ConcreteModel.MAX_ENTRIES;
    boolean gramFits = (double) h * h <= ConcreteModel.MAX_ENTRIES;
    if (!tensorFits && !gramFits) {
      throw new InputException("CP at p = " + p + ", H = " + h + " is too large to simulate: neither its H x H Gram "
          + "matrices nor its p^" + nu + " tensor fit in an array");
    }
    this.tensorRoute = tensorFits && (tensor < gram || !gramFits);
  }

  /** The largest tensor the residual route materializes. */
  private static final double MAX_TENSOR = 5e7;

  /** Whether the residual route through the {@code p^nu} tensor is used (it is cheaper here). */
  public boolean tensorRoute() {
    return tensorRoute;
  }

  /** The fast path for {@code model} when its loss is that of a built-in CP model, else empty. */
  static Optional<CpGram> recognize(Model model, ConcreteModel generic) {
    int nu = model.loss().stream().mapToInt(t -> t.factors().size()).max().orElse(0) / 2;
    boolean symmetric = model.species().size() == 1;
    if (nu < 2 || nu > 64 || !model.observables().isEmpty()) {
      return Optional.empty();
    }
    for (String target : List.of("", "-zero")) {
      Model reference = ModelLoader.builtIn("cp" + (symmetric ? "-symmetric" : "") + target, Map.of("nu", nu));
      if (NetworkSum.sameLoss(reference, model)) {
        int[] sizes = generic.sizesOfFirstSpecies();
        int cols = (int) Math.min(Integer.MAX_VALUE, Math.pow(sizes[1], nu - 1));
        return Optional.of(new CpGram(generic, nu, symmetric, target.isEmpty(), sizes[1], sizes[0],
            Math.max(1, BLOCK_ENTRIES / cols)));
      }
    }
    return Optional.empty();
  }

  /** The same path with the residual route's Khatri-Rao product built {@code rows} rows at a time (tests cross block edges with it). */
  CpGram withBlockRows(int rows) {
    return new CpGram(generic, nu, symmetric, identity, p, h, rows);
  }

  /** Factor matrix {@code m} ({@code H x p}) of state {@code y}. */
  private DMatrixRMaj factor(double[] y, int m) {
    DMatrixRMaj u = new DMatrixRMaj(h, p);
    System.arraycopy(y, symmetric ? 0 : m * h * p, u.data, 0, h * p);
    return u;
  }

  /** The factor matrices of {@code y} (one for symmetric CP). */
  private DMatrixRMaj[] factors(double[] y) {
    DMatrixRMaj[] u = new DMatrixRMaj[symmetric ? 1 : nu];
    for (int m = 0; m < u.length; m++) {
      u[m] = factor(y, m);
    }
    return u;
  }

  /** {@code G_m = U_m U_m^T} for every factor. */
  private DMatrixRMaj[] grams(DMatrixRMaj[] u) {
    DMatrixRMaj[] g = new DMatrixRMaj[u.length];
    for (int m = 0; m < u.length; m++) {
      g[m] = new DMatrixRMaj(h, h);
      CommonOps_DDRM.multOuter(u[m], g[m]); // symmetric: half the products of a general U U^T
    }
    return g;
  }

  /** Factor {@code k}'s matrix among the {@code nu} factors of the product (all the same one for symmetric CP). */
  private DMatrixRMaj of(DMatrixRMaj[] x, int k) {
    return x[symmetric ? 0 : k];
  }

  /** The entrywise product of the factors other than {@code m} ({@code nu - 1} copies for symmetric CP), times {@code scale}. */
  private DMatrixRMaj othersProduct(DMatrixRMaj[] x, int m, int rows, int cols, double scale) {
    DMatrixRMaj out = new DMatrixRMaj(rows, cols);
    Arrays.fill(out.data, scale);
    for (int k = 0; k < nu; k++) {
      if (symmetric ? k > 0 : k != m) {
        CommonOps_DDRM.elementMult(out, of(x, k));
      }
    }
    return out;
  }

  /**
   * Rows {@code from .. from + out.numRows - 1} of the Khatri-Rao product of the factors other than
   * {@code m}, in increasing mode order (row {@code a} is the Kronecker product of their rows
   * {@code a}), written into {@code out} ({@code rows x p^(nu-1)}): each row is expanded in place
   * from its end, one mode at a time, so nothing is allocated.
   */
  private void khatriRaoRows(DMatrixRMaj[] u, int m, int from, DMatrixRMaj out) {
    int cols = out.numCols;
    double[] k = out.data;
    for (int r = 0; r < out.numRows; r++) {
      int row = (from + r) * p;
      int base = r * cols;
      k[base] = 1;
      int length = 1;
      for (int mode = 0; mode < nu; mode++) {
        if (mode == m) {
          continue;
        }
        double[] f = of(u, mode).data;
        for (int i = length - 1; i >= 0; i--) {
          double x = k[base + i];
          for (int j = p - 1; j >= 0; j--) {
            k[base + i * p + j] = x * f[row + j];
          }
        }
        length *= p;
      }
    }
  }

  /** Rows {@code from .. from + rows - 1} of {@code u} as a matrix of their own. */
  private DMatrixRMaj rows(DMatrixRMaj u, int from, int rows) {
    DMatrixRMaj out = new DMatrixRMaj(rows, p);
    System.arraycopy(u.data, from * p, out.data, 0, rows * p);
    return out;
  }

  /**
   * {@code R = T - T*} as its mode-1 unfolding ({@code p x p^(nu-1)}, row-major over all modes):
   * {@code T} summed over blocks of {@link #blockRows} rows of the Khatri-Rao product.
   */
  private DMatrixRMaj residual(DMatrixRMaj[] u) {
    int cols = (int) Math.pow(p, nu - 1);
    DMatrixRMaj r = new DMatrixRMaj(p, cols);
    DMatrixRMaj block = new DMatrixRMaj(Math.min(blockRows, h), cols);
    for (int from = 0; from < h; from += blockRows) {
      int rows = Math.min(blockRows, h - from);
      block.reshape(rows, cols);
      khatriRaoRows(u, 0, from, block);
      CommonOps_DDRM.multAddTransA(rows(of(u, 0), from, rows), block, r);
    }
    if (identity) {
      int diagonalStep = 0;
      for (int mode = 0; mode < nu; mode++) {
        diagonalStep = diagonalStep * p + 1;
      }
      for (int i = 0; i < p; i++) {
        r.data[i * diagonalStep] -= 1;
      }
    }
    return r;
  }

  /** The mode-{@code m} unfolding of a row-major {@code p^nu} tensor: {@code p x p^(nu-1)}, other modes in order. */
  private DMatrixRMaj unfold(double[] tensor, int m) {
    int rest = (int) Math.pow(p, nu - 1);
    DMatrixRMaj out = new DMatrixRMaj(p, rest);
    int inner = (int) Math.pow(p, nu - 1 - m);
    for (int index = 0; index < tensor.length; index++) {
      int im = (index / inner) % p;
      int outer = index / (inner * p);
      int low = index % inner;
      out.data[im * rest + outer * inner + low] = tensor[index];
    }
    return out;
  }

  private double tensorLoss(DMatrixRMaj[] u) {
    double norm = NormOps_DDRM.normF(residual(u));
    return norm * norm / 2;
  }

  private double[] tensorGradient(double[] y, DMatrixRMaj[] u) {
    DMatrixRMaj r = residual(u);
    int cols = r.numCols;
    double[] out = new double[y.length];
    DMatrixRMaj block = new DMatrixRMaj(Math.min(blockRows, h), cols);
    DMatrixRMaj grad = new DMatrixRMaj(Math.min(blockRows, h), p);
    for (int m = 0; m < u.length; m++) {
      DMatrixRMaj unfolded = m == 0 ? r : unfold(r.data, m);
      for (int from = 0; from < h; from += blockRows) {
        int rows = Math.min(blockRows, h - from);
        block.reshape(rows, cols);
        grad.reshape(rows, p);
        khatriRaoRows(u, m, from, block);
        // symmetric CP: R is a symmetric tensor, so every mode gives the same product; nu of them
        CommonOps_DDRM.multTransB(symmetric ? nu : 1, block, unfolded, grad);
        System.arraycopy(grad.data, 0, out, (symmetric ? 0 : m * h * p) + from * p, rows * p);
      }
    }
    return out;
  }

  @Override
  public double observable(String name, double[] y, Sample sample) {
    if (!name.equals(Model.LOSS)) {
      return generic.observable(name, y, sample);
    }
    if (tensorRoute) {
      return tensorLoss(factors(y));
    }
    DMatrixRMaj[] u = factors(y);
    DMatrixRMaj[] g = grams(u);
    // the product over all nu factors: the others' product for factor 0, times factor 0
    DMatrixRMaj all = othersProduct(g, 0, h, h, 1);
    CommonOps_DDRM.elementMult(all, g[0]);
    double value = CommonOps_DDRM.elementSum(all) / 2;
    if (identity) {
      DMatrixRMaj cross = othersProduct(u, 0, h, p, 1);
      CommonOps_DDRM.elementMult(cross, u[0]);
      value += p / 2.0 - CommonOps_DDRM.elementSum(cross);
    }
    return value;
  }

  @Override
  public double[] gradient(double[] y, Sample sample) {
    DMatrixRMaj[] u = factors(y);
    if (tensorRoute) {
      return tensorGradient(y, u);
    }
    DMatrixRMaj[] g = grams(u);
    double[] out = new double[y.length];
    double scale = symmetric ? nu : 1;
    for (int m = 0; m < u.length; m++) {
      DMatrixRMaj grad = new DMatrixRMaj(h, p);
      CommonOps_DDRM.mult(othersProduct(g, m, h, h, scale), u[m], grad);
      if (identity) {
        CommonOps_DDRM.subtractEquals(grad, othersProduct(u, m, h, p, scale));
      }
      System.arraycopy(grad.data, 0, out, symmetric ? 0 : m * h * p, h * p);
    }
    return out;
  }
}
