package io.keras4j.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.cli.Keras4j;
import io.keras4j.io.ModelReader;
import io.keras4j.it.seed.ScaleShift;
import io.keras4j.serialization.KerasRegistry;
import io.keras4j.serialization.LayerType;
import io.keras4j.serialization.UnsupportedFeatureException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The {@code unsafe_lambda} fixture: a Lambda layer holding Python bytecode. */
class LambdaTest {

  private static final KerasFixtures.Case CASE =
      KerasFixtures.cases().stream()
          .filter(c -> c.name().equals("unsafe_lambda"))
          .findFirst()
          .orElseThrow();

  @Test
  void lambdaIsRefusedNamingTheLayerAndTheFix() {
    UnsupportedFeatureException e =
        assertThrows(
            UnsupportedFeatureException.class, () -> ModelReader.create().read(CASE.model()));
    assertTrue(e.getMessage().contains(CASE.model().toString()), e.getMessage());
    assertTrue(e.getMessage().contains("'lambda'"), e.getMessage());
    assertTrue(e.getMessage().contains("--custom lambda="), e.getMessage());
  }

  @Test
  void aJavaLayerRegisteredUnderTheLambdasNameReproducesKeras() throws Exception {
    KerasRegistry registry =
        KerasRegistry.builtins().toBuilder()
            .alias("lambda", LayerType.reflect(ScaleShift.class, null))
            .build();
    ConformanceTest.check(
        CASE, CASE.model(), ModelReader.create().withRegistry(registry), 1e-5, 1e-5);
  }

  @Test
  void verifyExitsWithTwoAndSaysWhy() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream old = System.err;
    System.setErr(new PrintStream(err, true));
    int code;
    try {
      code = Keras4j.run("verify", CASE.model().toString(), CASE.io().toString());
    } finally {
      System.setErr(old);
    }
    assertEquals(2, code);
    assertTrue(err.toString().contains("Lambda"), err.toString());
  }

  @Test
  void verifyAcceptsTheJavaReplacement() {
    int code =
        Keras4j.run(
            "verify",
            CASE.model().toString(),
            CASE.io().toString(),
            "--custom",
            "lambda=" + ScaleShift.class.getName());
    assertEquals(0, code);
    Path.of(".");
  }
}
