package io.keras4j.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keras4j.initializers.Zeros;
import io.keras4j.layers.KerasTensor;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.core.Dense;
import io.keras4j.layers.core.DenseConfig;
import io.keras4j.layers.core.Input;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

class SmokeTest {
  @Test
  void sharedDense() {
    KerasTensor x = Input.of(3);
    Dense d = new Dense(DenseConfig.builder(2).kernelInitializer(new Zeros()).build());
    KerasTensor y = d.apply(x);
    KerasTensor z = d.apply(Input.of(3));
    try (Functional m = new Functional(LayerArgs.named("m"), List.of(x, z.node().inputs().get(0)), List.of(y, z))) {
      m.build();
      try (TFloat32 k = TFloat32.tensorOf(Shape.of(3, 2), DataBuffers.of(new float[] {1, 2, 3, 4, 5, 6}));
          TFloat32 b = TFloat32.tensorOf(Shape.of(2), DataBuffers.of(new float[] {1, 1}))) {
        m.assignWeights(Map.of(d.kernel(), k, d.bias(), b));
      }
      try (TFloat32 in = TFloat32.tensorOf(Shape.of(1, 3), DataBuffers.of(new float[] {1, 1, 1}));
          Result r = m.predict(in, in)) {
        TFloat32 out = (TFloat32) r.get(0);
        assertEquals(10f, out.getFloat(0, 0));
        assertEquals(13f, out.getFloat(0, 1));
        assertEquals(13f, ((TFloat32) r.get(1)).getFloat(0, 1));
      }
      System.out.println(m.summary());
    }
  }
}
