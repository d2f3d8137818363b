package org.gfd.dmft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.gfd.error.InputException;
import org.gfd.lang.ModelLoader;
import org.gfd.model.Model;
import org.junit.jupiter.api.Test;

/** Recognising the DMFT class from model files: the site function read back, and every refusal precise. */
class SiteModelTest {
  private static final String HEAD = "model m\nindex p, n\ndata X[p, n] ~ N(0, 1)\ndata b[p] ~ N(0, 1)\n";

  private static SiteModel of(String body) {
    return SiteModel.recognize(ModelLoader.parse(HEAD + body, "m.gfd", Map.of()));
  }

  private static String refusal(String body) {
    return assertThrows(InputException.class, () -> of(body)).getMessage();
  }

  @Test
  void linearRegressionIsTheIdentitySite() {
    SiteModel s = SiteModel.recognize(ModelLoader.file(Path.of("tests/models/linear-regression.gfd"), Map.of()));
    assertEquals("w", s.f().toString());
    assertTrue(s.f().affine());
    assertEquals("b", s.teacher().orElseThrow().name());
    assertEquals(Optional.of("test"), s.testObservable());
  }

  @Test
  void theDiagonalNetworkIsTheProductSite() {
    SiteModel s = SiteModel.recognize(ModelLoader.file(Path.of("tests/models/diagonal-network.gfd"), Map.of()));
    assertEquals("u v", s.f().toString());
    assertEquals(Optional.of("test"), s.testObservable());
  }

  @Test
  void aDifferenceOfSquaresIsRead() {
    SiteModel s = of("param u[p], v[p] ~ N(0, sigma2)\n"
        + "tensor e[i] = delta[i, j, k] u[j] u[k] - delta[i, j, k] v[j] v[k] - b[i]\n"
        + "loss = 1/(2 n) |e[i] X[i, a]|^2\nobservable half = 1/2 |e[i]|^2\nobservable other = |u[i]|^2\n");
    assertEquals("u^2 - v^2", s.f().toString());
    assertEquals(Optional.of("half"), s.testObservable());
  }

  @Test
  void aModelWithoutTeacherHasZeroTarget() {
    SiteModel s = of("param w[p] ~ N(0, sigma2)\nloss = 1/(2 n) |w[i] X[i, a]|^2\n");
    assertEquals("w", s.f().toString());
    assertTrue(s.teacher().isEmpty());
    assertTrue(s.testObservable().isEmpty());
  }

  @Test
  void refusalsNameWhatDiffers() {
    assertTrue(assertThrows(InputException.class, () -> SiteModel.recognize(ModelLoader.builtIn("autoencoder", Map.of())))
        .getMessage().contains("the trainable W must have one leg of kind p, not [H, p]"));
    Model unscaled = ModelLoader.file(Path.of("tests/models/regression.gfd"), Map.of());
    assertTrue(assertThrows(InputException.class, () -> SiteModel.recognize(unscaled)).getMessage()
        .contains("not a number over n"));
    assertTrue(refusal("param w[p] ~ N(0, sigma2)\nloss = 1/n |w[i] X[i, a] - b[i] X[i, a]|^2\n")
        .contains("the teacher's square has coefficient 1/n, not 1/(2n)"));
    assertTrue(refusal("param w[p] ~ N(0, sigma2)\nloss = 1/(2 n) |w[i] X[i, a] - b[i] X[i, a]|^2 + 1/n |w[i] X[i, a]|^2\n")
        .contains("the loss is not 1/(2n) |X^T g|^2"), refusal(
            "param w[p] ~ N(0, sigma2)\nloss = 1/(2 n) |w[i] X[i, a] - b[i] X[i, a]|^2 + 1/n |w[i] X[i, a]|^2\n"));
    assertTrue(refusal("param w[p] ~ N(0, sigma2)\nloss = 1/(2 n) |w[i] X[i, a] - delta[i, j] b[i] b[j] X[i, a]|^2\n")
        .contains("must enter linearly"));
    assertTrue(refusal("param w[p] ~ N(0, sigma2)\nloss = 1/(2 n) |X[i, a] X[i, a] w[j] w[j]|^2\n").contains("factors X, not 2"));
  }
}
