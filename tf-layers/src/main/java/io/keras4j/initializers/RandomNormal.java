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
 * Normal with mean {@code mean} and standard deviation {@code stddev}: Keras' {@code
 * keras.initializers.RandomNormal}.
 *
 * <pre>{@code
 * Initializer init = RandomNormal.builder().mean(0.0).stddev(1.0).seed(7L).build();
 * Operand<TFloat32> w = init.call(tf, Shape.of(64, 32), TFloat32.class);
 * }</pre>
 *
 * @param seed seed of the draw; {@code null} draws a fresh seed at every call
 */
@JsonDeserialize(builder = RandomNormal.Builder.class)
public record RandomNormal(
    @JsonProperty("seed") @Nullable Long seed,
    @JsonProperty("mean") double mean,
    @JsonProperty("stddev") double stddev)
    implements Initializer {

  /** Keras' defaults: {@code mean=0.0, stddev=0.05}, unseeded. */
  public RandomNormal() {
    this(new Builder());
  }

  private RandomNormal(Builder b) {
    this(b.seed, b.mean, b.stddev);
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public <T extends TType> Operand<T> call(Ops tf, Shape shape, Class<T> dtype) {
    return StatelessRandom.normal(tf, shape, dtype, seed, mean, stddev, "RandomNormal");
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private @Nullable Long seed;
    private double mean = 0.0;
    private double stddev = 0.05;

    private Builder() {}

    @JsonProperty("seed")
    public Builder seed(@Nullable Long seed) {
      this.seed = seed;
      return this;
    }

    @JsonProperty("mean")
    public Builder mean(double mean) {
      this.mean = mean;
      return this;
    }

    @JsonProperty("stddev")
    public Builder stddev(double stddev) {
      this.stddev = stddev;
      return this;
    }

    public RandomNormal build() {
      return new RandomNormal(this);
    }
  }
}
