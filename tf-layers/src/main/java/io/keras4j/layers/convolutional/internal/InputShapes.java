package io.keras4j.layers.convolutional.internal;

import io.keras4j.layers.Layer;
import io.keras4j.layers.Shapes;
import io.keras4j.layers.convolutional.DataFormat;
import org.tensorflow.ndarray.Shape;

/** Keras' input checks of the convolution and pooling layers, with Keras' messages. */
public final class InputShapes {

  private InputShapes() {}

  /**
   * Checks that the input has a batch axis, {@code spatialRank} spatial axes and a channel axis, as
   * Keras' {@code InputSpec(ndim=...)}.
   */
  public static void checkRank(Layer layer, int spatialRank, Shape inputShape) {
    int expected = spatialRank + 2;
    if (inputShape.isUnknown() || inputShape.numDimensions() != expected) {
      throw new IllegalArgumentException(
          "Input 0 of layer \""
              + layer.name()
              + "\" is incompatible with the layer: expected ndim="
              + expected
              + ", found ndim="
              + (inputShape.isUnknown() ? "unknown" : inputShape.numDimensions())
              + ". Full shape received: "
              + (inputShape.isUnknown() ? "unknown" : Shapes.toKeras(inputShape)));
    }
  }

  /** The number of input channels, which must be known to create a kernel. */
  public static long channels(Layer layer, int spatialRank, DataFormat format, Shape inputShape) {
    checkRank(layer, spatialRank, inputShape);
    long channels = format.channels(inputShape);
    if (channels == Shape.UNKNOWN_SIZE) {
      throw new IllegalArgumentException(
          "Layer \""
              + layer.name()
              + "\" needs a known channel dimension (axis "
              + format.channelAxis(inputShape.numDimensions())
              + " for "
              + format.kerasName()
              + "). Full shape received: "
              + Shapes.toKeras(inputShape));
    }
    return channels;
  }
}
