"""Train the small MNIST model shipped in ``resources/models/``, which the Draw view uses at first launch.

    MLP_WORKBENCH_DATA=/path/with/mnist python scripts/train_shipped_model.py

Everything is this project's own engine: ``core.datasets`` reads MNIST (from
``$MLP_WORKBENCH_DATA/mnist/`` or the user's cache; ``--download`` fetches it), ``core.network`` and
``core.trainer`` train a 784-256-10 ReLU network with Adam and a cosine learning-rate schedule on
augmented images (random shifts, rotations, zoom and stroke thickness, so that digits drawn by
people — placed, sized, slanted and inked differently from MNIST's — are still recognised), and
``core.model_io`` writes the float32 ``.npz`` (no pickle) with its metadata. The model is written
only if its MNIST test accuracy reaches ``--min-accuracy`` (98 %); ``README.md`` beside it records
the accuracy, how it was trained and how to train it again.
"""
from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core import datasets, events, metrics, model_io, optimizers, schedules  # noqa: E402
from core.datasets.augment import Augmenter  # noqa: E402
from core.datasets.drawing import preprocess_drawing  # noqa: E402
from core.layers import Activation, Dense  # noqa: E402
from core.network import Network  # noqa: E402
from core.trainer import Trainer  # noqa: E402

DEFAULT_OUTPUT = ROOT / "resources" / "models" / "mnist_mlp.npz"
AUGMENTATION = dict(shift=2.0, rotation=12.0, scale=0.1, thickness=0.5)


def parse_arguments(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="model file (default: %(default)s)")
    parser.add_argument("--hidden", type=int, nargs="+", default=[256], help="hidden layer widths (default: 256)")
    parser.add_argument("--epochs", type=int, default=20)
    parser.add_argument("--batch-size", type=int, default=128)
    parser.add_argument("--lr", type=float, default=2e-3, help="Adam's initial learning rate")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--min-accuracy", type=float, default=0.98,
                        help="refuse to write a model below this MNIST test accuracy (default: %(default)s)")
    parser.add_argument("--download", action="store_true", help="download MNIST if it is not on this computer")
    return parser.parse_args(argv)


def build_network(hidden: list[int], seed: int) -> Network:
    layers, width = [], 784
    for units in hidden:
        layers += [Dense(width, units, init="he_uniform"), Activation("relu")]
        width = units
    layers.append(Dense(width, 10, init="xavier_uniform"))
    return Network(layers, dtype=np.float32, seed=seed)


