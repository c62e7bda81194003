package io.keras4j.metrics;

/**
 * Confusion counts and AUC written from Keras' definitions with plain loops: a prediction is
 * positive when greater than the threshold, a target when not 0.
 */
final class ConfusionReference {

  private ConfusionReference() {}

  /** tp, fp, tn, fn at each threshold; {@code weights} per element or {@code null}. */
  static double[][] counts(double[] y, double[] pred, double[] thresholds, double[] weights) {
    double[][] c = new double[4][thresholds.length];
    for (int t = 0; t < thresholds.length; t++) {
      for (int i = 0; i < y.length; i++) {
        double w = weights == null ? 1 : weights[i];
        boolean label = y[i] != 0;
        boolean positive = pred[i] > thresholds[t];
        int cell = label ? (positive ? 0 : 3) : (positive ? 1 : 2);
        c[cell][t] += w;
      }
    }
    return c;
  }

  /** Keras' default AUC thresholds for {@code n}. */
  static double[] aucThresholds(int n) {
    double[] t = new double[n];
    t[0] = -1e-7;
    for (int i = 0; i < n - 2; i++) t[i + 1] = (i + 1) * 1.0 / (n - 1);
    t[n - 1] = 1 + 1e-7;
    return t;
  }

  private static double divNoNan(double a, double b) {
    return b == 0 ? 0 : a / b;
  }

  /** Keras' AUC from counts: the curve, then the Riemann sum or PR interpolation. */
  static double auc(double[][] c, String curve, String summation) {
    double[] tp = c[0];
    double[] fp = c[1];
    double[] tn = c[2];
    double[] fn = c[3];
    int n = tp.length;
    if (curve.equals("PR") && summation.equals("interpolation")) {
      double sum = 0;
      for (int i = 0; i < n - 1; i++) {
        double dtp = tp[i] - tp[i + 1];
        double p0 = tp[i] + fp[i];
        double p1 = tp[i + 1] + fp[i + 1];
        double slope = divNoNan(dtp, Math.max(p0 - p1, 0));
        double intercept = tp[i + 1] - slope * p1;
        double ratio = p0 > 0 && p1 > 0 ? divNoNan(p0, Math.max(p1, 0)) : 1;
        sum +=
            divNoNan(
                slope * (dtp + intercept * Math.log(ratio)), Math.max(tp[i + 1] + fn[i + 1], 0));
      }
      return sum;
    }
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double recall = divNoNan(tp[i], tp[i] + fn[i]);
      if (curve.equals("ROC")) {
        x[i] = divNoNan(fp[i], fp[i] + tn[i]);
        y[i] = recall;
      } else {
        x[i] = recall;
        y[i] = divNoNan(tp[i], tp[i] + fp[i]);
      }
    }
    double sum = 0;
    for (int i = 0; i < n - 1; i++) {
      double h =
          switch (summation) {
            case "interpolation" -> (y[i] + y[i + 1]) / 2;
            case "minoring" -> Math.min(y[i], y[i + 1]);
            default -> Math.max(y[i], y[i + 1]);
          };
      sum += (x[i] - x[i + 1]) * h;
    }
    return sum;
  }
}
