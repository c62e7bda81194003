package io.keras4j.cli;

import io.keras4j.cli.demo.DateTranslator;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code keras4j demo}: the seed article's date translator, trained in Java. */
@Command(
    name = "demo",
    description =
        "Builds the seed article's date translator (one-hot Embedding, Bidirectional LSTM,"
            + " AttentionDecoder), generates human-readable dates with their ISO forms, trains"
            + " until held-out dates translate exactly at the target rate, prints translations"
            + " with their attention, saves the model as .keras, reloads it and checks the"
            + " reloaded model gives identical outputs.",
    mixinStandardHelpOptions = true)
final class DemoCommand implements Callable<Integer> {

  @Option(
      names = "--save",
      description = "where to save the model (default: date_translator.keras)")
  Path save = Path.of("date_translator.keras");

  @Option(names = "--examples", description = "training examples (default 12000)")
  int examples = 12_000;

  @Option(names = "--max-epochs", description = "stop after this many epochs (default 30)")
  int maxEpochs = 30;

  @Option(names = "--target", description = "held-out sequence accuracy to reach (default 0.95)")
  double target = 0.95;

  @Override
  public Integer call() throws Exception {
    DateTranslator.Settings d = DateTranslator.Settings.defaults(save);
    DateTranslator.Outcome o =
        new DateTranslator(System.out)
            .run(
                new DateTranslator.Settings(
                    examples, d.heldOut(), maxEpochs, target, d.units(), save, d.seed()));
    return o.heldOutAccuracy() >= target && o.reloadIdentical() ? 0 : 1;
  }
}
