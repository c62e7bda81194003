/**
 * Keras' attention layers ({@code keras.layers.Attention}, {@code AdditiveAttention}, {@code
 * MultiHeadAttention}) and the seed article's {@code AttentionDecoder}, the showcase of a custom
 * layer written against Keras4J's layer API and registered under its Keras key {@code
 * seed>AttentionDecoder}. Masks, causal masking and the call arguments {@code use_causal_mask} and
 * {@code return_attention_scores} behave as in Keras.
 */
@NullMarked
package io.keras4j.layers.attention;

import org.jspecify.annotations.NullMarked;
