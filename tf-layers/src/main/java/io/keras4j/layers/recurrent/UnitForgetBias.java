package io.keras4j.layers.recurrent;

import io.keras4j.initializers.Initializer;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TType;

/**
 * The initial LSTM bias with {@code unit_forget_bias}: the bias initializer's values for the input
 * gate, ones for the forget gate, the bias initializer's values for the cell and output gates, as
 * Keras' {@code LSTMCell.build} makes it.
 */
record UnitForgetBias(Initializer bias, int units) implements Initializer {

  @Override
  public <T extends TType> Operand<T> call(Ops tf, Shape shape, Class<T> dtype) {
    return tf.concat(
        List.of(
            bias.call(tf, Shape.of(units), dtype),
            tf.ones(tf.constant(new long[] {units}), dtype),
            bias.call(tf, Shape.of(2L * units), dtype)),
        tf.constant(0));
  }
}
