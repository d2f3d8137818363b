package org.gfd.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

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

  @Test
  void matrixProductStepsEqualTheLiteralSum() {
    // two operands whose step is a batch of matrix products large enough for EJML (Gemm), labels in
    // every order: plain, transposed, batched in front, middle or back, several summed or free labels
    String[][] cases = {{"ij", "jk", "ik"}, {"ji", "kj", "ki"}, {"ij", "kj", "ik"}, {"bij", "bjk", "bik"},
        {"ibj", "jkb", "kbi"}, {"ijk", "jkl", "il"}, {"ijk", "jkl", "li"}, {"ij", "jkl", "ilk"}, {"aij", "jb", "bai"},
        {"ijab", "jab", "ia"}};
    Random random = new Random(11);
    for (String[] c : cases) {
      Map<String, Integer> sizes = new LinkedHashMap<>();
      for (String l : List.of("a", "b", "i", "j", "k", "l")) {
        sizes.put(l, 16 + random.nextInt(9));
      }
      sizes.put("j", 20 + random.nextInt(11));
      List<List<String>> operands = List.of(labels(c[0]), labels(c[1]));
      List<String> output = labels(c[2]);
      List<double[]> arrays = new ArrayList<>();
      for (List<String> op : operands) {
        double[] a = new double[op.stream().mapToInt(sizes::get).reduce(1, (x, y) -> x * y)];
        for (int j = 0; j < a.length; j++) {
          a[j] = random.nextGaussian();
        }
        arrays.add(a);
      }
      String name = c[0] + "," + c[1] + "->" + c[2];
      assertNotNull(
          Gemm.contract(operands.get(0), arrays.get(0), operands.get(1), arrays.get(1), output, sizes), name + " takes EJML's route");
      double[] expected = literal(operands, arrays, output, sizes);
      double[] actual = new Einsum(operands, output, sizes).evaluate(arrays);
      assertEquals(expected.length, actual.length);
      for (int j = 0; j < expected.length; j++) {
        assertEquals(expected[j], actual[j], 1e-10 * (1 + Math.abs(expected[j])), name);
      }
    }
  }

  private static List<String> labels(String s) {
    return s.chars().mapToObj(ch -> String.valueOf((char) ch)).toList();
  }

  @Test
  void aPermutationRewritesTheLayout() {
    Map<String, Integer> sizes = Map.of("a", 2, "b", 3, "c", 4);
    double[] x = new double[24];
    for (int i = 0; i < 24; i++) {
      x[i] = i; // x[a][b][c] = 12 a + 4 b + c
    }
    double[] y = Gemm.permute(x, List.of("a", "b", "c"), List.of("c", "a", "b"), sizes);
    for (int c = 0; c < 4; c++) {
      for (int a = 0; a < 2; a++) {
        for (int b = 0; b < 3; b++) {
          assertEquals(12 * a + 4 * b + c, y[c * 6 + a * 3 + b]);
        }
      }
    }
  }

  /** The definition: one loop over all labels' values. */
  private static double[] literal(List<List<String>> operands, List<double[]> arrays, List<String> output,
      Map<String, Integer> sizes) {
    // every label with a size that an operand or the output uses (one that none uses is summed over trivially)
    List<String> all = new ArrayList<>();
    for (String l : sizes.keySet()) {
      if (output.contains(l) || operands.stream().anyMatch(op -> op.contains(l))) {
        all.add(l);
      }
    }
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
