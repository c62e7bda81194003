package io.keras4j.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's pieces at a small size: the data encode and decode, and a short run trains, saves and
 * reloads with identical outputs. The full run (reaching 95%) is {@code ./keras4j demo}.
 */
class DateTranslatorTest {

  @TempDir Path dir;

  @Test
  void datesEncodeAndDecode() {
    Dates d = new Dates();
    Dates.Example e = Dates.examples(1, 5).get(0);
    assertEquals(Dates.LENGTH, d.encodeHuman(e.human()).length);
    assertEquals(e.iso(), d.decode(d.encodeMachine(e.iso())));
    assertTrue(e.iso().matches("\\d{4}-\\d\\d-\\d\\d"), e.iso());
  }

  @Test
  void aShortRunTrainsSavesAndReloadsIdentically() throws Exception {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    Path file = dir.resolve("dates.keras");
    DateTranslator.Outcome o =
        new DateTranslator(new PrintStream(log, true))
            .run(new DateTranslator.Settings(256, 64, 1, 1.0, 8, file, 3));
    assertEquals(1, o.epochs());
    assertTrue(o.reloadIdentical(), log.toString());
    assertTrue(Files.size(file) > 0);
    assertTrue(log.toString().contains("attends to:"), log.toString());
  }
}
