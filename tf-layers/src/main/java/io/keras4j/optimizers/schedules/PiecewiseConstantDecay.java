package io.keras4j.optimizers.schedules;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TNumber;

/**
 * A step function: {@code values[0]} while {@code step <= boundaries[0]}, {@code values[i]} while
 * {@code boundaries[i-1] < step <= boundaries[i]}, and {@code values[n]} after the last boundary.
 * Keras' {@code keras.optimizers.schedules.PiecewiseConstantDecay}; boundaries are compared in the
 * step's integer dtype, as Keras casts them.
 *
 * <pre>{@code
 * LearningRateSchedule lr =
 *     PiecewiseConstantDecay.of(List.of(4.0, 8.0), List.of(0.02, 0.01, 0.005));
 * }</pre>
 */
@JsonDeserialize(builder = PiecewiseConstantDecay.Builder.class)
public record PiecewiseConstantDecay(
    @JsonProperty("boundaries") List<Double> boundaries,
    @JsonProperty("values") List<Double> values,
    @JsonProperty("name") String name)
    implements LearningRateSchedule {

  public PiecewiseConstantDecay {
    boundaries = List.copyOf(boundaries);
    values = List.copyOf(values);
    Objects.requireNonNull(name, "name");
    if (boundaries.size() != values.size() - 1) {
      throw new IllegalArgumentException(
          "The length of boundaries should be 1 less than the length of values. Received:"
              + " boundaries="
              + boundaries
              + " of length "
              + boundaries.size()
              + ", and values="
              + values
              + " of length "
              + values.size()
              + ".");
    }
  }

  /** With Keras' default name. */
  public static PiecewiseConstantDecay of(List<Double> boundaries, List<Double> values) {
    return builder().boundaries(boundaries).values(values).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Operand<TFloat32> call(Ops tf, Operand<? extends TNumber> step) {
    return select(tf, step);
  }

  private <S extends TNumber> Operand<TFloat32> select(Ops tf, Operand<S> step) {
    // From the last interval back: each boundary b_i takes values[i] for the steps <= b_i.
    Operand<TFloat32> lr = tf.constant(values.get(values.size() - 1).floatValue());
    for (int i = boundaries.size() - 1; i >= 0; i--) {
      Operand<S> b = tf.dtypes.cast(tf.constant(boundaries.get(i)), step.type());
      lr = tf.select(tf.math.lessEqual(step, b), tf.constant(values.get(i).floatValue()), lr);
    }
    return lr;
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private @Nullable List<Double> boundaries;
    private @Nullable List<Double> values;
    private String name = "PiecewiseConstant";

    private Builder() {}

    @JsonProperty("boundaries")
    public Builder boundaries(List<Double> boundaries) {
      this.boundaries = boundaries;
      return this;
    }

    @JsonProperty("values")
    public Builder values(List<Double> values) {
      this.values = values;
      return this;
    }

    @JsonProperty("name")
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public PiecewiseConstantDecay build() {
      if (boundaries == null || values == null) {
        throw new IllegalArgumentException(
            "PiecewiseConstantDecay() is missing the required argument `"
                + (boundaries == null ? "boundaries" : "values")
                + "`");
      }
      return new PiecewiseConstantDecay(boundaries, values, name);
    }
  }
}
