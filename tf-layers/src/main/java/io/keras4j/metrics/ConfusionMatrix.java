package io.keras4j.metrics;

import io.keras4j.layers.Weight;
import io.keras4j.losses.Reduction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.math.Cumsum;
import org.tensorflow.op.nn.TopK;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Keras' {@code update_confusion_matrix_variables} (metrics_utils): the weighted counts of true and
 * false positives and negatives at each threshold, for {@link Precision}, {@link Recall}, {@link
 * AUC} and the counting metrics.
 *
 * <p>A prediction is positive at threshold {@code t} when {@code y_pred > t}; a target is positive
 * when it is not 0. Evenly spaced thresholds take Keras' bucketed path (predictions clipped to
 * {@code [0, 1]}, one pass whatever the number of thresholds); other thresholds compare every
 * prediction with every threshold, as Keras does.
 */
final class ConfusionMatrix {

  /** Keras' {@code NEG_INF}: the prediction {@code top_k} gives to classes outside the top. */
  static final double NEG_INF = -1e10;

  /** A cell of the confusion matrix. */
  enum Condition {
    TRUE_POSITIVES,
    FALSE_POSITIVES,
    TRUE_NEGATIVES,
    FALSE_NEGATIVES
  }

  private ConfusionMatrix() {}

  /** Keras' {@code is_evenly_distributed_thresholds}: {@code i / (n - 1)} for n >= 3, to 1e-7. */
  static boolean evenlyDistributed(double[] thresholds) {
    int n = thresholds.length;
    if (n < 3) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      // np.allclose(thresholds, arange(n, float32) / (n - 1), atol=epsilon), rtol 1e-5.
      double even = (float) i / (float) (n - 1);
      if (Math.abs(thresholds[i] - even) > 1e-7 + 1e-5 * Math.abs(even)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The ops that add a batch's counts to {@code variables}.
   *
   * @param thresholds in increasing order when {@code evenly}
   * @param evenly whether {@code thresholds} are evenly distributed (the bucketed path)
   * @param topK keep only the {@code k} largest predictions of each row positive
   * @param classId count only this class (the last axis)
   * @param multiLabel count each label (the second axis) separately
   * @param labelWeights weights of the labels (the last axis), not with {@code multiLabel}
   */
  static Op update(
      Ops tf,
      Map<Condition, Weight> variables,
      Operand<?> yTrue,
      Operand<?> yPred,
      double[] thresholds,
      boolean evenly,
      @Nullable Integer topK,
      @Nullable Integer classId,
      @Nullable Operand<?> sampleWeight,
      boolean multiLabel,
      double @Nullable [] labelWeights) {
    Operand<TFloat32> t = tf.dtypes.cast(yTrue, TFloat32.class);
    Operand<TFloat32> p = tf.dtypes.cast(yPred, TFloat32.class);
    Reduction.SameRank<TFloat32, TFloat32> r = Reduction.squeezeOrExpandToSameRank(tf, p, t);
    p = r.first();
    t = r.second();
    Operand<TFloat32> sw = null;
    if (sampleWeight != null) {
      sw = tf.expandDims(tf.dtypes.cast(sampleWeight, TFloat32.class), tf.constant(-1));
      sw = Reduction.squeezeOrExpandToSameRank(tf, t, sw, false).second();
    }
    if (topK != null) {
      p = filterTopK(tf, p, topK);
    }
    if (classId != null) {
      if (Mean.rank(p) == 1) {
        throw new IllegalArgumentException(
            "When class_id is provided, y_pred must be a 2D array with shape (num_samples,"
                + " num_classes), found shape: "
                + p.shape());
      }
      Operand<TInt32> index = tf.constant(new int[] {classId});
      t = tf.gather(t, index, tf.constant(-1));
      p = tf.gather(p, index, tf.constant(-1));
    }
    Counts counts =
        evenly
            ? bucketed(tf, t, p, thresholds, sw, multiLabel, labelWeights)
            : compared(tf, t, p, thresholds, sw, multiLabel, labelWeights);
    List<Op> updates = new ArrayList<>();
    variables.forEach((cond, v) -> updates.add(AbstractMetric.assignAdd(tf, v, counts.of(cond))));
    return AbstractMetric.group(tf, updates);
  }

  /** The counts of one batch, by threshold (and label). */
  private record Counts(
      Operand<TFloat32> tp, Operand<TFloat32> fp, Operand<TFloat32> tn, Operand<TFloat32> fn) {
    Operand<TFloat32> of(Condition c) {
      return switch (c) {
        case TRUE_POSITIVES -> tp;
        case FALSE_POSITIVES -> fp;
        case TRUE_NEGATIVES -> tn;
        case FALSE_NEGATIVES -> fn;
      };
    }
  }

  /** Keras' {@code _update_confusion_matrix_variables_optimized}. */
  private static Counts bucketed(
      Ops tf,
      Operand<TFloat32> t,
      Operand<TFloat32> p,
      double[] thresholds,
      @Nullable Operand<TFloat32> sw,
      boolean multiLabel,
      double @Nullable [] labelWeights) {
    int n = thresholds.length;
    boolean withEpsilon = thresholds[0] < 0 || thresholds[n - 1] > 1;
    Operand<TInt32> flat = tf.constant(new int[] {-1});
    Operand<TFloat32> weights = null;
    if (sw != null) {
      weights = tf.broadcastTo(sw, tf.shape(p));
      if (!multiLabel) weights = tf.reshape(weights, flat);
    }
    if (labelWeights != null) {
      Operand<TFloat32> lw = tf.broadcastTo(labelRow(tf, labelWeights), tf.shape(p));
      if (!multiLabel) lw = tf.reshape(lw, flat);
      weights = weights == null ? lw : tf.math.mul(weights, lw);
    }
    Operand<TFloat32> one = tf.constant(1f);
    p = tf.clipByValue(p, tf.constant(0f), one);
    t = tf.dtypes.cast(tf.dtypes.cast(t, TBool.class), TFloat32.class);
    if (!multiLabel) {
      t = tf.reshape(t, flat);
      p = tf.reshape(p, flat);
    }
    Operand<TFloat32> trueLabels = weights == null ? t : tf.math.mul(t, weights);
    Operand<TFloat32> falseLabels = tf.math.sub(one, t);
    if (weights != null) falseLabels = tf.math.mul(falseLabels, weights);
    Operand<TFloat32> buckets =
        tf.math.sub(tf.math.ceil(tf.math.mul(p, tf.constant((float) (n - 1)))), one);
    if (withEpsilon) {
      buckets = tf.nn.relu(buckets);
    }
    Operand<TInt32> ids = tf.dtypes.cast(buckets, TInt32.class);
    Operand<TFloat32> tp;
    Operand<TFloat32> fp;
    Operand<TFloat32> totalTrue;
    Operand<TFloat32> totalFalse;
    if (!multiLabel) {
      tp = reverseCumsum(tf, tf.math.unsortedSegmentSum(trueLabels, ids, tf.constant(n)), 0);
      fp = reverseCumsum(tf, tf.math.unsortedSegmentSum(falseLabels, ids, tf.constant(n)), 0);
      totalTrue = tf.sum(trueLabels, tf.constant(0));
      totalFalse = tf.sum(falseLabels, tf.constant(0));
    } else {
      // Label l counts in segments l*n .. l*n+n-1; negative buckets are dropped, as Keras does.
      int labels = labels(p);
      Operand<TInt32> offsets =
          tf.math.mul(
              tf.range(tf.constant(0), tf.constant(labels), tf.constant(1)), tf.constant(n));
      Operand<TInt32> segments =
          tf.select(
              tf.math.greaterEqual(ids, tf.constant(0)),
              tf.math.add(ids, offsets),
              tf.math.neg(tf.onesLike(ids)));
      Operand<TInt32> byLabel = tf.constant(new int[] {labels, n});
      Operand<TInt32> transpose = tf.constant(new int[] {1, 0});
      tp =
          tf.linalg.transpose(
              reverseCumsum(
                  tf,
                  tf.reshape(
                      tf.math.unsortedSegmentSum(trueLabels, segments, tf.constant(labels * n)),
                      byLabel),
                  1),
              transpose);
      fp =
          tf.linalg.transpose(
              reverseCumsum(
                  tf,
                  tf.reshape(
                      tf.math.unsortedSegmentSum(falseLabels, segments, tf.constant(labels * n)),
                      byLabel),
                  1),
              transpose);
      totalTrue = tf.sum(trueLabels, tf.constant(0));
      totalFalse = tf.sum(falseLabels, tf.constant(0));
    }
    return new Counts(tp, fp, tf.math.sub(totalFalse, fp), tf.math.sub(totalTrue, tp));
  }

  /** Keras' general path: every prediction against every threshold. */
  private static Counts compared(
      Ops tf,
      Operand<TFloat32> t,
      Operand<TFloat32> p,
      double[] thresholds,
      @Nullable Operand<TFloat32> sw,
      boolean multiLabel,
      double @Nullable [] labelWeights) {
    int n = thresholds.length;
    float[] th = new float[n];
    for (int i = 0; i < n; i++) th[i] = (float) thresholds[i];
    Operand<TFloat32> predictions;
    Operand<TBool> labels;
    Operand<TFloat32> thresh;
    Operand<TFloat32> weights = null;
    if (!multiLabel) {
      Operand<TInt32> row = tf.constant(new int[] {1, -1});
      predictions = tf.reshape(p, row);
      labels = tf.reshape(tf.dtypes.cast(t, TBool.class), row);
      thresh = tf.reshape(tf.constant(th), tf.constant(new int[] {n, 1}));
      if (sw != null) weights = tf.reshape(tf.broadcastTo(sw, tf.shape(p)), row);
      if (labelWeights != null) {
        Operand<TFloat32> lw =
            tf.reshape(tf.broadcastTo(labelRow(tf, labelWeights), tf.shape(p)), row);
        weights = weights == null ? lw : tf.math.mul(weights, lw);
      }
    } else {
      Operand<TInt32> zero = tf.constant(0);
      predictions = tf.expandDims(p, zero);
      labels = tf.expandDims(tf.dtypes.cast(t, TBool.class), zero);
      thresh = tf.reshape(tf.constant(th), tf.constant(new int[] {n, 1, 1}));
      if (sw != null) weights = tf.expandDims(tf.broadcastTo(sw, tf.shape(p)), zero);
    }
    Operand<TBool> predPos = tf.math.greater(predictions, thresh);
    Operand<TBool> predNeg = tf.math.logicalNot(predPos);
    Operand<TBool> labelNeg = tf.math.logicalNot(labels);
    return new Counts(
        count(tf, labels, predPos, weights),
        count(tf, labelNeg, predPos, weights),
        count(tf, labelNeg, predNeg, weights),
        count(tf, labels, predNeg, weights));
  }

  private static Operand<TFloat32> count(
      Ops tf, Operand<TBool> label, Operand<TBool> pred, @Nullable Operand<TFloat32> weights) {
    Operand<TBool> both = tf.math.logicalAnd(label, pred);
    Operand<TFloat32> hits =
        weights == null
            ? tf.dtypes.cast(both, TFloat32.class)
            : tf.select(both, weights, tf.constant(0f));
    return tf.sum(hits, tf.constant(1));
  }

  /** Keras' {@code _filter_top_k}: predictions outside each row's top {@code k} become -1e10. */
  private static Operand<TFloat32> filterTopK(Ops tf, Operand<TFloat32> x, int k) {
    TopK<TFloat32, TInt32> top = tf.nn.topK(x, tf.constant(k), TInt32.class);
    int last = Mean.rank(x) - 1;
    Operand<TInt32> depth = tf.gather(tf.shape(x), tf.constant(last), tf.constant(0));
    Operand<TFloat32> one = tf.constant(1f);
    Operand<TFloat32> mask =
        tf.sum(tf.oneHot(top.indices(), depth, one, tf.constant(0f)), tf.constant(-2));
    return tf.math.add(
        tf.math.mul(x, mask), tf.math.mul(tf.constant((float) NEG_INF), tf.math.sub(one, mask)));
  }

  private static Operand<TFloat32> labelRow(Ops tf, double[] labelWeights) {
    float[] w = new float[labelWeights.length];
    for (int i = 0; i < w.length; i++) w[i] = (float) labelWeights[i];
    return tf.expandDims(tf.constant(w), tf.constant(0));
  }

  private static Operand<TFloat32> reverseCumsum(Ops tf, Operand<TFloat32> x, int axis) {
    return tf.math.cumsum(x, tf.constant(axis), Cumsum.reverse(true));
  }

  /** The number of labels (the second axis) of multi-label predictions, which must be known. */
  static int labels(Operand<?> p) {
    Shape s = p.shape();
    if (s.isUnknown() || s.numDimensions() != 2 || s.get(1) < 0) {
      throw new IllegalArgumentException(
          "`y_pred` must have rank 2 and a known number of labels when `multi_label=True`."
              + " Received: y_pred.shape="
              + s);
    }
    return (int) s.get(1);
  }
}