def train(args, data) -> tuple[Network, list[str], float]:
    network = build_network(args.hidden, args.seed)
    steps = args.epochs * -(-len(data.X_train) // args.batch_size)
    trainer = Trainer(network, optimizers.create("adam", lr=args.lr), data.X_train, data.y_train,
                      data.X_val, data.y_val, batch_size=args.batch_size, epochs=args.epochs,
                      schedule=schedules.create("cosine", lr0=args.lr, T=steps, lr_min=args.lr / 50, warmup=200),
                      seed=args.seed,
                      augment=Augmenter((28, 28), rng=np.random.default_rng([args.seed, 2]), **AUGMENTATION))
    log = []
    start = time.perf_counter()
    for event in trainer.run():
        if isinstance(event, events.EpochFinished):
            line = (f"epoch {event.epoch:2d}: train loss {event.train_loss:.4f}, validation loss {event.val_loss:.4f}, "
                    f"validation accuracy {100 * event.val_metric:.2f} %, {event.elapsed:.0f} s")
            print(line, flush=True)
            log.append(line)
        elif isinstance(event, events.TrainingFinished) and event.reason != events.COMPLETED:
            raise SystemExit(f"training did not complete: {event.message}")
    return network, log, time.perf_counter() - start


def drawn_style_accuracy(network: Network, data) -> float:
    """Accuracy on the test images redrawn as the canvas delivers a drawing: cropped, pen width
    normalised, scaled and centred by :func:`preprocess_drawing` (raster input)."""
    images = data.X_test.reshape(-1, 28, 28)
    redrawn = [preprocess_drawing(image, "mnist") for image in images]
    kept = [index for index, row in enumerate(redrawn) if row is not None]
    predictions = network.predict(np.stack([redrawn[index] for index in kept]))
    return metrics.accuracy(data.y_test[kept], predictions)


def write_readme(path: Path, args, network: Network, n_train: int, accuracy: float, per_class: np.ndarray,
                 drawn_accuracy: float, log: list[str], seconds: float) -> None:
    size_kb = path.stat().st_size / 1024
    architecture = "-".join(str(width) for width in [784, *args.hidden, 10])
    command = "MLP_WORKBENCH_DATA=/path/to/data python scripts/train_shipped_model.py"
    defaults = vars(parse_arguments([]))
    changed = [f"--{key.replace('_', '-')} {' '.join(map(str, value)) if isinstance(value, list) else value}"
               for key, value in vars(args).items() if key not in ("output", "download") and value != defaults[key]]
    text = f"""# The shipped model

`{path.name}` ({size_kb:.0f} KB) is the MNIST classifier the Draw view uses until you train or load
another model. It was trained by this project's own engine with `scripts/train_shipped_model.py`;
this file was written by that script.

| | |
|---|---|
| MNIST test accuracy (10,000 images) | **{100 * accuracy:.2f} %** |
| test images redrawn as the canvas delivers a drawing (pen width normalised, recentred) | {100 * drawn_accuracy:.2f} % |
| architecture | {architecture}, ReLU, softmax output ({network.n_parameters:,} float32 parameters) |
| training | {args.epochs} epochs of Adam (lr {args.lr:g}, cosine to lr/50, batch {args.batch_size}) on {n_train:,} images, seed {args.seed} |
| augmentation | shift ±{AUGMENTATION['shift']:g} px, rotation ±{AUGMENTATION['rotation']:g}°, zoom ±{100 * AUGMENTATION['scale']:g} %, stroke thickness ±{AUGMENTATION['thickness']:g} |
| input | 28 × 28 pixels scaled to [0, 1] (pixel / 255), MNIST's conventions |
| training time | {seconds / 60:.1f} min on {os.cpu_count()} cores of {platform.machine()} (load average {os.getloadavg()[0]:.1f} at the end; Python {platform.python_version()}, NumPy {np.__version__}) |

Per-class test accuracy: {", ".join(f"{digit}: {100 * value:.1f} %" for digit, value in enumerate(per_class))}.

To train it again:

    {' '.join([command, *changed])}

MNIST is by Yann LeCun, Corinna Cortes and Christopher J. C. Burges (CC BY-SA 3.0).

## Training log

```
{chr(10).join(log)}
```
"""
    model_io.write_text_atomically(path.parent / "README.md", text)


def main(argv=None) -> int:
    args = parse_arguments(argv)
    data = datasets.load("mnist", download=args.download, validation_split=0.05, seed=args.seed)
    print(data.describe(), flush=True)
    network, log, seconds = train(args, data)
    predictions = network.predict(data.X_test)
    accuracy = metrics.accuracy(data.y_test, predictions)
    per_class = np.array([metrics.accuracy(data.y_test[data.y_test == digit], predictions[data.y_test == digit])
                          for digit in range(10)])
    drawn_accuracy = drawn_style_accuracy(network, data)
    print(f"MNIST test accuracy {100 * accuracy:.2f} %, redrawn test images {100 * drawn_accuracy:.2f} %")
    if accuracy < args.min_accuracy:
        print(f"not written: {100 * accuracy:.2f} % is below the required {100 * args.min_accuracy:.2f} %",
              file=sys.stderr)
        return 1
    model_io.save_model(args.output, network, dataset="mnist", image_shape=[28, 28], scaling="unit",
                        class_names=list(data.class_names), test_accuracy=accuracy,
                        drawn_test_accuracy=drawn_accuracy, augmentation=AUGMENTATION,
                        trained_by="scripts/train_shipped_model.py")
    write_readme(args.output, args, network, len(data.X_train), accuracy, per_class, drawn_accuracy, log, seconds)
    print(f"wrote {args.output} ({args.output.stat().st_size / 1024:.0f} KB) and its README.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
