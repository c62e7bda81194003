package io.keras4j.layers.convolutional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;
import org.tensorflow.ndarray.Shape;

/**
 * Keras' {@code padding} of a sliding window: {@code "valid"} (no padding), {@code "same"} (pad so
 * that the output has {@code ceil(n / stride)} steps; TensorFlow puts the odd cell after) or {@code
 * "causal"} (1-D convolutions only: pad {@code dilation * (kernel - 1)} cells before, so that no
 * output sees a later input).
 */
public enum Padding {
  VALID("valid"),
  SAME("same"),
  CAUSAL("causal");

  private final String kerasName;

  Padding(String kerasName) {
    this.kerasName = kerasName;
  }

  @JsonValue
  public String kerasName() {
    return kerasName;
  }

  /** Keras' {@code standardize_padding}: case-insensitive. */
  @JsonCreator
  public static Padding of(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    for (Padding p : values()) {
      if (p.kerasName.equals(n)) return p;
    }
    throw new IllegalArgumentException(
        "The `padding` argument must be one of {'valid', 'same', 'causal'}. Received: " + name);
  }

  /** TensorFlow's name for the padding of its convolution and pooling ops. */
  public String tensorFlowName() {
    if (this == CAUSAL) {
      throw new IllegalStateException("causal padding is applied by padding the input explicitly");
    }
    return kerasName.toUpperCase(Locale.ROOT);
  }

  /**
   * The output length of a window sliding over {@code n} cells, as Keras' {@code
   * compute_conv_output_shape} and {@code compute_pooling_output_shape}: {@code floor((n - dilation
   * * (window - 1) - 1) / stride) + 1} for {@code valid}, {@code floor((n - 1) / stride) + 1}
   * otherwise. An unknown length stays unknown.
   *
   * @throws IllegalArgumentException if the window does not fit (a {@code valid} output of zero or
   *     fewer cells)
   */
  public long outputLength(long n, int window, int stride, int dilation) {
    if (n == Shape.UNKNOWN_SIZE) return Shape.UNKNOWN_SIZE;
    long out =
        this == VALID
            ? Math.floorDiv(n - (long) dilation * (window - 1) - 1, stride) + 1
            : Math.floorDiv(n - 1, stride) + 1;
    if (out <= 0) {
      throw new IllegalArgumentException(
          "Computed output size would be zero or negative: an input of "
              + n
              + " cells, a window of "
              + window
              + ", dilation_rate="
              + dilation
              + ", strides="
              + stride
              + ", padding="
              + kerasName);
    }
    return out;
  }

  /**
   * {@link #outputLength} along each spatial axis: {@code in[i]} cells under window {@code
   * window.get(i)}, stride {@code strides.get(i)} and dilation {@code dilations.get(i)}.
   */
  public long[] outputLengths(
      long[] in, List<Integer> window, List<Integer> strides, List<Integer> dilations) {
    long[] out = new long[in.length];
    for (int i = 0; i < in.length; i++) {
      out[i] = outputLength(in[i], window.get(i), strides.get(i), dilations.get(i));
    }
    return out;
  }
}
