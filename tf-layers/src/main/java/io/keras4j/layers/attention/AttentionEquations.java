package io.keras4j.layers.attention;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The einsum equations of {@link MultiHeadAttention}, built as Keras builds them so that the
 * projection kernels have Keras' shapes and the attention runs over the same axes.
 *
 * <p>Axes are named {@code a}, {@code b}, ... in order. A projection keeps the free axes of its
 * input, contracts the bound ones with the kernel and appends the kernel's output axes. After the
 * projections, query, key and value are {@code (batch, <other axes>, <attention axes>, heads,
 * channels)}; the attention contracts the channels of query and key into scores {@code (batch,
 * <other axes>, heads, <query attention axes>, <key attention axes>)} and then the key attention
 * axes of the scores with the value.
 */
final class AttentionEquations {

  private AttentionEquations() {}

  /** A projection: {@code input,kernel->output}, the axes a bias spans and the output's rank. */
  record Projection(String equation, String biasAxes, int outputRank) {}

  /** The two attention equations and the rank of the scores. */
  record Attend(String dotProduct, String combine, int scoresRank) {}

  /**
   * The projection of an input with {@code free} kept axes and {@code bound} contracted axes onto
   * {@code output} new axes.
   */
  static Projection projection(int free, int bound, int output) {
    StringBuilder input = new StringBuilder();
    StringBuilder kernel = new StringBuilder();
    StringBuilder out = new StringBuilder();
    StringBuilder bias = new StringBuilder();
    int letter = 0;
    for (int i = 0; i < free; i++, letter++) {
      input.append(axis(letter));
      out.append(axis(letter));
    }
    for (int i = 0; i < bound; i++, letter++) {
      input.append(axis(letter));
      kernel.append(axis(letter));
    }
    for (int i = 0; i < output; i++, letter++) {
      kernel.append(axis(letter));
      out.append(axis(letter));
      bias.append(axis(letter));
    }
    return new Projection(input + "," + kernel + "->" + out, bias.toString(), out.length());
  }

  /**
   * The output shape an einsum projection of rank {@code outputRank} declares without its batch
   * axis: unknown axes, then the {@code known} last ones.
   */
  static List<@Nullable Long> outputShape(int outputRank, List<Long> known) {
    List<@Nullable Long> shape = new ArrayList<>();
    for (int i = 0; i < outputRank - known.size(); i++) shape.add(null);
    shape.addAll(known);
    return shape;
  }

  /**
   * The attention over {@code attentionAxes} (non-negative, of the projected tensors of rank {@code
   * rank}); the other axes but the last (channels) are batch axes, heads included.
   */
  static Attend attend(int rank, List<Integer> attentionAxes) {
    List<Integer> batchAxes = new ArrayList<>();
    for (int i = 0; i < rank - 1; i++) {
      if (!attentionAxes.contains(i)) batchAxes.add(i);
    }
    StringBuilder target = new StringBuilder();
    for (int i = 0; i < rank; i++) target.append(axis(i));
    StringBuilder source = new StringBuilder();
    int letter = rank;
    for (int i = 0; i < rank; i++) {
      source.append(batchAxes.contains(i) || i == rank - 1 ? target.charAt(i) : axis(letter++));
    }
    StringBuilder product = new StringBuilder();
    for (int i : batchAxes) product.append(target.charAt(i));
    for (int i : attentionAxes) product.append(target.charAt(i));
    for (int i : attentionAxes) product.append(source.charAt(i));
    return new Attend(
        source + "," + target + "->" + product,
        product + "," + source + "->" + target,
        product.length());
  }

  private static char axis(int i) {
    return (char) ('a' + i);
  }
}
