package io.keras4j.metrics;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.keras4j.layers.Weight;
import io.keras4j.losses.Losses;
import io.keras4j.metrics.ConfusionMatrix.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * The area under the ROC or precision-recall curve, by a Riemann sum over thresholds: Keras' {@code
 * keras.metrics.AUC}.
 *
 * <p>The curve is sampled at {@code num_thresholds} thresholds, {@code -1e-7, 1/(n-1), ..., (n-2)/
 * (n-1), 1 + 1e-7} by default (or the given ones, with {@code -1e-7} and {@code 1 + 1e-7} added);
 * {@code tp}, {@code fp}, {@code tn} and {@code fn} are accumulated at each. The area sums, between
 * consecutive thresholds, the width on the x axis times the mean ({@code interpolation}), the
 * smaller ({@code minoring}) or the larger ({@code majoring}) height; for the PR curve with
 * interpolation it is Davis and Goadrich's interpolation, as Keras computes it. With {@code
 * multi_label} each label (the second axis) has its own curve and the result is their mean
 * (weighted by {@code label_weights}). With {@code from_logits}, predictions go through a sigmoid
 * first.
 *
 * <pre>{@code
 * AUC auc = AUC.builder().fromLogits(true).build();
 * Op update = auc.updateState(tf, labels, logits, null);
 * }</pre>
 */
public final class AUC extends AbstractMetric {

  private final int numThresholds;
  private final String curve;
  private final String summationMethod;
  private final boolean multiLabel;
  private final @Nullable Integer numLabels;
  private final @Nullable List<Double> labelWeights;
  private final boolean fromLogits;
  private final @Nullable List<Double> initThresholds;
  private final double[] thresholds;
  private final boolean evenly;
  private @Nullable Weight truePositives;
  private @Nullable Weight falsePositives;
  private @Nullable Weight trueNegatives;
  private @Nullable Weight falseNegatives;

  /** Keras' defaults: 200 thresholds, ROC, interpolation, {@code name="auc"}. */
  public AUC() {
    this(new Builder());
  }

  private AUC(Builder b) {
    this(
        b.numThresholds,
        b.curve,
        b.summationMethod,
        b.name,
        b.dtype,
        b.thresholds,
        b.multiLabel,
        b.numLabels,
        b.labelWeights,
        b.fromLogits);
  }

