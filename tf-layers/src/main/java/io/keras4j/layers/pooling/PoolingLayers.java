package io.keras4j.layers.pooling;

import io.keras4j.serialization.KerasRegistry;
import io.keras4j.serialization.LayerType;

/**
 * Registers Keras' pooling layers, one line per class, with the other names Keras exports them
 * under ({@code MaxPool2D} for {@code MaxPooling2D}, ...).
 */
public final class PoolingLayers {

  private PoolingLayers() {}

  public static void register(KerasRegistry.Builder b) {
    layer(
        b,
        LayerType.of("MaxPooling1D", MaxPooling1D.class, PoolingConfig.class, MaxPooling1D::new),
        "MaxPool1D");
    layer(
        b,
        LayerType.of("MaxPooling2D", MaxPooling2D.class, PoolingConfig.class, MaxPooling2D::new),
        "MaxPool2D");
    layer(
        b,
        LayerType.of("MaxPooling3D", MaxPooling3D.class, PoolingConfig.class, MaxPooling3D::new),
        "MaxPool3D");
    layer(
        b,
        LayerType.of(
            "AveragePooling1D", AveragePooling1D.class, PoolingConfig.class, AveragePooling1D::new),
        "AvgPool1D");
    layer(
        b,
        LayerType.of(
            "AveragePooling2D", AveragePooling2D.class, PoolingConfig.class, AveragePooling2D::new),
        "AvgPool2D");
    layer(
        b,
        LayerType.of(
            "AveragePooling3D", AveragePooling3D.class, PoolingConfig.class, AveragePooling3D::new),
        "AvgPool3D");
    layer(
        b,
        LayerType.of(
            "GlobalMaxPooling1D",
            GlobalMaxPooling1D.class,
            GlobalPoolingConfig.class,
            GlobalMaxPooling1D::new),
        "GlobalMaxPool1D");
    layer(
        b,
        LayerType.of(
            "GlobalMaxPooling2D",
            GlobalMaxPooling2D.class,
            GlobalPoolingConfig.class,
            GlobalMaxPooling2D::new),
        "GlobalMaxPool2D");
    layer(
        b,
        LayerType.of(
            "GlobalMaxPooling3D",
            GlobalMaxPooling3D.class,
            GlobalPoolingConfig.class,
            GlobalMaxPooling3D::new),
        "GlobalMaxPool3D");
    layer(
        b,
        LayerType.of(
            "GlobalAveragePooling1D",
            GlobalAveragePooling1D.class,
            GlobalPoolingConfig.class,
            GlobalAveragePooling1D::new),
        "GlobalAvgPool1D");
    layer(
        b,
        LayerType.of(
            "GlobalAveragePooling2D",
            GlobalAveragePooling2D.class,
            GlobalPoolingConfig.class,
            GlobalAveragePooling2D::new),
        "GlobalAvgPool2D");
    layer(
        b,
        LayerType.of(
            "GlobalAveragePooling3D",
            GlobalAveragePooling3D.class,
            GlobalPoolingConfig.class,
            GlobalAveragePooling3D::new),
        "GlobalAvgPool3D");
  }

  private static void layer(KerasRegistry.Builder b, LayerType<?> type, String... aliases) {
    b.layer(type);
    for (String alias : aliases) b.alias(alias, type);
  }
}
