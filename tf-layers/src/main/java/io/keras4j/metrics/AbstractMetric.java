package io.keras4j.metrics;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.keras4j.initializers.Zeros;
import io.keras4j.layers.DTypePolicy;
import io.keras4j.layers.Weight;
import io.keras4j.layers.WeightOptions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TFloating;
import org.tensorflow.types.family.TType;

/**
 * The skeleton of a metric, Keras' {@code keras.metrics.Metric} base class: the {@code name} and
 * {@code dtype} every metric config has, state variables created with {@link #addVariable} (zeros,
 * not trainable, in creation order) and a {@link #resetState} that zeroes them all.
 *
 * <p>A metric is a stateful object and not thread-safe while its ops are being built; its ops may
 * then run concurrently like any graph's.
 */
public abstract class AbstractMetric implements Metric {

  private final String name;
  private final String dtype;
  private final List<Weight> variables = new ArrayList<>();

  /**
   * @param name the metric's name, as Keras reports it in {@code History}
   * @param dtype Keras' dtype of the metric's computations, {@code null} for {@code "float32"}
   */
  protected AbstractMetric(String name, @Nullable String dtype) {
    this.name = Objects.requireNonNull(name, "name");
    this.dtype = dtype == null ? "float32" : dtype;
    Class<? extends TType> type = DTypePolicy.dtype(this.dtype);
    if (!TFloating.class.isAssignableFrom(type)) {
      throw new IllegalArgumentException(
          "Metric '" + name + "' needs a floating dtype, received dtype=" + dtype);
    }
  }

  @Override
  @JsonProperty("name")
  public String name() {
    return name;
  }

  /** Keras' {@code dtype}: of the metric's computations and of its {@link Mean}-like state. */
  @JsonProperty("dtype")
  public String dtype() {
    return dtype;
  }

  /** The TensorFlow type of {@link #dtype()}. */
  @SuppressWarnings("unchecked")
  protected Class<? extends TFloating> computeType() {
    return (Class<? extends TFloating>) DTypePolicy.dtype(dtype);
  }

  @Override
  public List<Weight> variables() {
    return Collections.unmodifiableList(variables);
  }

  /**
   * Creates a state variable, Keras' {@code add_variable}: zeros of {@code shape} and {@code type},
   * not trainable, known as {@code <metric name>/<name>}.
   */
  protected Weight addVariable(String name, Shape shape, Class<? extends TFloating> type) {
    Weight w =
        Weight.create(
            name,
            this.name + "/" + name,
            shape,
            type,
            WeightOptions.of(new Zeros()).trainable(false));
    variables.add(w);
    return w;
  }

  /** Assigns every state variable its initial zeros (without reading it, so it may be new). */
  @Override
  public Op resetState(Ops tf) {
    List<Op> assigns = new ArrayList<>();
    for (Weight w : variables) {
      assigns.add(
          tf.assignVariableOp(w.handle(tf), w.initializer().call(tf, w.shape(), w.dtype())));
    }
    return group(tf, assigns);
  }

  /** One op that runs all of {@code ops}. */
  protected static Op group(Ops tf, List<Op> ops) {
    return tf.withControlDependencies(ops).noOp();
  }

  /** Adds {@code value} to {@code variable}. */
  protected static Op assignAdd(Ops tf, Weight variable, Operand<?> value) {
    return tf.assignAddVariableOp(variable.handle(tf), value);
  }

  /** Reads a variable as float32, the dtype of {@link #result}. */
  protected static Operand<TFloat32> readFloat32(Ops tf, Weight variable) {
    return tf.dtypes.cast(variable.<TFloating>read(tf), TFloat32.class);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + name + "]";
  }
}
