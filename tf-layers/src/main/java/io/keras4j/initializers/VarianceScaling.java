package io.keras4j.initializers;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TType;

/**
 * Random values whose variance adapts to the weight's shape: Keras' {@code
 * keras.initializers.VarianceScaling}.
 *
 * <p>With {@code n} the fan of {@code mode} ({@code fan_in}, {@code fan_out} or their average
 * {@code fan_avg}, at least 1) and {@code s = scale / n}:
 *
 * <ul>
 *   <li>{@code truncated_normal}: a normal truncated at two standard deviations, with standard
 *       deviation {@code sqrt(s) / 0.87962566103423978} before truncation, so {@code sqrt(s)} after
 *       it;
 *   <li>{@code untruncated_normal}: a normal with standard deviation {@code sqrt(s)};
 *   <li>{@code uniform}: uniform in {@code [-sqrt(3 s), sqrt(3 s)]}.
 * </ul>
 *
 * <p>Fans follow Keras' {@code compute_fans}: a convolution kernel {@code (k1, ..., in, out)}
 * multiplies {@code in} and {@code out} by its receptive field {@code k1 * ...}. {@link
 * GlorotUniform}, {@link GlorotNormal}, {@link HeUniform}, {@link HeNormal}, {@link LecunUniform}
 * and {@link LecunNormal} are this initializer with fixed arguments.
 *
 * <pre>{@code
 * Initializer init = VarianceScaling.builder().scale(0.1).mode("fan_in").distribution("uniform")
 *     .seed(7L).build();
 * Operand<TFloat32> kernel = init.call(tf, Shape.of(3, 3, 16, 32), TFloat32.class);
 * }</pre>
 *
 * @param seed seed of the draw; {@code null} draws a fresh seed at every call
 * @param distribution {@code "normal"} is read as {@code "truncated_normal"}, as Keras does
 * @param inputAxes axes whose product is the fan-in, used with {@code outputAxes} only
 * @param outputAxes axes whose product is the fan-out, used with {@code inputAxes} only
 */
@JsonDeserialize(builder = VarianceScaling.Builder.class)
public record VarianceScaling(
    @JsonProperty("seed") @Nullable Long seed,
    @JsonProperty("scale") double scale,
    @JsonProperty("mode") String mode,
    @JsonProperty("distribution") String distribution,
    @JsonProperty("input_axes") @Nullable List<Integer> inputAxes,
    @JsonProperty("output_axes") @Nullable List<Integer> outputAxes)
    implements Initializer {

  private static final Set<String> MODES = Set.of("fan_in", "fan_out", "fan_avg");
  private static final Set<String> DISTRIBUTIONS =
      Set.of("uniform", "truncated_normal", "untruncated_normal");

  /** The standard deviation of a standard normal truncated to {@code [-2, 2]}. */
  private static final double TRUNCATED_STDDEV = 0.87962566103423978;

  public VarianceScaling {
    if (!(scale > 0.0)) {
      throw new IllegalArgumentException(
          "VarianceScaling: argument `scale` must be a positive float. Received: scale=" + scale);
    }
    Objects.requireNonNull(mode, "mode");
    if (!MODES.contains(mode)) {
      throw new IllegalArgumentException(
          "VarianceScaling: invalid `mode` argument: "
              + mode
              + ". Please use one of [fan_in, fan_out, fan_avg]");
    }
    Objects.requireNonNull(distribution, "distribution");
    distribution = distribution.toLowerCase(Locale.ROOT);
    if (distribution.equals("normal")) {
      // Keras parity: Keras 2's "normal" is read as the truncated normal.
      distribution = "truncated_normal";
    }
    if (!DISTRIBUTIONS.contains(distribution)) {
      throw new IllegalArgumentException(
          "VarianceScaling: invalid `distribution` argument: "
              + distribution
              + ". Please use one of [uniform, truncated_normal, untruncated_normal]");
    }
    inputAxes = inputAxes == null ? null : List.copyOf(inputAxes);
    outputAxes = outputAxes == null ? null : List.copyOf(outputAxes);
  }

  /** Keras' defaults: {@code scale=1.0, mode="fan_in", distribution="truncated_normal"}. */
  public VarianceScaling() {
    this(new Builder());
  }

  private VarianceScaling(Builder b) {
    this(b.seed, b.scale, b.mode, b.distribution, b.inputAxes, b.outputAxes);
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public <T extends TType> Operand<T> call(Ops tf, Shape shape, Class<T> dtype) {
    Fans fans = Fans.of(shape, inputAxes, outputAxes);
    double n =
        switch (mode) {
          case "fan_in" -> fans.in();
          case "fan_out" -> fans.out();
          default -> (fans.in() + fans.out()) / 2.0;
        };
    double s = scale / Math.max(1.0, n);
    return switch (distribution) {
      case "truncated_normal" ->
          StatelessRandom.truncatedNormal(
              tf, shape, dtype, seed, 0.0, Math.sqrt(s) / TRUNCATED_STDDEV, "VarianceScaling");
      case "untruncated_normal" ->
          StatelessRandom.normal(tf, shape, dtype, seed, 0.0, Math.sqrt(s), "VarianceScaling");
      default -> {
        double limit = Math.sqrt(3.0 * s);
        yield StatelessRandom.uniform(tf, shape, dtype, seed, -limit, limit, "VarianceScaling");
      }
    };
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private @Nullable Long seed;
    private double scale = 1.0;
    private String mode = "fan_in";
    private String distribution = "truncated_normal";
    private @Nullable List<Integer> inputAxes;
    private @Nullable List<Integer> outputAxes;

    private Builder() {}

    @JsonProperty("seed")
    public Builder seed(@Nullable Long seed) {
      this.seed = seed;
      return this;
    }

    @JsonProperty("scale")
    public Builder scale(double scale) {
      this.scale = scale;
      return this;
    }

    @JsonProperty("mode")
    public Builder mode(String mode) {
      this.mode = mode;
      return this;
    }

    @JsonProperty("distribution")
    public Builder distribution(String distribution) {
      this.distribution = distribution;
      return this;
    }

    @JsonProperty("input_axes")
    public Builder inputAxes(@Nullable List<Integer> inputAxes) {
      this.inputAxes = inputAxes;
      return this;
    }

    @JsonProperty("output_axes")
    public Builder outputAxes(@Nullable List<Integer> outputAxes) {
      this.outputAxes = outputAxes;
      return this;
    }

    public VarianceScaling build() {
      return new VarianceScaling(this);
    }
  }
}
