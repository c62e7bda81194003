"""Writes python_format_cases.tsv: what CPython's str.format and repr give, for PythonFormatTest.

Run with python3 from this folder. Each line: kind, template, value type, value (float.hex for
floats), and Python's result or the name of the exception Python raises.
"""
import random
import struct

random.seed(20240611)


def f32(x):
    return struct.unpack("f", struct.pack("f", x))[0]


floats = [0.0, -0.0, 1.0, -1.0, 0.5, 0.125, 0.375, 2.675, 1.005, 0.1, 0.2, 0.3, 1 / 3, 2 / 3,
          123456.789, 1e-4, 1e-5, 9.9999e-5, 1.5e-7, 1e15, 1e16, 1.23456789e16, 1e22, 1e23,
          5e-324, 1.7976931348623157e308, 9.5, 10.5, 0.05, 0.0005, 99.995, 999999.5, 0.000123456,
          float("inf"), float("-inf"), float("nan"), f32(0.1), f32(0.01), f32(0.001),
          f32(0.005), f32(0.3) * 0.1, 0.6931471805599453, 2.302585092994046]
floats += [random.uniform(-10, 10) for _ in range(40)]
floats += [random.uniform(0, 1) * 10 ** random.randint(-12, 20) for _ in range(60)]
floats += [f32(random.uniform(0, 5)) for _ in range(30)]
ints = [0, 1, 7, 12, 99, 100, 1234, 1234567, -5, -1234567]

float_specs = ["", ".2f", ".4f", ".0f", "#.0f", ".2e", ".4E", ".0e", "#.0e", "e", "f", "g", "G",
               ".3g", ".1g", "#.3g", ".10g", "n", ".3", ".1", ".5", "%", ".1%", "+.2f", " .2f",
               "08.3f", "-08.3f", "10.2f", "<10.2f", "^10.2f", "=+10.2f", "*>12.3e", ",.2f",
               "_.1f", "z.2f", "+z.1f", ",", ".2d", "02d", "x", "s", ".17g", "r"]
int_specs = ["", "d", "02d", "03d", "05", "+d", " d", "<5d", "^6d", "*>6", "=+6d", ",d", "_d",
             "x", "#x", "X", "#X", "b", "#b", "o", "#o", "_b", "n", ".2f", ".3e", "g", "%",
             ".2d", "s", ",x", "z"]


def run(template, **kw):
    try:
        return template.format(**kw)
    except Exception as e:  # noqa: BLE001
        return "!" + type(e).__name__


def value(x):
    if isinstance(x, int):
        return str(x)
    if x != x:
        return "nan"
    if x in (float("inf"), float("-inf")):
        return str(x)
    return x.hex()


with open("python_format_cases.tsv", "w", encoding="utf-8", newline="\n") as out:
    for x in floats:
        out.write("\t".join(["repr", "", "float", value(x), repr(x)]) + "\n")
        for s in float_specs:
            t = "{v" + (":" + s if s else "") + "}"
            if s == "r":
                t = "{v!r:>30}"
            out.write("\t".join(["format", t, "float", value(x), run(t, v=x)]) + "\n")
    for i in ints:
        for s in int_specs:
            t = "{v" + (":" + s if s else "") + "}"
            out.write("\t".join(["format", t, "int", value(i), run(t, v=i)]) + "\n")
    templates = [
        ("ckpt-{epoch:02d}-{val_loss:.2f}.keras", dict(epoch=3, val_loss=0.123456)),
        ("model.{epoch:03d}-{loss:.4f}.weights.h5", dict(epoch=12, loss=1.23456789)),
        ("{{epoch}}-{epoch}.keras", dict(epoch=1)),
        ("w-{epoch}-{batch}-{loss}.h5", dict(epoch=2, batch=5, loss=0.1)),
        ("e{epoch:02d}b{batch:04d}.keras", dict(epoch=1, batch=7)),
        ("{missing}.keras", dict(epoch=1)),
        ("{}.keras", dict(epoch=1)),
        ("{0}.keras", dict(epoch=1)),
        ("{epoch!x}.keras", dict(epoch=1)),
        ("{epoch:02d.keras", dict(epoch=1)),
        ("a}b.keras", dict(epoch=1)),
        ("{epoch:q}.keras", dict(epoch=1)),
        ("{loss:.}.keras", dict(loss=1.0)),
    ]
    for t, kw in templates:
        vals = ";".join(k + "=" + ("i:" if isinstance(v, int) else "f:") + value(v)
                        for k, v in kw.items())
        out.write("\t".join(["template", t, "map", vals, run(t, **kw)]) + "\n")
