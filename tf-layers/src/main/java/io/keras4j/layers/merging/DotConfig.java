package io.keras4j.layers.merging;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Config of {@link Dot}: Keras' {@code Dot(axes, normalize=False)}.
 *
 * @param axes the axis of each input to take the dot product over
 * @param normalize whether to L2-normalize both inputs along those axes first, which makes the
 *     result the cosine similarity
 */
@JsonDeserialize(builder = DotConfig.Builder.class)
public record DotConfig(
    @JsonProperty("axes") Axes axes, @JsonProperty("normalize") boolean normalize) {

  public DotConfig {
    if (axes == null) {
      throw new IllegalArgumentException(
          "Dot: `axes` is required, an int or a list of two ints. Received: axes=None");
    }
  }

  public static Builder builder(int axes) {
    return new Builder().axes(axes);
  }

  public static Builder builder(int first, int second) {
    return new Builder().axes(first, second);
  }

  /**
   * Keras' {@code axes}: one axis for both inputs, which Keras writes as an int, or one axis per
   * input, which Keras writes as a pair. Negative axes count from the last; axis 0, the batch, is
   * refused when the layer is built.
   *
   * @param pair whether the axes were given (and are written) as a pair
   */
  public record Axes(int first, int second, boolean pair) {

    public Axes {
      if (!pair && first != second) {
        throw new IllegalArgumentException(
            "Dot: a single `axes` value applies to both inputs; received "
                + first
                + " and "
                + second);
      }
    }

    public static Axes of(int both) {
      return new Axes(both, both, false);
    }

    public static Axes of(int first, int second) {
      return new Axes(first, second, true);
    }

    /** The axis of input {@code input} (0 or 1), made non-negative for a tensor of {@code rank}. */
    int forInput(int input, int rank) {
      int axis = input == 0 ? first : second;
      // Keras parity: Keras takes a negative axis modulo the rank.
      return Math.floorMod(axis, rank);
    }

    /** Keras' forms: an int, or a list of two ints. */
    @JsonCreator
    static Axes fromJson(JsonNode value) {
      if (value.isIntegralNumber()) {
        return of(value.asInt());
      }
      if (!value.isArray()) {
        throw new IllegalArgumentException(
            "Invalid type for argument `axes` of Dot: it should be a list or an int. Received:"
                + " axes="
                + value);
      }
      if (value.size() != 2) {
        throw new IllegalArgumentException(
            "Invalid format for argument `axes` of Dot: it should contain two elements. Received:"
                + " axes="
                + value);
      }
      if (!value.get(0).isIntegralNumber() || !value.get(1).isIntegralNumber()) {
        throw new IllegalArgumentException(
            "Invalid format for argument `axes` of Dot: list elements should be integers."
                + " Received: axes="
                + value);
      }
      return of(value.get(0).asInt(), value.get(1).asInt());
    }

    /** An int, or a pair, as Keras writes the {@code axes} it was given. */
    @JsonValue
    Object toJson() {
      return pair ? List.of(first, second) : first;
    }
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    // Keras has no default for axes: a config without it fails validation.
    private @Nullable Axes axes;
    private boolean normalize = false;

    /** One axis for both inputs. */
    public Builder axes(int both) {
      return axes(Axes.of(both));
    }

    /** One axis per input. */
    public Builder axes(int first, int second) {
      return axes(Axes.of(first, second));
    }

    @JsonProperty("axes")
    public Builder axes(@Nullable Axes axes) {
      this.axes = axes;
      return this;
    }

    @JsonProperty("normalize")
    public Builder normalize(boolean normalize) {
      this.normalize = normalize;
      return this;
    }

    public DotConfig build() {
      return new DotConfig(axes, normalize);
    }
  }
}
