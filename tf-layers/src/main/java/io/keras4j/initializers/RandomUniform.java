package io.keras4j.initializers;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TType;

/**
 * Uniform in {@code [minval, maxval)}: Keras' {@code keras.initializers.RandomUniform}.
 *
 * <pre>{@code
 * Initializer init = RandomUniform.builder().minval(-1.0).maxval(1.0).seed(7L).build();
 * Operand<TFloat32> w = init.call(tf, Shape.of(64, 32), TFloat32.class);
 * }</pre>
 *
 * @param seed seed of the draw; {@code null} draws a fresh seed at every call
 */
@JsonDeserialize(builder = RandomUniform.Builder.class)
public record RandomUniform(
    @JsonProperty("seed") @Nullable Long seed,
    @JsonProperty("minval") double minval,
    @JsonProperty("maxval") double maxval)
    implements Initializer {

  /** Keras' defaults: {@code minval=-0.05, maxval=0.05}, unseeded. */
  public RandomUniform() {
    this(new Builder());
  }

  private RandomUniform(Builder b) {
    this(b.seed, b.minval, b.maxval);
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public <T extends TType> Operand<T> call(Ops tf, Shape shape, Class<T> dtype) {
    return StatelessRandom.uniform(tf, shape, dtype, seed, minval, maxval, "RandomUniform");
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private @Nullable Long seed;
    private double minval = -0.05;
    private double maxval = 0.05;

    private Builder() {}

    @JsonProperty("seed")
    public Builder seed(@Nullable Long seed) {
      this.seed = seed;
      return this;
    }

    @JsonProperty("minval")
    public Builder minval(double minval) {
      this.minval = minval;
      return this;
    }

    @JsonProperty("maxval")
    public Builder maxval(double maxval) {
      this.maxval = maxval;
      return this;
    }

    public RandomUniform build() {
      return new RandomUniform(this);
    }
  }
}
