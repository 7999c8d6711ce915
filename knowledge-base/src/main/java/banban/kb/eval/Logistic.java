package banban.kb.eval;

import java.util.List;

/**
 * L2-regularised logistic regression fitted by Newton's method: small (a few thousand rows, fifteen
 * features), exact, and deterministic, so {@code calibrate} gives the same weights on every machine.
 * The objective is the summed log loss plus {@code |w|^2 / (2C)}; the intercept is not penalised.
 */
final class Logistic {

  record Fit(double intercept, double[] weights, double logLoss, int iterations) {}

  private Logistic() {}

  static Fit fit(List<double[]> x, List<Boolean> y, double c) {
    int d = x.get(0).length;
    double[] w = new double[d + 1]; // last: intercept
    int it = 0;
    for (; it < 100; it++) {
      double[] g = new double[d + 1];
      double[][] h = new double[d + 1][d + 1];
      for (int i = 0; i < x.size(); i++) {
        double[] xi = extended(x.get(i));
        double p = sigmoid(dot(w, xi));
        double r = p - (y.get(i) ? 1 : 0);
        double s = Math.max(p * (1 - p), 1e-12);
        for (int a = 0; a <= d; a++) {
          g[a] += r * xi[a];
          for (int b = 0; b <= d; b++) h[a][b] += s * xi[a] * xi[b];
        }
      }
      for (int a = 0; a < d; a++) {
        g[a] += w[a] / c;
        h[a][a] += 1 / c;
      }
      double[] step = solve(h, g);
      double max = 0;
      for (int a = 0; a <= d; a++) {
        w[a] -= step[a];
        max = Math.max(max, Math.abs(step[a]));
      }
      if (max < 1e-9) break;
    }
    double loss = 0;
    for (int i = 0; i < x.size(); i++) {
      double p = sigmoid(dot(w, extended(x.get(i))));
      loss -= Math.log(Math.max(1e-15, y.get(i) ? p : 1 - p));
    }
    double[] weights = new double[d];
    System.arraycopy(w, 0, weights, 0, d);
    return new Fit(w[d], weights, loss / x.size(), it + 1);
  }

  static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  private static double[] extended(double[] x) {
    double[] e = new double[x.length + 1];
    System.arraycopy(x, 0, e, 0, x.length);
    e[x.length] = 1;
    return e;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) s += a[i] * b[i];
    return s;
  }

  /** Gaussian elimination with partial pivoting; the Hessian is positive definite thanks to the penalty. */
  private static double[] solve(double[][] a0, double[] b0) {
    int n = b0.length;
    double[][] a = new double[n][];
    for (int i = 0; i < n; i++) a[i] = a0[i].clone();
    double[] b = b0.clone();
    for (int col = 0; col < n; col++) {
      int piv = col;
      for (int r = col + 1; r < n; r++) if (Math.abs(a[r][col]) > Math.abs(a[piv][col])) piv = r;
      double[] tr = a[col]; a[col] = a[piv]; a[piv] = tr;
      double tb = b[col]; b[col] = b[piv]; b[piv] = tb;
      for (int r = col + 1; r < n; r++) {
        double f = a[r][col] / a[col][col];
        for (int k = col; k < n; k++) a[r][k] -= f * a[col][k];
        b[r] -= f * b[col];
      }
    }
    double[] x = new double[n];
    for (int r = n - 1; r >= 0; r--) {
      double s = b[r];
      for (int k = r + 1; k < n; k++) s -= a[r][k] * x[k];
      x[r] = s / a[r][r];
    }
    return x;
  }
}