  /** Keras' constructor; {@code null} arguments take Keras' defaults. */
  @JsonCreator
  public AUC(
      @JsonProperty("num_thresholds") @Nullable Integer numThresholds,
      @JsonProperty("curve") @Nullable String curve,
      @JsonProperty("summation_method") @Nullable String summationMethod,
      @JsonProperty("name") @Nullable String name,
      @JsonProperty("dtype") @Nullable String dtype,
      @JsonProperty("thresholds") @Nullable List<Double> thresholds,
      @JsonProperty("multi_label") @Nullable Boolean multiLabel,
      @JsonProperty("num_labels") @Nullable Integer numLabels,
      @JsonProperty("label_weights") @Nullable List<Double> labelWeights,
      @JsonProperty("from_logits") @Nullable Boolean fromLogits) {
    super(name == null ? "auc" : name, dtype);
    this.curve = curve(curve == null ? "ROC" : curve);
    this.summationMethod =
        summationMethod(summationMethod == null ? "interpolation" : summationMethod);
    this.multiLabel = multiLabel != null && multiLabel;
    this.numLabels = numLabels;
    this.labelWeights = labelWeights == null ? null : List.copyOf(labelWeights);
    this.fromLogits = fromLogits != null && fromLogits;
    double eps = Losses.EPSILON;
    List<Double> inner = new ArrayList<>();
    if (thresholds != null) {
      inner.addAll(thresholds);
      inner.sort(null);
      this.initThresholds = List.copyOf(inner);
      this.numThresholds = inner.size() + 2;
      double[] ends = new double[numThresholds];
      for (int i = 0; i < inner.size(); i++) ends[i + 1] = inner.get(i);
      ends[numThresholds - 1] = 1;
      this.evenly = ConfusionMatrix.evenlyDistributed(ends);
    } else {
      int n = numThresholds == null ? 200 : numThresholds;
      if (n <= 1) {
        throw new IllegalArgumentException(
            "Argument `num_thresholds` must be an integer > 1. Received: num_thresholds=" + n);
      }
      for (int i = 0; i < n - 2; i++) inner.add((i + 1) * 1.0 / (n - 1));
      this.initThresholds = null;
      this.numThresholds = n;
      this.evenly = true;
    }
    this.thresholds = new double[this.numThresholds];
    this.thresholds[0] = 0.0 - eps;
    for (int i = 0; i < inner.size(); i++) this.thresholds[i + 1] = inner.get(i);
    this.thresholds[this.numThresholds - 1] = 1.0 + eps;
    if (this.multiLabel) {
      if (numLabels != null && numLabels > 0) {
        build(numLabels);
      }
    } else {
      if (numLabels != null && numLabels > 0) {
        throw new IllegalArgumentException(
            "`num_labels` is needed only when `multi_label` is True.");
      }
      build(0);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  private static String curve(String curve) {
    return switch (curve) {
      case "pr", "PR" -> "PR";
      case "roc", "ROC" -> "ROC";
      case "prgain", "PRGAIN" -> "PRGAIN";
      default ->
          throw new IllegalArgumentException(
              "Invalid AUC curve value: \""
                  + curve
                  + "\". Expected values are [\"PR\", \"ROC\", \"PRGAIN\"]");
    };
  }

  private static String summationMethod(String method) {
    return switch (method) {
      case "interpolation", "Interpolation" -> "interpolation";
      case "majoring", "Majoring" -> "majoring";
      case "minoring", "Minoring" -> "minoring";
      default ->
          throw new IllegalArgumentException(
              "Invalid AUC summation method value: \""
                  + method
                  + "\". Expected values are [\"interpolation\", \"majoring\", \"minoring\"]");
    };
  }

  /** Creates the four counters, per threshold (and per label, {@code labels > 0}). */
  private void build(int labels) {
    Shape shape = labels > 0 ? Shape.of(numThresholds, labels) : Shape.of(numThresholds);
    truePositives = addVariable("true_positives", shape, TFloat32.class);
    falsePositives = addVariable("false_positives", shape, TFloat32.class);
    trueNegatives = addVariable("true_negatives", shape, TFloat32.class);
    falseNegatives = addVariable("false_negatives", shape, TFloat32.class);
  }

  @JsonProperty("num_thresholds")
  public int numThresholds() {
    return numThresholds;
  }

  /** {@code "ROC"}, {@code "PR"} or {@code "PRGAIN"}. */
  @JsonProperty("curve")
  public String curve() {
    return curve;
  }

  /** {@code "interpolation"}, {@code "minoring"} or {@code "majoring"}. */
  @JsonProperty("summation_method")
  public String summationMethod() {
    return summationMethod;
  }

  @JsonProperty("multi_label")
  public boolean multiLabel() {
    return multiLabel;
  }

  @JsonProperty("num_labels")
  public @Nullable Integer numLabels() {
    return numLabels;
  }

  @JsonProperty("label_weights")
  public @Nullable List<Double> labelWeights() {
    return labelWeights;
  }

  @JsonProperty("from_logits")
  public boolean fromLogits() {
    return fromLogits;
  }

  /** The thresholds given to the constructor, sorted; written only when given, as Keras does. */
  @JsonProperty("thresholds")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public @Nullable List<Double> thresholds() {
    return initThresholds;
  }

  @Override
  public synchronized Op updateState(
      Ops tf, Operand<?> yTrue, Operand<?> yPred, @Nullable Operand<?> sampleWeight) {
    if (truePositives == null) {
      build(ConfusionMatrix.labels(yPred));
    }
    Operand<?> p = fromLogits ? tf.math.sigmoid(tf.dtypes.cast(yPred, TFloat32.class)) : yPred;
    return ConfusionMatrix.update(
        tf,
        Map.of(
            Condition.TRUE_POSITIVES, truePositives,
            Condition.TRUE_NEGATIVES, trueNegatives,
            Condition.FALSE_POSITIVES, falsePositives,
            Condition.FALSE_NEGATIVES, falseNegatives),
        yTrue,
        p,
        thresholds,
        evenly,
        null,
        null,
        sampleWeight,
        multiLabel,
        multiLabel ? null : weightsArray());
  }

  private double @Nullable [] weightsArray() {
    return labelWeights == null
        ? null
        : labelWeights.stream().mapToDouble(Double::doubleValue).toArray();
  }

  @Override
  public Operand<TFloat32> result(Ops tf) {
    if (truePositives == null) {
      throw new IllegalStateException(
          "AUC '" + name() + "' with multi_label and no num_labels has no state before an update");
    }
    Operand<TFloat32> tp = readFloat32(tf, truePositives);
    Operand<TFloat32> fp = readFloat32(tf, falsePositives);
    Operand<TFloat32> tn = readFloat32(tf, trueNegatives);
    Operand<TFloat32> fn = readFloat32(tf, falseNegatives);
    if (curve.equals("PR") && summationMethod.equals("interpolation")) {
      return byLabel(tf, interpolatePrAuc(tf, tp, fp, fn));
    }
    Operand<TFloat32> recall = tf.math.divNoNan(tp, tf.math.add(tp, fn));
    Operand<TFloat32> x;
    Operand<TFloat32> y;
    switch (curve) {
      case "ROC" -> {
        x = tf.math.divNoNan(fp, tf.math.add(fp, tn));
        y = recall;
      }
      case "PR" -> {
        x = recall;
        y = tf.math.divNoNan(tp, tf.math.add(tp, fp));
      }
      default -> {
        Operand<TFloat32> one = tf.constant(1f);
        Operand<TFloat32> scaling = tf.math.divNoNan(tf.math.add(tp, fn), tf.math.add(tn, fp));
        Operand<TFloat32> recallGain =
            tf.math.sub(one, tf.math.mul(scaling, tf.math.divNoNan(fn, tp)));
        Operand<TFloat32> precisionGain =
            tf.math.sub(one, tf.math.mul(scaling, tf.math.divNoNan(fp, tp)));
        Operand<TBool> noTp = tf.math.equal(tp, tf.constant(0f));
        recallGain = tf.select(noTp, tf.constant(0f), recallGain);
        precisionGain = tf.select(noTp, one, precisionGain);
        x = tf.math.maximum(recallGain, tf.constant(0f));
        y = precisionGain;
      }
    }
    Operand<TFloat32> heights =
        switch (summationMethod) {
          case "interpolation" ->
              tf.math.div(tf.math.add(head(tf, y), tail(tf, y)), tf.constant(2f));
          case "minoring" -> tf.math.minimum(head(tf, y), tail(tf, y));
          default -> tf.math.maximum(head(tf, y), tail(tf, y));
        };
    return byLabel(tf, tf.math.mul(tf.math.sub(head(tf, x), tail(tf, x)), heights));
  }

  /** Keras' {@code interpolate_pr_auc}: the PR area by Davis and Goadrich's interpolation. */
  private Operand<TFloat32> interpolatePrAuc(
      Ops tf, Operand<TFloat32> tp, Operand<TFloat32> fp, Operand<TFloat32> fn) {
    Operand<TFloat32> zero = tf.constant(0f);
    Operand<TFloat32> dtp = tf.math.sub(head(tf, tp), tail(tf, tp));
    Operand<TFloat32> p = tf.math.add(tp, fp);
    Operand<TFloat32> dp = tf.math.sub(head(tf, p), tail(tf, p));
    Operand<TFloat32> precSlope = tf.math.divNoNan(dtp, tf.math.maximum(dp, zero));
    Operand<TFloat32> intercept = tf.math.sub(tail(tf, tp), tf.math.mul(precSlope, tail(tf, p)));
    Operand<TBool> bothPositive =
        tf.math.logicalAnd(tf.math.greater(head(tf, p), zero), tf.math.greater(tail(tf, p), zero));
    Operand<TFloat32> safePRatio =
        tf.select(
            bothPositive,
            tf.math.divNoNan(head(tf, p), tf.math.maximum(tail(tf, p), zero)),
            tf.onesLike(tail(tf, p)));
    return tf.math.divNoNan(
        tf.math.mul(precSlope, tf.math.add(dtp, tf.math.mul(intercept, tf.math.log(safePRatio)))),
        tf.math.maximum(tf.math.add(tail(tf, tp), tail(tf, fn)), zero));
  }

  /** Sums the terms over thresholds; with several labels, averages their areas. */
  private Operand<TFloat32> byLabel(Ops tf, Operand<TFloat32> terms) {
    if (!multiLabel) {
      return tf.sum(terms, tf.constant(0));
    }
    Operand<TFloat32> areas = tf.sum(terms, tf.constant(0));
    if (labelWeights == null) {
      return tf.math.mean(areas, tf.constant(0));
    }
    float[] w = new float[labelWeights.size()];
    for (int i = 0; i < w.length; i++) w[i] = labelWeights.get(i).floatValue();
    Operand<TFloat32> lw = tf.constant(w);
    return tf.math.divNoNan(
        tf.sum(tf.math.mul(areas, lw), tf.constant(0)), tf.sum(lw, tf.constant(0)));
  }

  /** {@code x[:n-1]} along the thresholds. */
  private Operand<TFloat32> head(Ops tf, Operand<TFloat32> x) {
    return tf.gather(
        x,
        tf.range(tf.constant(0), tf.constant(numThresholds - 1), tf.constant(1)),
        tf.constant(0));
  }

  /** {@code x[1:]} along the thresholds. */
  private Operand<TFloat32> tail(Ops tf, Operand<TFloat32> x) {
    return tf.gather(
        x, tf.range(tf.constant(1), tf.constant(numThresholds), tf.constant(1)), tf.constant(0));
  }

  /** Keras' defaults, for Java callers. */
  public static final class Builder {
    private @Nullable Integer numThresholds = 200;
    private String curve = "ROC";
    private String summationMethod = "interpolation";
    private @Nullable String name;
    private @Nullable String dtype;
    private @Nullable List<Double> thresholds;
    private boolean multiLabel;
    private @Nullable Integer numLabels;
    private @Nullable List<Double> labelWeights;
    private boolean fromLogits;

    private Builder() {}

    public Builder numThresholds(int numThresholds) {
      this.numThresholds = numThresholds;
      return this;
    }

    /** {@code "ROC"}, {@code "PR"} or {@code "PRGAIN"}. */
    public Builder curve(String curve) {
      this.curve = curve;
      return this;
    }

    /** {@code "interpolation"}, {@code "minoring"} or {@code "majoring"}. */
    public Builder summationMethod(String summationMethod) {
      this.summationMethod = summationMethod;
      return this;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder dtype(String dtype) {
      this.dtype = dtype;
      return this;
    }

    /** Thresholds to use instead of {@code num_thresholds} evenly spaced ones. */
    public Builder thresholds(List<Double> thresholds) {
      this.thresholds = thresholds;
      return this;
    }

    public Builder multiLabel(boolean multiLabel) {
      this.multiLabel = multiLabel;
      return this;
    }

    public Builder numLabels(@Nullable Integer numLabels) {
      this.numLabels = numLabels;
      return this;
    }

    public Builder labelWeights(@Nullable List<Double> labelWeights) {
      this.labelWeights = labelWeights;
      return this;
    }

    public Builder fromLogits(boolean fromLogits) {
      this.fromLogits = fromLogits;
      return this;
    }

    public AUC build() {
      return new AUC(this);
    }
  }
}
