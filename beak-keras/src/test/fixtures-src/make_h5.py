"""Writes each TF.js fixture again as a Keras 2 HDF5 file (model.h5) and a Keras 3 archive (model.keras).

The topology and the weights are TF.js' (model.json, weights.bin); only the container changes, so the
reference outputs in io.json hold for all three files. Run with Debian's h5py and NumPy:
    /usr/bin/python3 make_h5.py ../resources/keras
"""
import datetime
import io
import json
import os
import re
import sys
import zipfile

import h5py
import numpy as np

KERAS2_VERSION = "2.15.0"
KERAS3_VERSION = "3.6.0"


def tfjs_arrays(folder, model_json):
    """The weights of a TF.js model as (name, float32 array) in manifest order (float32 only)."""
    arrays = []
    for group in model_json["weightsManifest"]:
        data = b"".join(open(os.path.join(folder, p), "rb").read() for p in group["paths"])
        offset = 0
        for w in group["weights"]:
            if "quantization" in w or w.get("dtype", "float32") != "float32":
                raise SystemExit(folder + ": only float32 TF.js models are rewritten as .h5/.keras")
            n = int(np.prod(w["shape"])) if w["shape"] else 1
            arrays.append((w["name"], np.frombuffer(data, "<f4", n, offset).reshape(w["shape"])))
            offset += 4 * n
    return arrays


def owner(name):
    parts = name.split("/")
    return parts[-2] if len(parts) > 1 else ""


def layer_arrays(arrays, layer_name):
    return [(n, a) for n, a in arrays if owner(n) == layer_name]


def is_model(cls):
    return cls in ("Sequential", "Model", "Functional")


def model_layers(entry):
    """The layer entries of a Sequential or functional model entry."""
    config = entry["config"]
    return config if isinstance(config, list) else config["layers"]


def all_weights(entry, arrays):
    """Keras' model.weights order for a (nested) model: trainable arrays of every layer, then the non-trainable ones."""
    trainable, fixed = [], []
    for layer in model_layers(entry):
        if is_model(layer["class_name"]):
            t, f = all_weights(layer, arrays)
            trainable += t
            fixed += f
            continue
        for n, a in layer_arrays(arrays, layer["config"]["name"]):
            (fixed if re.search(r"moving_(mean|variance)$", n) else trainable).append((n, a))
    return trainable, fixed


# ---- Keras 2: attribute model_config, group model_weights/<layer> with attribute weight_names.

def keras2_config(entry):
    entry = json.loads(json.dumps(entry))
    if entry["class_name"] == "Model":
        entry["class_name"] = "Functional"
    for layer in model_layers(entry):
        if is_model(layer["class_name"]):
            layer.update(keras2_config(layer))
    return entry


def write_keras2(path, topology, arrays):
    config = keras2_config({"class_name": topology["class_name"], "config": topology["config"]})
    with h5py.File(path, "w") as f:
        f.attrs["keras_version"] = KERAS2_VERSION
        f.attrs["backend"] = "tensorflow"
        f.attrs["model_config"] = json.dumps(config)
        weights = f.create_group("model_weights")
        names = []
        for layer in model_layers(config):
            name = layer["config"]["name"]
            names.append(name.encode())
            g = weights.create_group(name)
            if is_model(layer["class_name"]):
                t, fixed = all_weights(layer, arrays)
                own = t + fixed
            else:
                own = layer_arrays(arrays, name)
            g.attrs["weight_names"] = np.array([(n + ":0").encode() for n, _ in own], dtype="S")
            for n, a in own:
                g.create_dataset(n + ":0", data=a)
        weights.attrs["layer_names"] = np.array(names, dtype="S")
        weights.attrs["backend"] = "tensorflow"
        weights.attrs["keras_version"] = KERAS2_VERSION


# ---- Keras 3: config.json of module/class_name/config/registered_name objects, model.weights.h5 by class keys.

def snake_case(name):
    name = re.sub(r"\W+", "", name)
    name = re.sub("(.)([A-Z][a-z]+)", r"\1_\2", name)
    name = re.sub("([a-z])([A-Z])", r"\1_\2", name)
    return name.lower()


