"""Extracts what OptimizerReplayTest needs from Keras' training fixtures.

Run with Debian's h5py from the repository root:
    /usr/bin/python3 tf-layers/src/test/resources/keras-fixtures/optimizers/extract.py \
        ../shared/keras-fixtures
Every number is copied from files Keras wrote (float32 values printed in their shortest
round-tripping form); nothing is computed.
"""
import io
import json
import os
import sys
import zipfile

import h5py
import numpy as np

CASES = [
    "train_sgd_expdecay_mse",
    "train_mlp_sgd_momentum",
    "train_sgd_global_clipnorm_cosine",
    "train_adam_amsgrad_clipvalue",
    "train_rmsprop_centered_momentum",
    "train_adagrad",
    "train_adamax_piecewise",
]


def numbers(a):
    a = np.asarray(a)
    if a.dtype.kind == "f":
        return [float(np.format_float_scientific(np.float32(v), unique=True)) for v in a.ravel()]
    return [int(v) for v in a.ravel()]


def state(path):
    with zipfile.ZipFile(path) as z:
        f = h5py.File(io.BytesIO(z.read("model.weights.h5")), "r")
        weights = []
        for layer in ("dense", "dense_1"):
            g = f["layers/" + layer + "/vars"]
            weights += [numbers(g[k][()]) for k in sorted(g.keys(), key=int)]
        opt = []
        if "optimizer" in f:
            g = f["optimizer/vars"]
            opt = [numbers(g[k][()]) for k in sorted(g.keys(), key=int)]
        return weights, opt, json.loads(z.read("config.json"))


def main(root):
    here = os.path.dirname(os.path.abspath(__file__))
    for case in CASES:
        d = os.path.join(root, case)
        initial, _, config = state(os.path.join(d, "model.keras"))
        epoch1, epoch1_opt, _ = state(os.path.join(d, "epoch_1.keras"))
        trained, trained_opt, _ = state(os.path.join(d, "trained.keras"))
        dense = [l["config"] for l in config["config"]["layers"] if l["class_name"] == "Dense"]
        with h5py.File(os.path.join(d, "train.h5"), "r") as f:
            out = {
                "case": case,
                "rtol": float(f.attrs["rtol"]),
                "atol": float(f.attrs["atol"]),
                "batch_size": int(f.attrs["batch_size"]),
                "epochs": int(f.attrs["epochs"]),
                "units": [l["units"] for l in dense],
                "activations": [l["activation"] for l in dense],
                "loss": config["compile_config"]["loss"],
                "optimizer": config["compile_config"]["optimizer"],
                "x": numbers(f["x/0"][()]),
                "y": numbers(f["y/0"][()]),
                "x_shape": list(f["x/0"].shape),
                "y_shape": list(f["y/0"].shape),
            }
        out.update(
            initial_weights=initial,
            epoch_1_weights=epoch1,
            epoch_1_optimizer_vars=epoch1_opt,
            trained_weights=trained,
            trained_optimizer_vars=trained_opt,
        )
        with open(os.path.join(here, case + ".json"), "w") as o:
            json.dump(out, o, separators=(",", ":"))


if __name__ == "__main__":
    main(sys.argv[1])
