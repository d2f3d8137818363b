package org.gfd.network;

import java.math.BigInteger;
import java.util.List;
import org.gfd.algebra.IntegerMatrix;
import org.gfd.algebra.Monomial;
import org.gfd.model.LinearConstraint;

/**
 * The value of a fully contracted network: one whose nodes, if any, are all constant tensors (what
 * is left of a network once Wick's theorem has paired every Gaussian node). Every such value in
 * gfd is computed here.
 *
 * <p>Definition. The network sums, over one value {@code x_c in 0..size-1} per index class
 * {@code c}, the product of its constant nodes' entries; a constant node with equations
 * {@code r} (a {@link LinearConstraint}) is 1 where {@code sum_k r_k x_(class of leg k) = 0 mod p}
 * and 0 elsewhere. The sum counts the solutions of one linear system over {@code Z_p} per
 * constrained kind of size {@code p}; for prime {@code p} that count is {@code p^(classes - rank)}.
 * So the value is the monomial
 * <pre>
 *   scale * prod_kind size^(classes of that kind - rank of the equations on that kind),
 * </pre>
 * the scale being the network's Laurent prefactor ({@link Network#scale}) and the ranks taken
 * over the rationals. That is the rank over {@code Z_p} for every prime {@code p} that does not
 * divide the determinantal divisor of the equations ({@link IntegerMatrix}); the
 * {@link #divisor} of the value names those primes, where the monomial is wrong. Without constant nodes the value is {@code prod_kind size^classes} and the
 * divisor is 1.
 *
 * <p>Only prime sizes are meant for a constrained kind: over {@code Z_p} for composite {@code p}
 * the count is not a power of {@code p} in general.
 *
 * @param exponents the exponent of each kind's size (indexed by kind number of the table)
 * @param scale the network's scale
 * @param divisor the primes dividing it are the only prime sizes at which the value is wrong
 */
public record ContractedValue(int[] exponents, Monomial scale, BigInteger divisor) {
  /**
   * The value of {@code net}, which must have no Gaussian node.
   *
   * @throws IllegalArgumentException when a node of {@code net} is Gaussian
   */
  public static ContractedValue of(Network net) {
    SpeciesTable table = net.table();
    int[] exponents = new int[table.kindCount()];
    for (int c = 0; c < net.classCount(); c++) {
      exponents[net.classKind(c)]++;
    }
    BigInteger divisor = BigInteger.ONE;
    for (int kind = 0; kind < table.kindCount(); kind++) {
      long[][] equations = equations(net, kind);
      if (equations.length > 0) {
        IntegerMatrix m = IntegerMatrix.of(equations);
        exponents[kind] -= m.rank();
        divisor = divisor.multiply(m.divisor());
      }
    }
    return new ContractedValue(exponents, net.scale(), divisor);
  }

  /** The value as a monomial in the sizes (and whatever the scale has). */
  public Monomial monomial(SpeciesTable table) {
    Monomial m = scale;
    for (int k = 0; k < exponents.length; k++) {
      if (exponents[k] != 0) {
        m = m.multiply(Monomial.of(table.kind(k).size(), exponents[k]));
      }
    }
    return m;
  }

  /** The equations the constant nodes of legs of kind {@code kind} impose, one column per class. */
  private static long[][] equations(Network net, int kind) {
    SpeciesTable table = net.table();
    int rows = 0;
    for (int v = 0; v < net.nodeCount(); v++) {
      int s = net.species(v);
      if (table.gaussian(s)) {
        throw new IllegalArgumentException("node " + v + " of " + net + " is Gaussian: the network is not fully contracted");
      }
      if (table.legKind(s, 0) == kind) {
        rows += table.species(s).constraint().rows().size();
      }
    }
    long[][] out = new long[rows][net.classCount()];
    int i = 0;
    for (int v = 0; v < net.nodeCount(); v++) {
      int s = net.species(v);
      if (table.legKind(s, 0) != kind) {
        continue;
      }
      for (List<Integer> row : table.species(s).constraint().rows()) {
        for (int k = 0; k < row.size(); k++) {
          out[i][net.legClass(v, k)] += row.get(k);
        }
        i++;
      }
    }
    return out;
  }
}
