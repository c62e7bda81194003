package io.keras4j.layers.core;

import io.keras4j.layers.KerasTensor;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Creates the symbolic inputs of a functional model: Keras' {@code keras.Input}.
 *
 * <pre>{@code
 * KerasTensor x = Input.of(28, 28, 1);              // float32, batch dimension unknown
 * KerasTensor ids = Input.builder(12).dtype("int32").name("ids").build();
 * }</pre>
 */
public final class Input {

  private Input() {}

  /** A float32 input of the given shape, without the batch dimension. */
  public static KerasTensor of(long... shape) {
    return builder(shape).build();
  }

  /** An input of the given shape (without the batch dimension) with more settings. */
  public static Builder builder(long... shape) {
    return new Builder(shape);
  }

  public static final class Builder {
    private final List<@Nullable Long> batchShape = new ArrayList<>();
    private String dtype = "float32";
    private @Nullable String name;

    private Builder(long[] shape) {
      batchShape.add(null);
      for (long d : shape) {
        batchShape.add(d < 0 ? null : d);
      }
    }

    /** Fixes the batch size (unknown by default). */
    public Builder batchSize(long batchSize) {
      batchShape.set(0, batchSize);
      return this;
    }

    public Builder dtype(String dtype) {
      this.dtype = dtype;
      return this;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public KerasTensor build() {
      InputLayerConfig config =
          InputLayerConfig.builder(batchShape).dtype(dtype).name(name).build();
      return new InputLayer(config).output();
    }
  }
}
