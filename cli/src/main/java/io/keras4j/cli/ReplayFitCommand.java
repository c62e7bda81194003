package io.keras4j.cli;

import io.keras4j.io.ModelFileException;
import io.keras4j.serialization.ConfigException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code keras4j replay-fit}: does training in Java reproduce a recorded Keras fit? */
@Command(
    name = "replay-fit",
    description =
        "Loads the compiled MODEL, runs fit with TRAIN_H5's batch_size, epochs, sample weights,"
            + " class weights and validation split, without shuffling, and compares the"
            + " predictions after training with after/*, each epoch of history/*, and the weights"
            + " (and optimizer variables) with trained.keras beside TRAIN_H5, within TRAIN_H5's"
            + " rtol/atol. Exit code 0 on PASS, 1 on FAIL, 2 when a file cannot be loaded.",
    mixinStandardHelpOptions = true)
final class ReplayFitCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MODEL")
  Path model;

  @Parameters(index = "1", paramLabel = "TRAIN_H5")
  Path train;

  @Option(
      names = "--initial-epoch",
      description = "the epoch MODEL was saved after (1 for epoch_1.keras); training resumes there")
  int initialEpoch;

  @Mixin CustomLayers custom;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      Path parent = train.toAbsolutePath().getParent();
      List<ReplayFit.Comparison> results =
          ReplayFit.replay(
              custom.reader(), model, train, initialEpoch, parent.resolve("trained.keras"));
      boolean pass = !results.isEmpty();
      for (ReplayFit.Comparison c : results) {
        out.println(c.describe());
        pass &= c.withinTolerance();
      }
      out.println(pass ? "PASS" : "FAIL");
      return pass ? 0 : 1;
    } catch (ModelFileException | ConfigException | IOException e) {
      err.println("keras4j replay-fit: " + e.getMessage());
      return 2;
    } catch (RuntimeException e) {
      err.println("keras4j replay-fit: " + model + ": " + e);
      return 2;
    }
  }
}
