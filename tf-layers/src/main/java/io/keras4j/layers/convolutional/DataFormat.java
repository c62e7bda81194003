package io.keras4j.layers.convolutional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TType;

/**
 * Where the channels of an image-like tensor are: Keras' {@code data_format}, {@code
 * "channels_last"} ({@code (batch, *spatial, channels)}) or {@code "channels_first"} ({@code
 * (batch, channels, *spatial)}).
 *
 * <p>TensorFlow's CPU kernels for convolution and pooling only take channels last, so a {@code
 * channels_first} layer transposes its input with {@link #toChannelsLast} and its output back with
 * {@link #fromChannelsLast}, as Keras' TensorFlow backend does.
 */
public enum DataFormat {
  CHANNELS_LAST("channels_last"),
  CHANNELS_FIRST("channels_first");

  private final String kerasName;

  DataFormat(String kerasName) {
    this.kerasName = kerasName;
  }

  /** The Keras spelling, as written in configs. */
  @JsonValue
  public String kerasName() {
    return kerasName;
  }

  /** Keras' {@code standardize_data_format} for a given value: case-insensitive. */
  @JsonCreator
  public static DataFormat of(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    for (DataFormat f : values()) {
      if (f.kerasName.equals(n)) return f;
    }
    throw new IllegalArgumentException(
        "The `data_format` argument must be one of {'channels_first', 'channels_last'}. Received:"
            + " data_format="
            + name);
  }

  /** The index of the channel axis in a shape of the given rank (batch included). */
  public int channelAxis(int rank) {
    return this == CHANNELS_LAST ? rank - 1 : 1;
  }

  /** The number of channels of a shape, {@link Shape#UNKNOWN_SIZE} if unknown. */
  public long channels(Shape shape) {
    return shape.get(channelAxis(shape.numDimensions()));
  }

  /** The spatial dimensions of a shape (neither batch nor channels). */
  public long[] spatial(Shape shape) {
    int rank = shape.numDimensions();
    long[] s = new long[rank - 2];
    int first = this == CHANNELS_LAST ? 1 : 2;
    for (int i = 0; i < s.length; i++) s[i] = shape.get(first + i);
    return s;
  }

  /** A shape with the channels in this format's place. */
  public Shape shape(long batch, long[] spatial, long channels) {
    long[] d = new long[spatial.length + 2];
    d[0] = batch;
    int first = this == CHANNELS_LAST ? 1 : 2;
    System.arraycopy(spatial, 0, d, first, spatial.length);
    d[channelAxis(d.length)] = channels;
    return Shape.of(d);
  }

  /** {@code x} in this format, transposed to channels last if needed. */
  public <T extends TType> Operand<T> toChannelsLast(Ops tf, Operand<T> x) {
    if (this == CHANNELS_LAST) return x;
    int rank = x.shape().numDimensions();
    long[] perm = new long[rank];
    for (int i = 1; i < rank - 1; i++) perm[i] = i + 1;
    perm[rank - 1] = 1;
    return tf.linalg.transpose(x, tf.constant(perm));
  }

  /** {@code y}, which is channels last, transposed back to this format if needed. */
  public <T extends TType> Operand<T> fromChannelsLast(Ops tf, Operand<T> y) {
    if (this == CHANNELS_LAST) return y;
    int rank = y.shape().numDimensions();
    long[] perm = new long[rank];
    perm[1] = rank - 1;
    for (int i = 2; i < rank; i++) perm[i] = i - 1;
    return tf.linalg.transpose(y, tf.constant(perm));
  }
}
