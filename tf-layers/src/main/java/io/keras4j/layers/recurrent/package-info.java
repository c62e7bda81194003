/**
 * Keras' recurrent layers and wrappers ({@code keras/src/layers/rnn}): the generic {@link
 * io.keras4j.layers.recurrent.RNN} over an {@link io.keras4j.layers.recurrent.RNNCell}, the cells
 * and layers {@code SimpleRNN}, {@code LSTM}, {@code GRU} and {@code ConvLSTM2D}, and the wrappers
 * {@code Bidirectional} and {@code TimeDistributed}. Recurrent layers are unrolled over the time
 * steps of the graph being compiled, so that training can differentiate them, and follow Keras'
 * masking: a masked step keeps the previous states and output.
 */
@NullMarked
package io.keras4j.layers.recurrent;

import org.jspecify.annotations.NullMarked;
