package io.keras4j.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.keras4j.layers.KerasTensor;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.core.Dense;
import io.keras4j.layers.core.DenseConfig;
import io.keras4j.layers.core.Input;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class DeviceTest {

  private static Functional model(String name) {
    KerasTensor x = Input.of(3);
    return new Functional(
        LayerArgs.named(name),
        x,
        new Dense(DenseConfig.builder(2).build(), LayerArgs.named(name + "_d")).apply(x));
  }

  @Test
  void cpuPlacementRunsAndIsFixedOnceTheGraphExists() {
    try (Functional m = model("on_cpu")) {
      m.placeOn(Device.cpu());
      assertEquals(2, m.predict(new float[][] {{1, 2, 3}})[0].length);
      assertThrows(IllegalStateException.class, () -> m.placeOn(Device.gpu(0)));
    }
  }

  @Test
  void gpuGivesTheCpusResults() {
    Assumptions.assumeTrue(
        Device.gpuAvailable(),
        "no GPU: needs the -Pgpu natives (TensorFlow 2.18 GPU build), CUDA 12.5, cuDNN 9 and an"
            + " NVIDIA device");
    try (Functional cpu = model("cpu_copy");
        Functional gpu = model("gpu_copy")) {
      gpu.placeOn(Device.gpu(0));
      cpu.build();
      gpu.build();
      for (int i = 0; i < cpu.weights().size(); i++) {
        try (var t = cpu.readWeight(cpu.weights().get(i))) {
          gpu.assignWeights(java.util.Map.of(gpu.weights().get(i), t));
        }
      }
      float[][] x = {{1, 2, 3}, {-1, 0.5f, 2}};
      assertArrayEquals(cpu.predict(x)[0], gpu.predict(x)[0], 1e-5f);
    }
  }
}
