package io.keras4j.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.cli.Keras4j;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keras4j commands, run in-process: exit codes and what they print. */
class CliTest {

  @TempDir Path dir;

  private static KerasFixtures.Case fixture(String name) {
    return KerasFixtures.cases().stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true));
    System.setErr(new PrintStream(err, true));
    try {
      return new Run(Keras4j.run(args), out.toString(), err.toString());
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  /** Every forward fixture through the command line, as a user runs it. */
  @org.junit.jupiter.api.TestFactory
  java.util.stream.Stream<org.junit.jupiter.api.DynamicTest> verifyEveryFixture() {
    java.util.List<String> custom =
        java.util.List.of(
            "--custom", "seed>MyLayer=" + io.keras4j.it.seed.MyLayer.class.getName(),
            "--custom", "seed>MyMultiLayer=" + io.keras4j.it.seed.MyMultiLayer.class.getName());
    java.util.stream.Stream<org.junit.jupiter.api.DynamicTest> keras3 =
        KerasFixtures.cases().stream()
            .filter(c -> !c.isTraining() && !c.hasTag("security"))
            .map(
                c ->
                    org.junit.jupiter.api.DynamicTest.dynamicTest(
                        c.name(),
                        () -> {
                          java.util.List<String> args =
                              new java.util.ArrayList<>(
                                  java.util.List.of(
                                      "verify", c.model().toString(), c.io().toString()));
                          args.addAll(custom);
                          Run r = run(args.toArray(new String[0]));
                          assertEquals(0, r.code(), r.out() + r.err());
                        }));
    java.util.stream.Stream<org.junit.jupiter.api.DynamicTest> keras2 =
        KerasFixtures.keras2Cases().stream()
            .map(
                c ->
                    org.junit.jupiter.api.DynamicTest.dynamicTest(
                        c.name(),
                        () -> {
                          java.util.List<String> args = new java.util.ArrayList<>();
                          args.add("verify");
                          if (c.file("model").isPresent()) {
                            args.add(c.file("model").get().toString());
                          } else {
                            args.add(c.file("config").get().toString());
                            args.add("--weights");
                            args.add(c.file("weights").get().toString());
                          }
                          args.add(c.io().toString());
                          Run r = run(args.toArray(new String[0]));
                          assertEquals(0, r.code(), r.out() + r.err());
                        }));
    return java.util.stream.Stream.concat(keras3, keras2);
  }

  @Test
  void verifyPassesAndPrintsOneLinePerOutput() {
    KerasFixtures.Case c = fixture("nested_models");
    Run r = run("verify", c.model().toString(), c.io().toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("output 0: shape (5, 2)"), r.out());
    assertTrue(r.out().trim().endsWith("PASS"), r.out());
  }

  @Test
  void verifyFailsWithExitOneOnAMismatch() {
    // LayerNormalization differs from Keras by float rounding (2.4e-7): zero tolerance fails it.
    KerasFixtures.Case c = fixture("layernorm");
    Run r = run("verify", c.model().toString(), c.io().toString(), "--rtol", "0", "--atol", "0");
    assertEquals(1, r.code(), r.out());
    assertTrue(r.out().contains("OUT OF TOLERANCE"), r.out());
    assertTrue(r.out().trim().endsWith("FAIL"), r.out());
  }

  @Test
  void verifyExitsTwoNamingTheMissingFile() {
    Run r = run("verify", "no-such.keras", fixture("dense_relu").io().toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("no-such.keras"), r.err());
  }

  @Test
  void convertRoundTripsThroughEveryFormat() throws Exception {
    KerasFixtures.Case c = fixture("nested_models");
    Path h5 = dir.resolve("m.h5");
    Path keras = dir.resolve("m.keras");
    Path saved = dir.resolve("saved");
    assertEquals(0, run("convert", c.model().toString(), h5.toString()).code());
    assertEquals(0, run("convert", h5.toString(), keras.toString()).code());
    assertEquals(0, run("convert", keras.toString(), saved.toString()).code());
    assertTrue(Files.isRegularFile(saved.resolve("saved_model.pb")));
    Run r = run("verify", keras.toString(), c.io().toString());
    assertEquals(0, r.code(), r.out() + r.err());
  }

  @Test
  void inspectPrintsSummaryInputsOutputsAndCustomLayers() {
    Run r = run("inspect", fixture("nested_models").legacyH5().toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("custom layers needed: none"), r.out());
    assertTrue(r.out().contains("Total params: 136"), r.out());
    assertTrue(r.out().contains("input 0: input_layer_125 (None, 8) float32"), r.out());
    assertTrue(r.out().contains("output 0: dense_7 (None, 2) float32"), r.out());
    Run custom = run("inspect", fixture("seed_mylayer").model().toString());
    assertTrue(custom.out().contains("custom layers needed: seed>MyLayer"), custom.out());
    assertEquals(2, custom.code());
  }
}
