package io.keras4j.layers.core;

import io.keras4j.layers.CallContext;
import io.keras4j.layers.Layer;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.TensorSpec;
import io.keras4j.layers.Weight;
import io.keras4j.layers.WeightOptions;
import io.keras4j.regularizers.Regularizer;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.family.TType;

/**
 * Turns non-negative integer ids into dense vectors: {@code y[..., :] = embeddings[x[...], :]}.
 * Keras' {@code keras.layers.Embedding}.
 *
 * <p>Input {@code (batch, ...)} of ids, int32 or int64 (other dtypes, floating ids included, are
 * cast to int32 directly, as Keras' Embedding, which turns autocasting off); output {@code (batch,
 * ..., output_dim)} in the compute dtype. Weight: {@code embeddings} {@code (input_dim,
 * output_dim)}. With {@code mask_zero} the output mask is {@code x != 0}.
 *
 * <pre>{@code
 * Embedding embedding = new Embedding(EmbeddingConfig.builder(1000, 64).maskZero(true).build());
 * KerasTensor vectors = embedding.apply(Input.builder(10).dtype("int32").build());
 * }</pre>
 */
public final class Embedding extends Layer {

  private final EmbeddingConfig config;
  private @Nullable Weight embeddings;

  public Embedding(EmbeddingConfig config) {
    this(config, LayerArgs.defaults());
  }

  public Embedding(EmbeddingConfig config, LayerArgs args) {
    super(withActivityRegularizer(args, config.activityRegularizer()));
    this.config = config.toBuilder().activityRegularizer(args().activityRegularizer()).build();
    // Keras parity: an Embedding produces a mask only with mask_zero, and supports one only then.
    setSupportsMasking(config.maskZero());
  }

  /**
   * Keras writes {@code activity_regularizer} among Embedding's own keys (null included): the layer
   * applies the regularizer of its {@link LayerArgs}, and one given in the config wins.
   */
  private static LayerArgs withActivityRegularizer(LayerArgs args, @Nullable Regularizer r) {
    return r == null ? args : args.withActivityRegularizer(r);
  }

  @Override
  protected void build(Ops tf, Shape inputShape) {
    embeddings =
        addWeight(
            tf,
            "embeddings",
            Shape.of(config.inputDim(), config.outputDim()),
            WeightOptions.of(config.embeddingsInitializer())
                .regularizer(config.embeddingsRegularizer())
                .constraint(config.embeddingsConstraint()));
  }

  @Override
  protected Operand<?> call(Ops tf, Operand<?> input, CallContext context) {
    Operand<? extends TType> ids = input;
    if (input.type() != TInt32.class && input.type() != TInt64.class) {
      ids = tf.dtypes.cast(input, TInt32.class);
    }
    @SuppressWarnings("unchecked")
    Operand<TInt32> indices = (Operand<TInt32>) ids;
    Operand<? extends TType> table = embeddings.read(tf);
    Operand<? extends TType> out = tf.gather(table, indices, tf.constant(0));
    Class<? extends TType> compute = dtypePolicy().computeDtype();
    return out.type() == compute ? out : tf.dtypes.cast(out, compute);
  }

  @Override
  public Shape computeOutputShape(Shape inputShape) {
    return inputShape.append(config.outputDim());
  }

  /** Always the compute dtype, whatever the ids' dtype. */
  /** Keras parity: Embedding sets {@code autocast = False}; ids are not cast to floats first. */
  @Override
  protected boolean autocast() {
    return false;
  }

  @Override
  protected Class<? extends TType> outputDtype(List<TensorSpec> inputs) {
    return dtypePolicy().computeDtype();
  }

  @Override
  public List<@Nullable Operand<TBool>> computeMask(
      Ops tf, List<Operand<?>> inputs, List<@Nullable Operand<TBool>> masks, int outputCount) {
    List<@Nullable Operand<TBool>> out = new ArrayList<>(outputCount);
    Operand<TBool> mask = null;
    if (config.maskZero()) {
      mask = nonZero(tf, single(inputs, "inputs"));
    }
    for (int i = 0; i < outputCount; i++) out.add(mask);
    return out;
  }

  private static <T extends TType> Operand<TBool> nonZero(Ops tf, Operand<T> ids) {
    return tf.math.notEqual(ids, tf.zerosLike(ids));
  }

  @Override
  public EmbeddingConfig getConfig() {
    return config;
  }

  public @Nullable Weight embeddings() {
    return embeddings;
  }
}
