package io.keras4j.layers;

import io.keras4j.constraints.Constraint;
import io.keras4j.initializers.Initializer;
import io.keras4j.regularizers.Regularizer;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.tensorflow.types.family.TType;

/**
 * How {@link Layer#addWeight} creates a weight: its initializer, and optionally a regularizer, a
 * constraint, whether it is trainable and its dtype.
 *
 * <pre>{@code
 * WeightOptions.of(kernelInitializer).regularizer(kernelRegularizer).constraint(kernelConstraint);
 * WeightOptions.of(new Zeros()).trainable(false);
 * }</pre>
 *
 * @param dtype the weight's dtype; {@code null} takes the layer's variable dtype
 */
public record WeightOptions(
    Initializer initializer,
    @Nullable Regularizer regularizer,
    @Nullable Constraint constraint,
    boolean trainable,
    @Nullable Class<? extends TType> dtype) {

  public WeightOptions {
    Objects.requireNonNull(initializer, "initializer");
  }

  /** A trainable weight with the given initializer and no regularizer or constraint. */
  public static WeightOptions of(Initializer initializer) {
    return new WeightOptions(initializer, null, null, true, null);
  }

  public WeightOptions regularizer(@Nullable Regularizer regularizer) {
    return new WeightOptions(initializer, regularizer, constraint, trainable, dtype);
  }

  public WeightOptions constraint(@Nullable Constraint constraint) {
    return new WeightOptions(initializer, regularizer, constraint, trainable, dtype);
  }

  public WeightOptions trainable(boolean trainable) {
    return new WeightOptions(initializer, regularizer, constraint, trainable, dtype);
  }

  public WeightOptions dtype(@Nullable Class<? extends TType> dtype) {
    return new WeightOptions(initializer, regularizer, constraint, trainable, dtype);
  }
}
