package io.keras4j.io.callbacks;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;

/**
 * Python's {@code str.format} with keyword arguments, for the integers and floats Keras formats
 * callback file names with ({@code "{epoch:02d}-{val_loss:.2f}.keras"}), and Python's {@code repr}
 * of a float, which is how Keras' CSV files write values. Rounding is Python's: the exact binary
 * value rounded half to even, so {@code 0.125} formats as {@code 0.12} with {@code .2f}.
 *
 * <p>Supported: {@code {{}}} escapes, the conversions {@code !s}, {@code !r} and {@code !a}, and
 * the whole format-spec mini-language for {@code int} and {@code float} (fill, align, sign, {@code
 * z}, {@code #}, {@code 0}, width, grouping, precision, and the types {@code b d o x X n e E f F g
 * G %} and none). Not supported, with an {@link IllegalArgumentException}: positional fields,
 * attribute and index lookups, nested fields in a spec, {@code c}, and zero padding combined with
 * grouping.
 */
final class PythonFormat {

  /** A field names a value that was not given: Python's {@code KeyError}. */
  static final class MissingKeyException extends IllegalArgumentException {
    MissingKeyException(String key) {
      super("'" + key + "'");
    }
  }

  private PythonFormat() {}

  /**
   * {@code template.format(**values)}; values are {@link Integer}, {@link Long} or {@link Double}.
   *
   * @throws MissingKeyException if a field names no value
   * @throws IllegalArgumentException for a template or format spec Python would refuse, or one of
   *     the few forms not supported here
   */
  static String format(String template, Map<String, ? extends Number> values) {
    StringBuilder out = new StringBuilder();
    int n = template.length();
    int i = 0;
    while (i < n) {
      char c = template.charAt(i);
      if (c == '{' && i + 1 < n && template.charAt(i + 1) == '{') {
        out.append('{');
        i += 2;
      } else if (c == '}' && i + 1 < n && template.charAt(i + 1) == '}') {
        out.append('}');
        i += 2;
      } else if (c == '{') {
        int end = template.indexOf('}', i + 1);
        if (end < 0) {
          throw new IllegalArgumentException("expected '}' before end of string");
        }
        String field = template.substring(i + 1, end);
        if (field.indexOf('{') >= 0) {
          throw new IllegalArgumentException(
              "nested replacement fields ({" + field + "}...) are not supported");
        }
        out.append(field(field, values));
        i = end + 1;
      } else if (c == '}') {
        throw new IllegalArgumentException("Single '}' encountered in format string");
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** Python's {@code repr(x)} (and {@code str(x)}) of a float: the shortest round-trip digits. */
  static String repr(double x) {
    if (Double.isNaN(x)) return "nan";
    if (Double.isInfinite(x)) return x > 0 ? "inf" : "-inf";
    String sign = isNegative(x) ? "-" : "";
    return sign + reprDigits(Math.abs(x), false);
  }

  // ------------------------------------------------------------------ fields

  private static String field(String field, Map<String, ? extends Number> values) {
    int k = 0;
    while (k < field.length() && field.charAt(k) != '!' && field.charAt(k) != ':') k++;
    String name = field.substring(0, k);
    Character conversion = null;
    String spec = "";
    if (k < field.length() && field.charAt(k) == '!') {
      if (k + 1 >= field.length()) {
        throw new IllegalArgumentException("end of string while looking for conversion specifier");
      }
      conversion = field.charAt(k + 1);
      if ("sra".indexOf(conversion) < 0) {
        throw new IllegalArgumentException("Unknown conversion specifier " + conversion);
      }
      k += 2;
      if (k < field.length() && field.charAt(k) != ':') {
        throw new IllegalArgumentException("expected ':' after conversion specifier");
      }
    }
    if (k < field.length()) spec = field.substring(k + 1);
    if (name.isEmpty() || name.chars().allMatch(Character::isDigit)) {
      throw new IllegalArgumentException(
          "Replacement index "
              + (name.isEmpty() ? "0" : name)
              + " out of range: only named"
              + " fields such as {epoch} are given");
    }
    if (name.indexOf('.') >= 0 || name.indexOf('[') >= 0) {
      throw new IllegalArgumentException(
          "attribute and index lookups such as {" + name + "} are not supported");
    }
    Number value = values.get(name);
    if (value == null) throw new MissingKeyException(name);
    if (conversion != null) {
      return formatString(str(value), Spec.parse(spec, "str"));
    }
    if (value instanceof Double || value instanceof Float) {
      return formatFloat(value.doubleValue(), Spec.parse(spec, "float"));
    }
    return formatInt(value.longValue(), Spec.parse(spec, "int"));
  }

  private static String str(Number value) {
    return value instanceof Double || value instanceof Float
        ? repr(value.doubleValue())
        : Long.toString(value.longValue());
  }

  /**
   * A parsed format spec: {@code [[fill]align][sign][z][#][0][width][grouping][.precision][type]}.
   */
  private record Spec(
      char fill,
      char align,
      char sign,
      boolean z,
      boolean alternate,
      int width,
      char grouping,
      int precision,
      char type,
      String text) {

    static Spec parse(String spec, String typeName) {
      int n = spec.length();
      int i = 0;
      char fill = ' ';
      char align = 0;
      if (n >= 2 && isAlign(spec.charAt(1))) {
        fill = spec.charAt(0);
        align = spec.charAt(1);
        i = 2;
      } else if (n >= 1 && isAlign(spec.charAt(0))) {
        align = spec.charAt(0);
        i = 1;
      }
      char sign = 0;
      if (i < n && "+- ".indexOf(spec.charAt(i)) >= 0) sign = spec.charAt(i++);
      boolean z = i < n && spec.charAt(i) == 'z';
      if (z) i++;
      boolean alternate = i < n && spec.charAt(i) == '#';
      if (alternate) i++;
      if (i < n && spec.charAt(i) == '0') {
        if (align == 0) {
          fill = '0';
          align = '=';
        }
        i++;
      }
      int start = i;
      while (i < n && Character.isDigit(spec.charAt(i))) i++;
      int width = i > start ? Integer.parseInt(spec.substring(start, i)) : -1;
      char grouping = 0;
      if (i < n && (spec.charAt(i) == ',' || spec.charAt(i) == '_')) grouping = spec.charAt(i++);
      int precision = -1;
      if (i < n && spec.charAt(i) == '.') {
        start = ++i;
        while (i < n && Character.isDigit(spec.charAt(i))) i++;
        if (i == start) throw new IllegalArgumentException("Format specifier missing precision");
        precision = Integer.parseInt(spec.substring(start, i));
      }
      char type = 0;
      if (i < n) type = spec.charAt(i++);
      if (i < n) {
        throw new IllegalArgumentException(
            "Invalid format specifier '" + spec + "' for object of type '" + typeName + "'");
      }
      if (grouping != 0 && fill == '0' && align == '=') {
        throw new IllegalArgumentException(
            "zero padding with a grouping option ('" + spec + "') is not supported");
      }
      return new Spec(fill, align, sign, z, alternate, width, grouping, precision, type, spec);
    }

    private static boolean isAlign(char c) {
      return c == '<' || c == '>' || c == '=' || c == '^';
    }

    IllegalArgumentException unknownType(String typeName) {
      return new IllegalArgumentException(
          "Unknown format code '" + type + "' for object of type '" + typeName + "'");
    }
  }

  // ------------------------------------------------------------------ strings

  private static String formatString(String s, Spec spec) {
    if (spec.type() != 0 && spec.type() != 's') throw spec.unknownType("str");
    if (spec.sign() != 0) {
      throw new IllegalArgumentException("Sign not allowed in string format specifier");
    }
    if (spec.align() == '=') {
      throw new IllegalArgumentException("'=' alignment not allowed in string format specifier");
    }
    if (spec.precision() >= 0 && spec.precision() < s.length()) {
      s = s.substring(0, spec.precision());
    }
    return pad("", s, spec, '<');
  }

  // ------------------------------------------------------------------ integers

  private static String formatInt(long v, Spec spec) {
    char type = spec.type();
    if ("eEfFgG%".indexOf(type) >= 0 && type != 0) return formatFloat((double) v, spec);
    if (spec.precision() >= 0) {
      throw new IllegalArgumentException("Precision not allowed in integer format specifier");
    }
    if (spec.z()) {
      throw new IllegalArgumentException(
          "Negative zero coercion (z) not allowed in integer format specifier");
    }
    String digits;
    String prefix = "";
    int group = 3;
    java.math.BigInteger abs = java.math.BigInteger.valueOf(v).abs();
    switch (type) {
      case 0, 'd', 'n' -> digits = abs.toString();
      case 'b' -> {
        digits = abs.toString(2);
        prefix = "0b";
        group = 4;
      }
      case 'o' -> {
        digits = abs.toString(8);
        prefix = "0o";
        group = 4;
      }
      case 'x', 'X' -> {
        digits = abs.toString(16);
        prefix = "0x";
        group = 4;
        if (type == 'X') {
          digits = digits.toUpperCase(java.util.Locale.ROOT);
          prefix = "0X";
        }
      }
      default -> throw spec.unknownType("int");
    }
    if (spec.grouping() == ',' && group == 4) {
      throw new IllegalArgumentException("Cannot specify ',' with '" + type + "'.");
    }
    if (spec.grouping() != 0) digits = group(digits, spec.grouping(), group);
    String sign = sign(v < 0, spec);
    return pad(sign + (spec.alternate() ? prefix : ""), digits, spec, '>');
  }

  // ------------------------------------------------------------------ floats

  private static String formatFloat(double v, Spec spec) {
    char type = spec.type();
    if ("eEfFgGn%".indexOf(type) < 0 && type != 0) throw spec.unknownType("float");
    boolean negative = isNegative(v);
    // Python parity: '%' scales in double arithmetic, so a huge value becomes inf%.
    double abs = type == '%' ? Math.abs(v) * 100 : Math.abs(v);
    boolean upper = type == 'E' || type == 'F' || type == 'G';
    int p = spec.precision();
    String body;
    if (Double.isNaN(abs) || Double.isInfinite(abs)) {
      body = Double.isNaN(abs) ? "nan" : "inf";
      if (upper) body = body.toUpperCase(java.util.Locale.ROOT);
      if (type == '%') body += "%";
    } else {
      body =
          switch (type) {
            case 'f', 'F' -> fixed(abs, p < 0 ? 6 : p, spec.alternate());
            case 'e', 'E' -> scientific(abs, p < 0 ? 6 : p, spec.alternate(), upper);
            case 'g', 'G', 'n' -> general(abs, p < 0 ? 6 : p, spec.alternate(), upper, false);
            case '%' -> fixed(abs, p < 0 ? 6 : p, spec.alternate()) + "%";
            default ->
                p < 0
                    ? reprDigits(abs, spec.alternate())
                    : general(abs, p, spec.alternate(), false, true);
          };
      if (spec.z() && body.chars().noneMatch(ch -> ch >= '1' && ch <= '9')) negative = false;
    }
    if (spec.grouping() != 0) {
      int end = 0;
      while (end < body.length() && Character.isDigit(body.charAt(end))) end++;
      body = group(body.substring(0, end), spec.grouping(), 3) + body.substring(end);
    }
    return pad(sign(negative, spec), body, spec, '>');
  }

  /** {@code abs} with {@code decimals} digits after the point ({@code f}). */
  private static String fixed(double abs, int decimals, boolean alternate) {
    String s = new BigDecimal(abs).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    return decimals == 0 && alternate ? s + "." : s;
  }

  /**
   * {@code abs} as {@code d.ddddde+XX} with {@code decimals} digits after the point ({@code e}).
   */
  private static String scientific(double abs, int decimals, boolean alternate, boolean upper) {
    Digits d = significant(abs, decimals + 1);
    return mantissa(d.digits(), alternate) + exponent(d.exponent(), upper);
  }

  /**
   * Python's {@code g} with {@code precision} significant digits; {@code noType} is the spec
   * without a type, which keeps one digit after the point and switches to an exponent one digit
   * earlier.
   */
  private static String general(
      double abs, int precision, boolean alternate, boolean upper, boolean noType) {
    int p = precision == 0 ? 1 : precision;
    Digits d = significant(abs, p);
    int limit = noType ? p - 1 : p;
    String s;
    boolean exponential = d.exponent() < -4 || d.exponent() >= limit;
    if (exponential) {
      String m = mantissa(d.digits(), alternate);
      s = (alternate ? m : stripZeros(m)) + exponent(d.exponent(), upper);
    } else {
      s = fixed(abs, p - 1 - d.exponent(), false);
      if (alternate) {
        if (s.indexOf('.') < 0) s += ".";
      } else {
        s = stripZeros(s);
      }
      if (noType && s.indexOf('.') < 0) s += ".0";
    }
    return s;
  }

  /** Python's repr digits of a non-negative finite float (fixed from 1e-4 up to 1e16). */
  private static String reprDigits(double abs, boolean alternate) {
    if (abs == 0) return "0.0";
    Digits d = shortest(abs);
    String digits = d.digits();
    int e = d.exponent();
    if (e < -4 || e >= 16) {
      String m = digits.length() > 1 ? digits.charAt(0) + "." + digits.substring(1) : digits;
      if (alternate && m.indexOf('.') < 0) m += ".";
      return m + exponent(e, false);
    }
    if (e < 0) return "0." + "0".repeat(-e - 1) + digits;
    if (digits.length() <= e + 1) return digits + "0".repeat(e + 1 - digits.length()) + ".0";
    return digits.substring(0, e + 1) + "." + digits.substring(e + 1);
  }

  /** Decimal digits {@code d0 d1 ...} and the exponent of {@code d0}. */
  private record Digits(String digits, int exponent) {}

  /** {@code abs} rounded half-even to {@code n} significant digits, exactly {@code n} of them. */
  private static Digits significant(double abs, int n) {
    if (abs == 0) return new Digits("0".repeat(n), 0);
    BigDecimal b = new BigDecimal(abs).round(new MathContext(n, RoundingMode.HALF_EVEN));
    String u = b.unscaledValue().toString();
    int exponent = b.precision() - b.scale() - 1;
    return new Digits(u + "0".repeat(Math.max(0, n - u.length())), exponent);
  }

  /** The fewest significant digits that read back as {@code abs}, as Python's repr finds them. */
  private static Digits shortest(double abs) {
    for (int n = 1; n < 17; n++) {
      Digits d = significant(abs, n);
      if (new BigDecimal(d.digits()).scaleByPowerOfTen(d.exponent() - n + 1).doubleValue() == abs) {
        return stripped(d);
      }
    }
    return stripped(significant(abs, 17));
  }

  private static Digits stripped(Digits d) {
    String s = d.digits();
    int end = s.length();
    while (end > 1 && s.charAt(end - 1) == '0') end--;
    return new Digits(s.substring(0, end), d.exponent());
  }

  private static String mantissa(String digits, boolean alternate) {
    if (digits.length() == 1) return alternate ? digits + "." : digits;
    return digits.charAt(0) + "." + digits.substring(1);
  }

  private static String exponent(int e, boolean upper) {
    String abs = Integer.toString(Math.abs(e));
    return (upper ? "E" : "e") + (e < 0 ? "-" : "+") + (abs.length() < 2 ? "0" + abs : abs);
  }

  /** Drops trailing zeros after a decimal point, and the point if nothing follows it. */
  private static String stripZeros(String s) {
    if (s.indexOf('.') < 0) return s;
    int end = s.length();
    while (s.charAt(end - 1) == '0') end--;
    if (s.charAt(end - 1) == '.') end--;
    return s.substring(0, end);
  }

  // ------------------------------------------------------------------ shared

  private static boolean isNegative(double v) {
    return !Double.isNaN(v) && (Double.doubleToRawLongBits(v) & Long.MIN_VALUE) != 0;
  }

  private static String sign(boolean negative, Spec spec) {
    if (negative) return "-";
    if (spec.sign() == '+') return "+";
    if (spec.sign() == ' ') return " ";
    return "";
  }

  private static String group(String digits, char separator, int size) {
    StringBuilder out = new StringBuilder();
    int first = digits.length() % size == 0 ? size : digits.length() % size;
    out.append(digits, 0, Math.min(first, digits.length()));
    for (int i = first; i < digits.length(); i += size) {
      out.append(separator).append(digits, i, i + size);
    }
    return out.toString();
  }

  /** Pads {@code prefix + body} to the spec's width with its fill and alignment. */
  private static String pad(String prefix, String body, Spec spec, char defaultAlign) {
    int length = prefix.length() + body.length();
    if (spec.width() <= length) return prefix + body;
    String fill = String.valueOf(spec.fill()).repeat(spec.width() - length);
    char align = spec.align() == 0 ? defaultAlign : spec.align();
    return switch (align) {
      case '<' -> prefix + body + fill;
      case '=' -> prefix + fill + body;
      case '^' -> {
        int left = fill.length() / 2;
        yield fill.substring(0, left) + prefix + body + fill.substring(left);
      }
      default -> fill + prefix + body;
    };
  }
}
