package io.keras4j.layers.attention;

import io.keras4j.initializers.GlorotUniform;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.Weight;
import io.keras4j.layers.WeightOptions;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * Additive (Bahdanau-style) attention: Keras' {@code keras.layers.AdditiveAttention}.
 *
 * <p>The scores are {@code sum(scale * tanh(query + key))} over the features, with the learned
 * vector {@code scale} when {@code use_scale}; then {@code output = softmax(scores) · value}, with
 * masked keys (value mask, {@code use_causal_mask}) given no weight and masked query steps output
 * as zeros.
 *
 * <p>Inputs {@code [query (batch, Tq, dim), value (batch, Tv, dim)]} and optionally {@code key
 * (batch, Tv, dim)}, which defaults to {@code value}; output {@code (batch, Tq, dim)}, and with the
 * call argument {@code return_attention_scores} also the weights {@code (batch, Tq, Tv)}. Weight:
 * {@code scale} {@code (dim,)} when {@code use_scale}.
 *
 * <pre>{@code
 * AdditiveAttention attention = new AdditiveAttention(AdditiveAttentionConfig.builder().build());
 * KerasTensor context = attention.apply(List.of(Input.of(4, 6), Input.of(5, 6))); // (None, 4, 6)
 * }</pre>
 */
public final class AdditiveAttention extends BaseDenseAttention {

  private final AdditiveAttentionConfig config;
  private @Nullable Weight scale;

  public AdditiveAttention(AdditiveAttentionConfig config) {
    this(config, LayerArgs.defaults());
  }

  public AdditiveAttention(AdditiveAttentionConfig config, LayerArgs args) {
    super(args);
    this.config = config;
  }

  @Override
  protected void build(Ops tf, List<Shape> inputShapes) {
    validateInputs(inputShapes.size());
    Shape query = inputShapes.get(0);
    long dim = query.get(query.numDimensions() - 1);
    if (config.useScale()) {
      scale = addWeight(tf, "scale", Shape.of(dim), WeightOptions.of(new GlorotUniform()));
    }
  }

  @Override
  <T extends TFloating> Operand<T> scores(Ops tf, Operand<T> query, Operand<T> key) {
    Operand<T> tanh =
        tf.math.tanh(
            tf.math.add(
                tf.expandDims(query, tf.constant(-2)), // (batch, Tq, 1, dim)
                tf.expandDims(key, tf.constant(-3)))); // (batch, 1, Tv, dim)
    return tf.sum(scale == null ? tanh : tf.math.mul(scale.read(tf), tanh), tf.constant(-1));
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
  public AdditiveAttentionConfig getConfig() {
    return config;
  }
}