def keras_object(module, class_name, config):
    return {"module": module, "class_name": class_name, "config": config, "registered_name": None}


def keras3_layer_config(cls, config):
    config = dict(config)
    config.pop("batch_input_shape", None)
    config["dtype"] = keras_object("keras", "DTypePolicy", {"name": "float32"})
    for key, value in list(config.items()):
        if key.endswith("_initializer") and isinstance(value, dict):
            config[key] = keras_object("keras.initializers", value["class_name"], value["config"])
    if cls == "LeakyReLU" and "alpha" in config:
        config["negative_slope"] = config.pop("alpha")
    return config


def keras_tensor(ref, shapes):
    name, node, index = ref[0], ref[1], ref[2]
    shape = shapes[name]
    if shape and isinstance(shape[0], list):
        shape = shape[index]
    return {"class_name": "__keras_tensor__",
            "config": {"shape": shape, "dtype": "float32", "keras_history": [name, node, index]}}


def keras3_inbound(inbound, shapes):
    calls = []
    for call in inbound:
        tensors = [keras_tensor(r, shapes) for r in call]
        calls.append({"args": [tensors if len(tensors) > 1 else tensors[0]], "kwargs": {}})
    return calls


def input_layer(name, shape):
    return keras_object("keras.layers", "InputLayer", {"batch_shape": [None] + list(shape), "dtype": "float32", "sparse": False,
                                                       "name": name})


def keras3_model(entry, shapes, input_shape=None):
    """The Keras 3 form of a (nested) Sequential or functional model entry."""
    cls = entry["class_name"]
    layers = model_layers(entry)
    name = entry["config"]["name"]
    out = []
    if cls == "Sequential":
        first = layers[0]
        shape = (first["config"].get("batch_input_shape") or [None] + list(input_shape))[1:]
        if first["class_name"] != "InputLayer":
            out.append(input_layer(name + "_input", shape))
        for layer in layers:
            if layer["class_name"] == "InputLayer":
                out.append(input_layer(layer["config"]["name"], layer["config"]["batch_input_shape"][1:]))
                continue
            out.append(keras3_entry(layer, shapes, None))
        result = keras_object("keras", "Sequential", {"name": name, "trainable": True, "layers": out})
    else:
        for layer in layers:
            if layer["class_name"] == "InputLayer":
                e = input_layer(layer["config"]["name"], layer["config"]["batch_input_shape"][1:])
                e["name"] = layer["config"]["name"]
                e["inbound_nodes"] = []
                out.append(e)
            else:
                out.append(keras3_entry(layer, shapes, layer.get("inbound_nodes", [])))
        refs = lambda rs: [r[:3] for r in rs]
        inputs, outputs = refs(entry["config"]["input_layers"]), refs(entry["config"]["output_layers"])
        result = keras_object("keras.src.models.functional", "Functional",
                              {"name": name, "trainable": True, "layers": out,
                               "input_layers": inputs[0] if len(inputs) == 1 else inputs,
                               "output_layers": outputs[0] if len(outputs) == 1 else outputs})
    return result


def keras3_entry(layer, shapes, inbound):
    cls = layer["class_name"]
    if is_model(cls):
        if cls == "Sequential" and "batch_input_shape" not in model_layers(layer)[0]["config"]:
            raise SystemExit("nested Sequential without an input shape")
        e = keras3_model(layer, shapes)
    else:
        e = keras_object("keras.layers", cls, keras3_layer_config(cls, layer["config"]))
    if inbound is not None:
        e["name"] = layer["config"]["name"]
        e["inbound_nodes"] = keras3_inbound(inbound, shapes)
    return e


