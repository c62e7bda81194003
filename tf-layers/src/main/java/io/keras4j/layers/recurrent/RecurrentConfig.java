package io.keras4j.layers.recurrent;

/**
 * The settings every recurrent layer's config has, as Keras' {@code keras.layers.RNN} takes them:
 * {@code return_sequences}, {@code return_state}, {@code go_backwards}, {@code stateful}, {@code
 * unroll} and {@code zero_output_for_mask}. The config records of {@link RNN}, {@link SimpleRNN},
 * {@link LSTM} and {@link GRU} implement it with their components.
 */
public interface RecurrentConfig {

  /** Whether the layer returns the output of every step, or only the last one. */
  boolean returnSequences();

  /** Whether the layer also returns its last states. */
  boolean returnState();

  /** Whether the layer reads the sequence backwards (and returns the reversed sequence). */
  boolean goBackwards();

  /** Whether states carry over between batches; Keras4J supports {@code false} only. */
  boolean stateful();

  /** Keras' choice between an unrolled graph and a loop; Keras4J always unrolls. */
  boolean unroll();

  /** Whether masked steps output zeros rather than the previous step's output. */
  boolean zeroOutputForMask();
}
