package io.keras4j.activations;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TNumber;

/** Keras' built-in activation functions, each under its Keras name. */
public enum BuiltinActivation implements Activation {
  LINEAR("linear") {
    @Override
    public <T extends TNumber> Operand<T> call(Ops tf, Operand<T> x) {
      return x;
    }
  },
  RELU("relu") {
    @Override
    public <T extends TNumber> Operand<T> call(Ops tf, Operand<T> x) {
      return tf.nn.relu(x);
    }
  },
  SIGMOID("sigmoid") {
    @Override
    public <T extends TNumber> Operand<T> call(Ops tf, Operand<T> x) {
      return tf.math.sigmoid(x);
    }
  },
  TANH("tanh") {
    @Override
    public <T extends TNumber> Operand<T> call(Ops tf, Operand<T> x) {
      return tf.math.tanh(x);
    }
  },
  SOFTMAX("softmax") {
    @Override
    public <T extends TNumber> Operand<T> call(Ops tf, Operand<T> x) {
      return tf.nn.softmax(x);
    }
  };

  private final String kerasName;

  BuiltinActivation(String kerasName) {
    this.kerasName = kerasName;
  }

  /** The name Keras serializes this activation as. */
  public String kerasName() {
    return kerasName;
  }
}
