package io.keras4j.layers.reshaping;

import io.keras4j.serialization.KerasRegistry;
import io.keras4j.serialization.LayerType;

/** Registers Keras' reshaping layers, one line per class. */
public final class ReshapingLayers {

  private ReshapingLayers() {}

  public static void register(KerasRegistry.Builder b) {
    b.layer(LayerType.of("Reshape", Reshape.class, ReshapeConfig.class, Reshape::new));
    b.layer(LayerType.of("Flatten", Flatten.class, FlattenConfig.class, Flatten::new));
    b.layer(LayerType.of("Permute", Permute.class, PermuteConfig.class, Permute::new));
    b.layer(
        LayerType.of(
            "RepeatVector", RepeatVector.class, RepeatVectorConfig.class, RepeatVector::new));
    b.layer(LayerType.of("Cropping1D", Cropping1D.class, Cropping1DConfig.class, Cropping1D::new));
    b.layer(LayerType.of("Cropping2D", Cropping2D.class, Cropping2DConfig.class, Cropping2D::new));
    b.layer(LayerType.of("Cropping3D", Cropping3D.class, Cropping3DConfig.class, Cropping3D::new));
    b.layer(
        LayerType.of(
            "ZeroPadding1D", ZeroPadding1D.class, ZeroPadding1DConfig.class, ZeroPadding1D::new));
    b.layer(
        LayerType.of(
            "ZeroPadding2D", ZeroPadding2D.class, ZeroPadding2DConfig.class, ZeroPadding2D::new));
    b.layer(
        LayerType.of(
            "ZeroPadding3D", ZeroPadding3D.class, ZeroPadding3DConfig.class, ZeroPadding3D::new));
    b.layer(
        LayerType.of(
            "UpSampling1D", UpSampling1D.class, UpSampling1DConfig.class, UpSampling1D::new));
    b.layer(
        LayerType.of(
            "UpSampling2D", UpSampling2D.class, UpSampling2DConfig.class, UpSampling2D::new));
    b.layer(
        LayerType.of(
            "UpSampling3D", UpSampling3D.class, UpSampling3DConfig.class, UpSampling3D::new));
  }
}
