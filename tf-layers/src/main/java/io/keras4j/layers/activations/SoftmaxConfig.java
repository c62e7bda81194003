package io.keras4j.layers.activations;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Config of {@link Softmax}: Keras' {@code Softmax(axis=-1)}.
 *
 * @param axis the axis or axes to normalize over
 */
@JsonDeserialize(builder = SoftmaxConfig.Builder.class)
public record SoftmaxConfig(@JsonProperty("axis") Axis axis) {

  public SoftmaxConfig {
    Objects.requireNonNull(axis, "axis");
  }

  /** Keras' default: the last axis. */
  public static SoftmaxConfig defaults() {
    return new Builder().build();
  }

  public static SoftmaxConfig of(int axis) {
    return new SoftmaxConfig(Axis.of(axis));
  }

  /** Softmax over several axes at once. */
  public static SoftmaxConfig of(List<Integer> axes) {
    return new SoftmaxConfig(Axis.of(axes));
  }

  /**
   * Keras' {@code axis} argument as written: one axis, a list of axes (kept as a list even with one
   * element, so that it is written back as Keras wrote it), or {@code None} for every axis, the
   * batch axis included.
   *
   * @param axes the axes, {@code null} for every axis
   * @param list whether Keras holds a list rather than a single integer
   */
  public record Axis(@Nullable List<Integer> axes, boolean list) {

    public Axis {
      if (axes != null) {
        if (axes.isEmpty()) {
          throw new IllegalArgumentException(
              "Softmax: `axis` must be an integer, a non-empty list of integers or None."
                  + " Received: axis=[]");
        }
        axes = List.copyOf(axes);
      }
    }

    public static Axis of(int axis) {
      return new Axis(List.of(axis), false);
    }

    public static Axis of(List<Integer> axes) {
      return new Axis(axes, true);
    }

    /** Every axis, as Keras' {@code axis=None}. */
    public static Axis all() {
      return new Axis(null, false);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static Axis fromJson(JsonNode node) {
      if (node == null || node.isNull()) return all();
      if (node.isIntegralNumber()) return of(node.intValue());
      if (node.isArray()) {
        List<Integer> axes = new ArrayList<>();
        for (JsonNode n : node) {
          if (!n.isIntegralNumber()) {
            throw new IllegalArgumentException(
                "Softmax: `axis` must hold integers. Received: axis=" + node);
          }
          axes.add(n.intValue());
        }
        return of(axes);
      }
      throw new IllegalArgumentException(
          "Softmax: `axis` must be an integer, a list of integers or None. Received: axis=" + node);
    }

    @JsonValue
    @Nullable Object toJson() {
      if (axes == null) return null;
      return list ? axes : axes.get(0);
    }
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private Axis axis = Axis.of(-1);

    /** {@code null} (a JSON {@code null}) is Keras' {@code axis=None}: every axis. */
    @JsonProperty("axis")
    public Builder axis(@Nullable Axis axis) {
      this.axis = axis == null ? Axis.all() : axis;
      return this;
    }

    public SoftmaxConfig build() {
      return new SoftmaxConfig(axis);
    }
  }
}
