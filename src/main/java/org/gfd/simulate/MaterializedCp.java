package org.gfd.simulate;

/**
 * The naive route to the gradient of asymmetric CP of order 3 with the identity target:
 * materialize {@code T[i,j,k] = sum_h U1[h,i] U2[h,j] U3[h,k]} ({@code H p^3} work, {@code p^3}
 * memory), then contract the residual {@code T - delta} with two factors for each gradient. It is
 * the reference the benchmark measures the other paths against and is never used to simulate.
 */
public final class MaterializedCp {
  private final int p;
  private final int h;

  public MaterializedCp(int p, int h) {
    this.p = p;
    this.h = h;
  }

  /** The gradient of {@code 1/2 |T - delta|^2} for the state {@code y = (U1, U2, U3)}, each {@code H x p} row-major. */
  public double[] gradient(double[] y) {
    int block = h * p;
    double[] r = new double[p * p * p];
    for (int a = 0; a < h; a++) {
      for (int i = 0; i < p; i++) {
        double u1 = y[a * p + i];
        for (int j = 0; j < p; j++) {
          double u12 = u1 * y[block + a * p + j];
          int base = (i * p + j) * p;
          for (int k = 0; k < p; k++) {
            r[base + k] += u12 * y[2 * block + a * p + k];
          }
        }
      }
    }
    for (int i = 0; i < p; i++) {
      r[(i * p + i) * p + i] -= 1;
    }
    double[] g = new double[3 * block];
    for (int a = 0; a < h; a++) {
      for (int i = 0; i < p; i++) {
        for (int j = 0; j < p; j++) {
          int base = (i * p + j) * p;
          double s1 = 0;
          for (int k = 0; k < p; k++) {
            double rv = r[base + k];
            s1 += rv * y[block + a * p + j] * y[2 * block + a * p + k];
            g[block + a * p + j] += rv * y[a * p + i] * y[2 * block + a * p + k];
            g[2 * block + a * p + k] += rv * y[a * p + i] * y[block + a * p + j];
          }
          g[a * p + i] += s1;
        }
      }
    }
    return g;
  }
}
