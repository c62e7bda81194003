package io.keras4j.layers.attention;

import io.keras4j.initializers.Ones;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.Weight;
import io.keras4j.layers.WeightOptions;
import io.keras4j.layers.attention.AttentionConfig.ScoreMode;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.train.BatchMatMul;
import org.tensorflow.types.family.TFloating;

/**
 * Dot-product (Luong-style) attention: Keras' {@code keras.layers.Attention}.
 *
 * <p>With {@code score_mode="dot"} the scores are {@code query · keyᵀ}, times the learned scalar
 * {@code scale} when {@code use_scale}; with {@code "concat"} they are {@code concat_score_weight *
 * sum(tanh(scale * (query + key)))} over the features. Then {@code output = softmax(scores) ·
 * value}, with masked keys (value mask, {@code use_causal_mask}) given no weight and masked query
 * steps output as zeros.
 *
 * <p>Inputs {@code [query (batch, Tq, dim), value (batch, Tv, dim)]} and optionally {@code key
 * (batch, Tv, dim)}, which defaults to {@code value}; output {@code (batch, Tq, dim)}, and with the
 * call argument {@code return_attention_scores} also the weights {@code (batch, Tq, Tv)}. Weights:
 * {@code scale} {@code ()} when {@code use_scale}, then {@code concat_score_weight} {@code ()} in
 * {@code "concat"} mode.
 *
 * <pre>{@code
 * Attention attention = new Attention(AttentionConfig.builder().useScale(true).build());
 * KerasTensor context = attention.apply(List.of(Input.of(4, 6), Input.of(5, 6))); // (None, 4, 6)
 * }</pre>
 */
public final class Attention extends BaseDenseAttention {

  private final AttentionConfig config;
  private @Nullable Weight scale;
  private @Nullable Weight concatScoreWeight;

  public Attention(AttentionConfig config) {
    this(config, LayerArgs.defaults());
  }

  public Attention(AttentionConfig config, LayerArgs args) {
    super(args);
    this.config = config;
  }

  @Override
  protected void build(Ops tf, List<Shape> inputShapes) {
    validateInputs(inputShapes.size());
    if (config.useScale()) {
      scale = addWeight(tf, "scale", Shape.scalar(), WeightOptions.of(new Ones()));
    }
    if (config.scoreMode() == ScoreMode.CONCAT) {
      concatScoreWeight =
          addWeight(tf, "concat_score_weight", Shape.scalar(), WeightOptions.of(new Ones()));
    }
  }

  @Override
  <T extends TFloating> Operand<T> scores(Ops tf, Operand<T> query, Operand<T> key) {
    if (config.scoreMode() == ScoreMode.DOT) {
      Operand<T> scores = tf.train.batchMatMul(query, key, query.type(), BatchMatMul.adjY(true));
      return scale == null ? scores : tf.math.mul(scores, scale.read(tf));
    }
    Operand<T> sum =
        tf.math.add(
            tf.expandDims(query, tf.constant(-2)), // (batch, Tq, 1, dim)
            tf.expandDims(key, tf.constant(-3))); // (batch, 1, Tv, dim)
    if (scale != null) {
      sum = tf.math.mul(scale.read(tf), sum);
    }
    return tf.math.mul(concatScoreWeight.read(tf), tf.sum(tf.math.tanh(sum), tf.constant(-1)));
  }

  @Override
  double dropout() {
    return config.dropout();
  }

  @Override
  @Nullable Long seed() {
    return config.seed();
  }

  @Override
  boolean causal() {
    return Boolean.TRUE.equals(config.causal());
  }

  @Override
  public AttentionConfig getConfig() {
    return config;
  }
}
