package banban.kb.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LogisticTest {

  @Test
  @DisplayName("Newton's method recovers the coefficients data were drawn from, the same on every run")
  void recoversCoefficients() {
    Random r = new Random(42);
    List<double[]> x = new ArrayList<>();
    List<Boolean> y = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      double a = r.nextDouble() * 4 - 2;
      double b = r.nextDouble() * 4 - 2;
      x.add(new double[] {a, b});
      y.add(r.nextDouble() < Logistic.sigmoid(2 * a - b + 0.5));
    }
    Logistic.Fit fit = Logistic.fit(x, y, 1e6);
    assertThat(fit.weights()[0]).isCloseTo(2, Offset.offset(0.15));
    assertThat(fit.weights()[1]).isCloseTo(-1, Offset.offset(0.15));
    assertThat(fit.intercept()).isCloseTo(0.5, Offset.offset(0.15));
    assertThat(Logistic.fit(x, y, 1e6).weights()).containsExactly(fit.weights());
  }

  @Test
  @DisplayName("The penalty keeps weights finite on separable data and shrinks them as C falls")
  void regularises() {
    List<double[]> x = List.of(new double[] {0}, new double[] {1}, new double[] {2}, new double[] {3});
    List<Boolean> y = List.of(false, false, true, true);
    double strong = Logistic.fit(x, y, 100).weights()[0];
    double weak = Logistic.fit(x, y, 0.1).weights()[0];
    assertThat(strong).isFinite().isGreaterThan(weak).isGreaterThan(0);
  }
}