def write_keras3_weights(group, entry, arrays):
    """Variables of each layer of a Keras 3 model entry at layers/<class key>/vars/<i>, nested models recursively."""
    used = {}
    for layer in model_layers(entry):
        cls = layer["class_name"]
        key = snake_case(cls)
        if key in used:
            used[key] += 1
            key = f"{key}_{used[key]}"
        else:
            used[key] = 0
        if is_model(cls):
            write_keras3_weights(group.require_group("layers/" + key), layer, arrays)
            continue
        if cls == "InputLayer":
            continue
        own = layer_arrays(arrays, layer["config"]["name"])
        if not own:
            continue
        vars_group = group.create_group("layers/" + key + "/vars")
        vars_group.attrs["name"] = layer["config"]["name"]
        for i, (_, a) in enumerate(own):
            vars_group.create_dataset(str(i), data=a)


def write_keras3(path, topology, arrays, shapes):
    entry = {"class_name": topology["class_name"], "config": topology["config"]}
    config = keras3_model(entry, shapes)
    config["compile_config"] = None
    weights = io.BytesIO()
    with h5py.File(weights, "w") as f:
        f.create_group("vars")
        write_keras3_weights(f, keras3_source(config), arrays)
    metadata = {"keras_version": KERAS3_VERSION, "date_saved": datetime.datetime(2026, 12, 3).strftime("%Y-%m-%d@%H:%M:%S")}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("metadata.json", json.dumps(metadata))
        z.writestr("config.json", json.dumps(config))
        z.writestr("model.weights.h5", weights.getvalue())


def keras3_source(config):
    """A Keras 3 model config in the shape write_keras3_weights walks (class_name + config.layers with config.name)."""
    layers = []
    for layer in config["config"]["layers"]:
        if layer["class_name"] in ("Sequential", "Functional"):
            layers.append(keras3_source(layer))
        else:
            layers.append({"class_name": layer["class_name"], "config": layer["config"]})
    cls = config["class_name"]
    if cls == "Sequential":
        # Keras 3's Sequential.layers leaves the InputLayer out.
        layers = [l for l in layers if l["class_name"] != "InputLayer"]
    return {"class_name": cls, "config": {"name": config["config"]["name"], "layers": layers}}


def write_hostile(root):
    """A Keras 2 file whose one weight declares 2^30 values (compressed, so the file stays small): the reader must refuse it unread."""
    folder = os.path.join(root, "hostile")
    os.makedirs(folder, exist_ok=True)
    config = {"class_name": "Sequential", "config": {"name": "huge", "layers": [
        {"class_name": "InputLayer", "config": {"batch_input_shape": [None, 32768], "dtype": "float32", "name": "x"}},
        {"class_name": "Dense", "config": {"name": "dense", "units": 32768, "activation": "linear", "use_bias": False}}]}}
    with h5py.File(os.path.join(folder, "huge_weight.h5"), "w") as f:
        f.attrs["keras_version"] = KERAS2_VERSION
        f.attrs["backend"] = "tensorflow"
        f.attrs["model_config"] = json.dumps(config)
        weights = f.create_group("model_weights")
        weights.attrs["layer_names"] = np.array([b"x", b"dense"], dtype="S")
        weights.create_group("x").attrs["weight_names"] = np.array([], dtype="S")
        g = weights.create_group("dense")
        g.attrs["weight_names"] = np.array([b"dense/kernel:0"], dtype="S")
        g.create_dataset("dense/kernel:0", shape=(32768, 32768), dtype="<f4", chunks=(1024, 1024), compression="gzip", fillvalue=0.0)
    print("hostile: huge_weight.h5")


def main(root, only):
    for name in sorted(os.listdir(root)):
        if only and name not in only:
            continue
        folder = os.path.join(root, name)
        model_path = os.path.join(folder, "model.json")
        if not os.path.isfile(model_path) or "_uint" in name:
            continue
        model_json = json.load(open(model_path))
        shapes = json.load(open(os.path.join(folder, "shapes.json")))
        arrays = tfjs_arrays(folder, model_json)
        topology = model_json["modelTopology"]
        write_keras2(os.path.join(folder, "model.h5"), topology, arrays)
        write_keras3(os.path.join(folder, "model.keras"), topology, arrays, shapes)
        print(name + ": model.h5 and model.keras")
    if not only or "hostile" in only:
        write_hostile(root)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../resources/keras", sys.argv[2:])   # optional fixture names: only those
