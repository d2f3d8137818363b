package org.gfd.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Einsum} against its definition evaluated literally: every assignment of values to every
 * label, the product of the operands' entries added to the output entry it names.
 */
class EinsumTest {
  private static final List<String> LABELS = List.of("a", "b", "c", "d", "e");

  @Test
  void pairwiseContractionsEqualTheLiteralSum() {
    Random random = new Random(7);
    for (int trial = 0; trial < 300; trial++) {
      Map<String, Integer> sizes = new LinkedHashMap<>();
      LABELS.forEach(l -> sizes.put(l, 1 + random.nextInt(3)));
      int k = random.nextInt(4);
      List<List<String>> operands = new ArrayList<>();
      List<double[]> arrays = new ArrayList<>();
      for (int i = 0; i < k; i++) {
        List<String> op = new ArrayList<>();
        int legs = 1 + random.nextInt(3);
        for (int j = 0; j < legs; j++) {
          op.add(LABELS.get(random.nextInt(LABELS.size()))); // repeats allowed: diagonals
        }
        operands.add(op);
        int n = op.stream().mapToInt(sizes::get).reduce(1, (x, y) -> x * y);
        double[] a = new double[n];
        for (int j = 0; j < n; j++) {
          a[j] = random.nextGaussian();
        }
        arrays.add(a);
      }
      List<String> output = new ArrayList<>();
      for (String l : LABELS) {
        if (random.nextInt(4) == 0) {
          output.add(l); // possibly on no operand: the result is constant along it
        }
      }
      double[] expected = literal(operands, arrays, output, sizes);
      double[] actual = new Einsum(operands, output, sizes).evaluate(arrays);
      assertEquals(expected.length, actual.length);
      for (int j = 0; j < expected.length; j++) {
        assertEquals(expected[j], actual[j], 1e-12 * (1 + Math.abs(expected[j])), operands + " -> " + output);
      }
    }
  }

  /** The definition: one loop over all labels' values. */
  private static double[] literal(List<List<String>> operands, List<double[]> arrays, List<String> output,
      Map<String, Integer> sizes) {
    List<String> all = new ArrayList<>(new LinkedHashSet<>(LABELS));
    int total = all.stream().mapToInt(sizes::get).reduce(1, (x, y) -> x * y);
    int outSize = output.stream().mapToInt(sizes::get).reduce(1, (x, y) -> x * y);
    double[] r = new double[outSize];
    Map<String, Integer> value = new LinkedHashMap<>();
    for (int code = 0; code < total; code++) {
      int c = code;
      for (String l : all) {
        value.put(l, c % sizes.get(l));
        c /= sizes.get(l);
      }
      double prod = 1;
      for (int i = 0; i < operands.size(); i++) {
        prod *= arrays.get(i)[index(operands.get(i), value, sizes)];
      }
      r[index(output, value, sizes)] += prod;
    }
    // labels on no operand and not in the output were summed over too: divide that count out
    double free = 1;
    for (String l : all) {
      boolean used = output.contains(l) || operands.stream().anyMatch(op -> op.contains(l));
      if (!used) {
        free *= sizes.get(l);
      }
    }
    for (int j = 0; j < r.length; j++) {
      r[j] /= free;
    }
    return r;
  }

  private static int index(List<String> labels, Map<String, Integer> value, Map<String, Integer> sizes) {
    int i = 0;
    for (String l : labels) {
      i = i * sizes.get(l) + value.get(l);
    }
    return i;
  }
}
