package io.keras4j.layers.attention;

import io.keras4j.serialization.KerasRegistry;
import io.keras4j.serialization.LayerType;

/** Registers Keras' attention layers, one line per class. */
public final class AttentionLayers {

  private AttentionLayers() {}

  public static void register(KerasRegistry.Builder b) {
    b.layer(LayerType.of("Attention", Attention.class, AttentionConfig.class, Attention::new));
    b.layer(
        LayerType.of(
            "AdditiveAttention",
            AdditiveAttention.class,
            AdditiveAttentionConfig.class,
            AdditiveAttention::new));
    b.layer(
        LayerType.of(
            "MultiHeadAttention",
            MultiHeadAttention.class,
            MultiHeadAttentionConfig.class,
            MultiHeadAttention::new));
    b.layer(
        LayerType.custom(
            "seed",
            "AttentionDecoder",
            AttentionDecoder.class,
            AttentionDecoderConfig.class,
            AttentionDecoder::new));
  }
}
