package io.keras4j.training.callbacks;

import io.keras4j.layers.Weight;
import io.keras4j.models.Model;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.RawTensor;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.family.TType;

/**
 * A copy of every weight of a model held on the Java heap, Keras' {@code model.get_weights()}: no
 * native memory stays allocated between taking the copy and restoring it, so an interrupted fit
 * leaks nothing.
 */
final class WeightSnapshot {

  private record Value(Class<? extends TType> dtype, Shape shape, byte[] bytes) {}

  private final Map<Weight, Value> values;

  private WeightSnapshot(Map<Weight, Value> values) {
    this.values = values;
  }

  /** The current values of {@code model.weights()}, trainable and not. */
  static WeightSnapshot of(Model model) {
    Map<Weight, Value> values = new LinkedHashMap<>();
    for (Weight w : model.weights()) {
      try (Tensor t = model.readWeight(w)) {
        RawTensor raw = t.asRawTensor();
        byte[] bytes = new byte[Math.toIntExact(raw.data().size())];
        raw.data().read(bytes);
        values.put(w, new Value(w.dtype(), t.shape(), bytes));
      }
    }
    return new WeightSnapshot(values);
  }

  /** Assigns the copied values back, Keras' {@code model.set_weights(...)}, in one session run. */
  void restore(Model model) {
    List<Tensor> tensors = new ArrayList<>(values.size());
    try {
      Map<Weight, Tensor> assign = new LinkedHashMap<>();
      for (Map.Entry<Weight, Value> e : values.entrySet()) {
        Value v = e.getValue();
        Tensor t = Tensor.of(v.dtype(), v.shape(), DataBuffers.of(v.bytes(), true, false));
        tensors.add(t);
        assign.put(e.getKey(), t);
      }
      model.assignWeights(assign);
    } finally {
      tensors.forEach(Tensor::close);
    }
  }
}
