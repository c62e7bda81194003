package io.keras4j.layers.merging;

import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.TensorSpec;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.family.TFloating;
import org.tensorflow.types.family.TType;

/**
 * Averages a list of tensors element-wise: {@code y = (x[0] + ... + x[n-1]) / n}. Keras' {@code
 * keras.layers.Average}.
 *
 * <p>Inputs: a list of tensors of one shape, or of shapes that broadcast (an input of lower rank
 * gets unit axes after the batch axis); output: the broadcast shape. Output mask: the OR of the
 * input masks, none unless every input has one. Integer inputs give a result in the compute dtype,
 * as Keras' true division does.
 *
 * <pre>{@code
 * KerasTensor a = Input.of(5);
 * KerasTensor b = Input.of(5);
 * KerasTensor mean = new Average().apply(List.of(a, b)); // (None, 5)
 * }</pre>
 */
public final class Average extends Merge {

  private final AverageConfig config;

  public Average() {
    this(new AverageConfig());
  }

  public Average(AverageConfig config) {
    this(config, LayerArgs.defaults());
  }

  public Average(AverageConfig config, LayerArgs args) {
    super(args);
    this.config = config;
  }

  // Keras parity: the sum divided by n (not multiplied by 1/n), as Keras' `output / len(inputs)`.
  private static <T extends TType> Operand<T> divide(Ops tf, Operand<T> sum, int n) {
    return tf.math.div(sum, tf.dtypes.cast(tf.constant(n), sum.type()));
  }

  @Override
  protected Class<? extends TType> outputDtype(List<TensorSpec> inputs) {
    return dtypePolicy().computeDtype();
  }

  @Override
  Operand<?> merge(Ops tf, List<Operand<?>> inputs, List<@Nullable Operand<TBool>> masks) {
    Operand<? extends TType> sum = Add.sum(tf, Merge.<TType>typed(inputs));
    if (!TFloating.class.isAssignableFrom(sum.type())) {
      sum = tf.dtypes.cast(sum, dtypePolicy().computeDtype());
    }
    return divide(tf, sum, inputs.size());
  }

  @Override
  public AverageConfig getConfig() {
    return config;
  }
}
