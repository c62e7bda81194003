package io.keras4j.layers.recurrent;

import io.keras4j.serialization.KerasRegistry;
import io.keras4j.serialization.LayerType;

/** Registers Keras' recurrent layers, one line per class. */
public final class RecurrentLayers {

  private RecurrentLayers() {}

  public static void register(KerasRegistry.Builder b) {
    b.layer(
        LayerType.of(
            "SimpleRNNCell", SimpleRNNCell.class, SimpleRNNCellConfig.class, SimpleRNNCell::new));
    b.layer(LayerType.of("LSTMCell", LSTMCell.class, LSTMCellConfig.class, LSTMCell::new));
    b.layer(LayerType.of("GRUCell", GRUCell.class, GRUCellConfig.class, GRUCell::new));
    b.layer(LayerType.of("RNN", RNN.class, RNNConfig.class, RNN::new));
    b.layer(LayerType.of("SimpleRNN", SimpleRNN.class, SimpleRNNConfig.class, SimpleRNN::new));
    b.layer(LayerType.of("LSTM", LSTM.class, LSTMConfig.class, LSTM::new));
    b.layer(LayerType.of("GRU", GRU.class, GRUConfig.class, GRU::new));
    b.layer(LayerType.of("ConvLSTM2D", ConvLSTM2D.class, ConvLSTM2DConfig.class, ConvLSTM2D::new));
    b.layer(
        LayerType.of(
            "Bidirectional", Bidirectional.class, BidirectionalConfig.class, Bidirectional::new));
    b.layer(
        LayerType.of(
            "TimeDistributed",
            TimeDistributed.class,
            TimeDistributedConfig.class,
            TimeDistributed::new));
  }
}
