package io.keras4j.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.keras4j.io.ModelReader;
import io.keras4j.models.Device;
import io.keras4j.models.Model;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * A model read from a file is placed and XLA-compiled as it is read, before its weights load; with
 * either, it still computes what Keras computed. This module's tests run with {@code
 * TF_XLA_FLAGS=--tf_xla_cpu_global_jit}, so that XLA really compiles on the CPU.
 */
class RuntimeOptionsTest {

  /** One case per family whose kernels XLA replaces with its own: dense, convolution, recurrent. */
  private static final List<String> CASES =
      List.of(
          "dense_relu",
          "conv2d_same_stride2",
          "batchnorm_conv_axis",
          "lstm_last",
          "gru_reset_after",
          "bidirectional_concat",
          "mha_self",
          "seed_nmt");

  private static final ModelReader READER = ConformanceTest.READER;

  private static KerasFixtures.Case fixture(String name) {
    return KerasFixtures.cases().stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  @TestFactory
  Stream<DynamicTest> jitCompiledModelsMatchKeras() {
    return CASES.stream()
        .map(
            name ->
                dynamicTest(
                    name,
                    () -> {
                      KerasFixtures.Case c = fixture(name);
                      ModelReader jit = READER.withJitCompile(true);
                      try (Model m = jit.read(c.model())) {
                        assertTrue(m.jitCompile());
                      }
                      ConformanceTest.check(c, c.model(), jit, c.rtol(), c.atol());
                    }));
  }

  /**
   * Placed on a GPU this machine may not have: TensorFlow's soft placement runs the ops on the CPU,
   * and the outputs are Keras'.
   */
  @Test
  void aModelIsPlacedAsItIsRead() throws Exception {
    KerasFixtures.Case c = fixture("lstm_last");
    ModelReader gpu = READER.withDevice(Device.gpu(0));
    try (Model m = gpu.read(c.model())) {
      assertEquals(Device.gpu(0), m.device());
      IllegalStateException late =
          assertThrows(IllegalStateException.class, () -> m.placeOn(Device.cpu()));
      assertTrue(late.getMessage().contains("place it first"), late.getMessage());
      assertThrows(IllegalStateException.class, () -> m.jitCompile(true));
    }
    ConformanceTest.check(c, c.model(), gpu, c.rtol(), c.atol());
  }
}
