package io.keras4j.io.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * PythonFormat against CPython: every expected string in {@code python_format_cases.tsv} was
 * printed by CPython 3.11 ({@code python_format_cases.py} beside it regenerates the file), for
 * {@code repr} of floats and for {@code str.format} with int and float specs, and for Keras-style
 * file-name templates. A case Python refuses must be refused (an {@link IllegalArgumentException};
 * {@code KeyError} as {@link PythonFormat.MissingKeyException}).
 */
class PythonFormatTest {

  @TestFactory
  Stream<DynamicTest> matchesCPython() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    try (InputStream in =
            Objects.requireNonNull(getClass().getResourceAsStream("python_format_cases.tsv"));
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        String[] f = line.split("\t", -1);
        String kind = f[0];
        String template = f[1];
        String expected = f[4];
        Map<String, Number> values = new LinkedHashMap<>();
        switch (f[2]) {
          case "float" -> values.put("v", parseFloat(f[3]));
          case "int" -> values.put("v", Long.parseLong(f[3]));
          default -> {
            for (String kv : f[3].split(";")) {
              String[] p = kv.split("=", 2);
              values.put(
                  p[0],
                  p[1].startsWith("i:")
                      ? (Number) Integer.parseInt(p[1].substring(2))
                      : parseFloat(p[1].substring(2)));
            }
          }
        }
        String name = (n++) + ": " + kind + " " + template + " " + values + " -> " + expected;
        tests.add(
            dynamicTest(
                name,
                () -> {
                  if (kind.equals("repr")) {
                    assertEquals(expected, PythonFormat.repr((Double) values.get("v")));
                  } else if (expected.equals("!KeyError")) {
                    assertThrows(
                        PythonFormat.MissingKeyException.class,
                        () -> PythonFormat.format(template, values));
                  } else if (expected.startsWith("!")) {
                    IllegalArgumentException e =
                        assertThrows(
                            IllegalArgumentException.class,
                            () -> PythonFormat.format(template, values));
                    assertTrue(!(e instanceof PythonFormat.MissingKeyException), e.toString());
                  } else {
                    assertEquals(expected, PythonFormat.format(template, values));
                  }
                }));
      }
    }
    return tests.stream();
  }

  private static Double parseFloat(String s) {
    return switch (s) {
      case "nan" -> Double.NaN;
      case "inf" -> Double.POSITIVE_INFINITY;
      case "-inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(s);
    };
  }
}
