"""The headless subcommands of ``mlp-workbench``: train, evaluate, gradcheck, data fetch, lab pack, lab check.

Nothing here imports Qt: these commands run on machines without a display (CI, lab servers).
Each returns a process exit code: 0 success, 1 the work ran but failed (diverged, gradient check
failed, a lab checked, kept in a lab pack or packed from another pack has problems), 2 bad input (the message says
what is wrong and what to do).
"""
from __future__ import annotations

import argparse
import math
import shlex
import sys
import time
from pathlib import Path

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2


class BadInput(Exception):
    """A problem with what the user gave us; its text is shown as is."""


def add_subcommands(subparsers) -> None:
    train = subparsers.add_parser("train", help="train a run configuration headless, writing a run folder")
    train.add_argument("config", metavar="CONFIG.json")
    train.add_argument("--out", metavar="DIR", help="the run folder to write (default: a new one in the run library)")
    train.add_argument("--epochs", type=int, metavar="N", help="override the configuration's epochs")
    train.add_argument("--seed", type=int, metavar="S", help="override the configuration's seed")
    train.set_defaults(command=train_command)

    evaluate = subparsers.add_parser("evaluate", help="accuracy and confusion matrix of a run or model file")
    evaluate.add_argument("model", metavar="RUN_OR_MODEL", help="a run folder or a model .npz file")
    evaluate.add_argument("--dataset", metavar="NAME", help="the dataset to evaluate on (default: the model's)")
    evaluate.add_argument("--split", choices=("test", "val", "train"), default="test")
    evaluate.set_defaults(command=evaluate_command)

    gradcheck = subparsers.add_parser("gradcheck", help="check backpropagation against numerical gradients")
    gradcheck.add_argument("config", metavar="CONFIG.json")
    gradcheck.add_argument("--samples", type=int, default=8, help="batch size for the check, at least 2 (default 8)")
    gradcheck.set_defaults(command=gradcheck_command)

    data = subparsers.add_parser("data", help="prepare datasets for offline use")
    data_commands = data.add_subparsers(dest="data_command", metavar="fetch", required=True)
    fetch = data_commands.add_parser("fetch", help="find or download a dataset into a folder")
    fetch.add_argument("name", metavar="NAME")
    fetch.add_argument("--dir", metavar="DIR", help="a folder to prepare like MLP_WORKBENCH_DATA (default: the cache)")
    fetch.add_argument("--offline", action="store_true", help="never download; only copy from local folders")
    fetch.set_defaults(command=fetch_command)

    lab = subparsers.add_parser("lab", help="teaching labs")
    lab_commands = lab.add_subparsers(dest="lab_command", metavar="{pack,check}", required=True)
    pack = lab_commands.add_parser("pack", help="write everything a lab machine needs offline into a folder")
    pack.add_argument("dir", metavar="DIR")
    pack.add_argument("--download", action="store_true", help="download datasets missing on this computer")
    pack.set_defaults(command=lab_pack_command)
    check = lab_commands.add_parser("check", help="check labs as they are edited, before handing them out: "
                                                  "every problem of each lab, as the window would meet it")
    check.add_argument("paths", nargs="+", metavar="PATH",
                       help="a lab's folder or its lab.json, a folder of labs, or a lab pack")
    check.set_defaults(command=lab_check_command)


def _load_config(path: str, epochs=None, seed=None):
    from core import config as run_config
    try:
        config = run_config.load(path)
        if epochs is not None:
            config.training.epochs = epochs
        if seed is not None:
            config.training.seed = seed
        return run_config.check(config)
    except ValueError as error:
        raise BadInput(str(error)) from None


def _bad_data(error: Exception) -> BadInput:
    """A failure to load data, for the user; data not on this computer also says how to fetch it."""
    from core.datasets.mnist import DatasetUnavailableError
    if isinstance(error, DatasetUnavailableError):
        return BadInput(f"{error}\nTo download them now: mlp-workbench data fetch {error.source.name}")
    return BadInput(str(error))


def _experiment(config):
    from core.experiment import Experiment
    try:
        return Experiment(config)
    except (ValueError, FileNotFoundError) as error:
        raise _bad_data(error) from None


def _duration(seconds: float) -> str:
    if not math.isfinite(seconds):
        return "--:--"
    minutes, seconds = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes:02d}:{seconds:02d}"


class ProgressBar:
    """One line on stderr, redrawn at most 10 times a second: epoch, loss, accuracy, samples/s, ETA."""

    def __init__(self, total_epochs: int, steps_per_epoch: int, stream=sys.stderr, width: int = 24):
        self.total_steps = total_epochs * steps_per_epoch
        self.total_epochs, self.stream, self.width = total_epochs, stream, width
        self._last_draw = 0.0
        self._interactive = hasattr(stream, "isatty") and stream.isatty()

    def update(self, event, metric_name: str) -> None:
        now = time.perf_counter()
        if self._interactive and now - self._last_draw < 0.1:
            return
        self._last_draw = now
        done = min(event.step / max(self.total_steps, 1), 1.0)
        rate = event.samples_seen / event.elapsed if event.elapsed > 0 else math.nan
        eta = event.elapsed * (1 - done) / done if done > 0 else math.nan
        filled = int(done * self.width)
        line = (f"epoch {event.epoch + 1}/{self.total_epochs} [{'#' * filled}{'.' * (self.width - filled)}] "
                f"loss {event.loss:.4f} {metric_name} {event.metric:.3f} {rate:,.0f} samples/s "
                f"ETA {_duration(eta)}")
        if self._interactive:
            self.stream.write("\r" + line)
            self.stream.flush()

    def epoch(self, event, metric_name: str) -> None:
        val = f" val_loss {event.val_loss:.4f} val_{metric_name} {event.val_metric:.4f}" \
            if math.isfinite(event.val_loss) else ""
        penalty = f" penalty {event.train_penalty:.4f}" if event.train_penalty else ""
        prefix = "\r" if self._interactive else ""
        self.stream.write(f"{prefix}epoch {event.epoch}/{self.total_epochs} loss {event.train_loss:.4f}{penalty} "
                          f"{metric_name} {event.train_metric:.4f}{val} {event.samples_per_second:,.0f} samples/s "
                          f"elapsed {_duration(event.elapsed)}\n")
        self.stream.flush()


def _large_values_warnings(dataset) -> list[str]:
    """What the window's Data panel warns of (:mod:`core.datasets.magnitudes`), for the terminal: the
    configuration's words (``"scaling"`` in its ``data``) rather than the panel's."""
    from core.datasets.magnitudes import FEATURES, find_large_values, is_scaled

    warnings = []
    for large in find_large_values(dataset):
        more = len(large.columns) - 3
        columns = ", ".join(large.columns[:3]) + (f" and {more} more" if more > 0 else "")
        found = f"feature values reach {large.largest:.3g} (in {columns})" if large.part == FEATURES \
            else f"the regression targets reach {large.largest:.3g}"
        if not is_scaled(dataset, large.part):
            setting = "scaling" if large.part == FEATURES else "target_scaling"
            advice = f'set "{setting}": "standardize" (or "unit") in the configuration\'s "data"'
        else:
            advice = "even scaled they lie far outside the training data: check those values in the file"
        warnings.append(f"warning: {found}, far beyond the ±1 or so that the initial weights are made for "
                        f"(learning crawls or overflows); {advice}")
    return warnings


def train_command(args) -> int:
    from core import events, model_io, runs
    from core.trainer import evaluate, regression_scores

    config = _load_config(args.config, args.epochs, args.seed)
    experiment = _experiment(config)
    metric_name = "r2" if experiment.network.loss.task == "regression" else "accuracy"
    out = Path(args.out) if args.out else None
    if out is not None and out.exists() and not out.is_dir():
        raise BadInput(f"--out {out}: that is a file, not a folder; choose a new folder")
    if out is not None and out.exists() and any(out.iterdir()):
        raise BadInput(f"--out {out}: the folder exists and is not empty; choose a new folder")
    try:
        recorder = runs.RunRecorder(config, experiment.network, config.data.dataset, folder=out,
                                    recorded=model_io.scalers_record(experiment.dataset))
    except OSError as error:
        raise BadInput(f"cannot write the run folder {error.filename or out}: {error.strerror or error}; "
                       f"choose another --out") from None
    trainer = experiment.make_trainer(track_gradient_norms=True)  # the run folder keeps them, as the window's
    bar = ProgressBar(config.training.epochs, trainer.steps_per_epoch)
    print(f"training {config.name!r} on {experiment.dataset.describe()}", file=sys.stderr)
    target_scaler = experiment.dataset.target_scaler
    if target_scaler is not None:
        print(f"the loss is the MSE of the {SCALED_TARGETS[target_scaler.method]} targets, which the network "
              f"learns; R², RMSE and MAE are in the targets' units", file=sys.stderr)
    for warning in _large_values_warnings(experiment.dataset):
        print(warning, file=sys.stderr)
    print(f"run folder: {recorder.folder}", file=sys.stderr)
    finished = None
    for event in trainer.run():
        recorder.record(event, optimizer_state=runs.optimizer_state_at(event, trainer.optimizer))
        if isinstance(event, events.BatchFinished):
            bar.update(event, metric_name)
        elif isinstance(event, events.EpochFinished):
            bar.epoch(event, metric_name)
        elif isinstance(event, events.TrainingFinished):
            finished = event
    print(finished.message, file=sys.stderr)
    dataset = experiment.dataset
    if not len(dataset.X_test):  # a test_split of 0: nothing to measure (an empty batch is no score)
        print("test: no test examples (the test split is 0)")
    elif metric_name == "r2":
        scores = regression_scores(experiment.network, dataset.X_test, dataset.original_targets(dataset.y_test),
                                   target_scaler)
        print(f"test {_regression_summary(scores, target_scaler)}")
    else:
        test_loss, test_metric = evaluate(experiment.network, dataset.X_test, dataset.y_test)
        print(f"test loss {test_loss:.4f} test {metric_name} {test_metric:.4f}")
    print(f"saved to {recorder.folder}")
    return EXIT_FAILED if finished.reason == events.DIVERGED else EXIT_OK


def _load_model_and_data(path: Path, dataset_name: str | None):
    """(network, dataset, target scaler) for a run folder or a model file; the run's own data options are
    reused. The data's features are scaled as the network learnt them: by the scaler its model file records, else
    (files written before they recorded it) fitted as the run's configuration says, as when it trained; data of
    another number of features are left for :func:`evaluate_command` to refuse. The target scaler is the scaling of
    the regression targets the network learnt (None: none): the one its model file records, else the data's."""
    from core import model_io

    network, dataset, metadata = _load_network_and_data(path, dataset_name)
    scaler = model_io.recorded_scaler(metadata, "scaler", unrecorded=dataset.scaler)
    if scaler.offset.size == dataset.n_features:
        dataset = dataset.with_scaler(scaler)
    return network, dataset, model_io.recorded_scaler(metadata, "target_scaler", unrecorded=dataset.target_scaler)


def _load_network_and_data(path: Path, dataset_name: str | None):
    """(network, dataset, the metadata of the model file, or of a run folder's best weights) of
    :func:`_load_model_and_data`."""
    from core import datasets, model_io, runs
    from core.config import RunConfig
    from core.experiment import load_data
    try:
        if path.is_dir():
            network, metadata = runs.load_weights(path, "best")
            config = runs.load_config(path)
            if dataset_name and dataset_name != config.data.dataset:
                config.data.dataset, config.data.options = dataset_name, {}
            return network, load_data(config), metadata
        network, metadata = model_io.load_model(path)
        name = dataset_name or metadata.get("dataset")
        if not name:
            raise BadInput(f"{path} does not say which dataset it was trained on; pass --dataset NAME")
        # Its own data options (recorded in the file, or in the run folder it lies in): inputs computed from
        # the points (x₁², …) fed it raw coordinates without.
        folder = runs.run_folder_of(path)
        if name == metadata.get("dataset") and (isinstance(metadata.get("config"), dict) or folder is not None):
            config = RunConfig.from_dict(metadata["config"]) if isinstance(metadata.get("config"), dict) \
                else runs.load_config(folder)
            return network, load_data(config), metadata
        return network, datasets.load(name), metadata
    except (ValueError, FileNotFoundError) as error:
        raise _bad_data(error) from None


def _regression_summary(scores, target_scaler) -> str:
    """R², RMSE and MAE in the targets' units, and the loss labelled with the targets it is of."""
    learnt = "MSE" if target_scaler is None else f"MSE of the {SCALED_TARGETS[target_scaler.method]} targets"
    return (f"R² {scores.r2:.4f}  RMSE {scores.rmse:.4g}  MAE {scores.mae:.4g} (in the targets' units)  "
            f"loss {scores.loss:.4f} ({learnt})")


SCALED_TARGETS = {"standardize": "standardised", "unit": "min–max scaled"}
"""How the loss's targets are called, by their scaling."""


def evaluate_command(args) -> int:
    from core import metrics
    from core.trainer import evaluate, regression_scores

    network, dataset, target_scaler = _load_model_and_data(Path(args.model), args.dataset)
    X, y = {"test": (dataset.X_test, dataset.y_test), "val": (dataset.X_val, dataset.y_val),
            "train": (dataset.X_train, dataset.y_train)}[args.split]
    if X.shape[1] != network.n_inputs:
        raise BadInput(f"the model takes {network.n_inputs} inputs but {dataset.name} has {X.shape[1]} features; "
                       f"evaluate it on the dataset it was trained on")
    try:
        if network.loss.task == "regression":
            scores = regression_scores(network, X, dataset.original_targets(y), target_scaler)
            print(f"{dataset.name} {args.split}: {_regression_summary(scores, target_scaler)}  ({len(y)} samples)")
            return EXIT_OK
        loss, metric = evaluate(network, X, y)
    except ValueError as error:
        raise BadInput(f"{dataset.name} does not fit this model: {error}") from None
    print(f"{dataset.name} {args.split}: accuracy {metric:.4f}  loss {loss:.4f}  ({len(y)} samples)")
    n_classes = max(dataset.n_classes, network.n_outputs if network.n_outputs > 1 else 2)
    confusion = metrics.confusion_matrix(y, network.predict(X), n_classes)
    names = list(dataset.class_names) or [str(i) for i in range(n_classes)]
    width = max(6, max(len(str(n)) for n in names) + 1)
    print("confusion matrix (rows: true class, columns: predicted)")
    print(" " * width + "".join(f"{str(n)[:width - 1]:>{width}}" for n in names))
    for name, row in zip(names, confusion):
        print(f"{str(name)[:width - 1]:>{width}}" + "".join(f"{count:>{width}}" for count in row))
    return EXIT_OK


def gradcheck_command(args) -> int:
    from core.experiment import build_regularizer
    from core.gradient_check import format_table, gradient_check

    config = _load_config(args.config)
    experiment = _experiment(config)
    if args.samples < 2:  # one example makes no batch statistics; fewer is no check
        raise BadInput(f"--samples {args.samples}: the check needs at least 2 examples; give 2 or more")
    n = min(args.samples, len(experiment.dataset.X_train))
    rows = gradient_check(experiment.network, experiment.dataset.X_train[:n], experiment.dataset.y_train[:n],
                          regularizer=build_regularizer(config))
    print(format_table(rows))
    failed = [row.name for row in rows if not row.passed]
    print("all tensors pass" if not failed else f"FAILED: {', '.join(failed)}")
    return EXIT_FAILED if failed else EXIT_OK


def fetch_command(args) -> int:
    from core import datasets
    from core.datasets import labpack, mnist

    if args.name not in mnist.SOURCES:
        if args.name == "csv":
            raise BadInput('csv is your own file, nothing to fetch: choose it in the window\'s Data panel, or name it '
                           'in a configuration\'s data ("dataset": "csv", "options": {"path": "FILE.csv"})')
        if args.name == "my_digits":
            raise BadInput("my_digits are the digits you draw and label in the window's Draw tab, nothing to fetch; "
                           "they are kept on this computer")
        if args.name in datasets.names():
            print(f"{args.name} is built in: it needs no files and works offline as it is")
            return EXIT_OK
        raise BadInput(f"unknown dataset {args.name!r}; datasets with files to fetch: {', '.join(mnist.SOURCES)}")
    try:
        if args.dir:
            folder = labpack.prepare_lab_pack(args.dir, [args.name], allow_download=not args.offline,
                                              progress=_download_progress)[args.name]
        else:
            source = mnist.SOURCES[args.name]
            try:
                folder = next(iter(mnist.locate_readable(source)[0].values())).parent
            except FileNotFoundError:
                if args.offline:
                    raise
                folder = mnist.download(source, progress=_download_progress)
    except (mnist.DatasetUnavailableError, mnist.DownloadError) as error:
        raise BadInput(str(error)) from None
    except OSError as error:
        raise BadInput(_folder_problem(error, args.dir) if args.dir else str(error)) from None
    except ValueError as error:
        raise BadInput(str(error)) from None
    print(f"{args.name} is ready in {folder}")
    return EXIT_OK


def lab_pack_command(args) -> int:
    from core import labs
    from core.datasets.mnist import DatasetUnavailableError, DownloadError

    if Path(args.dir).exists() and not Path(args.dir).is_dir():
        raise BadInput(f"{args.dir} is a file: give a folder (new or existing) for the lab pack")
    try:
        pack = labs.lab_pack(args.dir, allow_download=args.download, progress=_download_progress)
    except DatasetUnavailableError as error:  # a data set missing (or only damaged) here: the way out of this command
        hint = "" if args.download else (
            f"\nTo download it (checksum-verified): mlp-workbench lab pack {shell_quoted(args.dir)} --download, "
            f"or first mlp-workbench data fetch {error.source.name}")
        raise BadInput(f"{error}{hint}") from None
    except DownloadError as error:
        raise BadInput(str(error)) from None
    except OSError as error:
        raise BadInput(_folder_problem(error, args.dir)) from None
    except ValueError as error:
        raise BadInput(str(error)) from None
    for name, folder in pack.folders.items():
        print(f"{name}: {folder}")
    labs_folder = pack.folders["labs"]
    if pack.kept_labs:
        count = len(pack.kept_labs)
        print(f"kept {count} lab{'s' if count > 1 else ''} already in {labs_folder} ({', '.join(pack.kept_labs)}) as "
              "they were; delete a lab's folder to get the shipped one again")
    print(f"The labs in {labs_folder} can be edited: a lab's lab.json and its sheet.*.md (edit the sheet too when a "
          f"goal or setting changes). Then: mlp-workbench lab check {shell_quoted(labs_folder)}")
    folder = Path(args.dir).resolve()
    setting = f'set "MLP_WORKBENCH_DATA={folder}"' if sys.platform == "win32" \
        else f"export MLP_WORKBENCH_DATA={shell_quoted(folder)}"
    print(f"On each lab computer, before starting MLP Workbench: {setting}")
    if not pack.problems and not pack.passed_over and not pack.damaged_install:
        return EXIT_OK
    # The pack is written, but a lab in it will not be offered as edited: lab check's exit 1, so that a script
    # does not hand it out; not 2, which says nothing was done because of what was typed.
    damaged = {error.file.parent.name for error in pack.damaged_install}
    copied = {error.file: was_copied for error, was_copied in pack.passed_over}

    def not_copied(error) -> str:
        lab_id = error.file.parent.name
        if copied[error.file]:
            return f"not copied: the shipped {lab_id} was copied into {labs_folder} instead"
        if lab_id in damaged:
            return f"not copied, and the installed {lab_id} is damaged (see below): the pack has none"
        return f"not copied, and no lab {lab_id} is shipped: the pack has none"

    def passed_over(count: int, many: bool) -> str:
        source, copies = pack.passed_over[0][0].file.parent.parent, sum(copied.values())
        delete = f" delete from {labs_folder} the shipped lab{'s' if copies > 1 else ''} copied instead," if copies \
            else ""
        return (f"{count} lab{'s' if many else ''} of the lab pack MLP_WORKBENCH_DATA names "
                f"{'have' if many else 'has'} problems and {'were' if many else 'was'} not copied. To pack "
                f"{'them' if many else 'it'} as edited, fix {'them' if many else 'it'} (mlp-workbench lab check "
                f"{shell_quoted(source)}),{delete} and run lab pack again.")

    _report_labs_with_problems([error for error, _ in pack.passed_over], passed_over, not_copied)
    _report_labs_with_problems(pack.problems, lambda count, many: (
        f"{count} lab{'s' if many else ''} kept in the pack {'have' if many else 'has'} problems: on the lab "
        "computers MLP Workbench offers the shipped lab of its number instead, where there is one. Fix "
        f"{'them' if many else 'it'} and check again (mlp-workbench lab check {shell_quoted(labs_folder)}), or "
        "delete a lab's folder and run lab pack again to get the shipped one."))
    _report_labs_with_problems(pack.damaged_install, lambda count, many: (
        f"{count} lab{'s' if many else ''} installed with MLP Workbench (in {labs.SHIPPED_LABS}) "
        f"{'are' if many else 'is'} damaged (the files there have changed), so this pack could not take "
        f"{'them' if many else 'it'} from there. Reinstall MLP Workbench, then run lab pack again."))
    return EXIT_FAILED


def _report_labs_with_problems(errors, summary, what_became=None) -> None:
    """Each lab's problems as lab check lists them (and ``what_became(error)`` of it), then ``summary(count, many)``
    once for them all; nothing where ``errors`` is empty."""
    for error in errors:
        _print_lab_problems(error)
        if what_became is not None:
            print(f"  {what_became(error)}")
    if errors:
        print(summary(len(errors), len(errors) > 1))


def _print_lab_problems(error) -> None:
    """A lab's lab.json, then each of its problems (an :class:`core.labs.InvalidLabError`), as lab check lists them."""
    from core import labs

    print(error.file)
    for problem in error.problems:
        print(f"  {labs.problem_text(problem)}")


def lab_check_command(args) -> int:
    """Each lab's lab.json, then its problems (or that it has none), one a line; a summary; exit 1 if any is broken."""
    from core import labs

    folders, seen = [], set()
    for given in args.paths:
        try:
            found = labs.labs_under(given)
        except ValueError as error:
            raise BadInput(str(error)) from None
        for folder in found:
            if folder.resolve() not in seen:  # a pack and one of its labs, both given
                seen.add(folder.resolve())
                folders.append(folder)
    broken = problems = warned = 0
    for folder in folders:
        print(folder / "lab.json")
        lab, found = labs.check_lab(folder)
        for problem in found:
            print(f"  {labs.problem_text(problem)}")
        if not found:  # the version the teacher's results table shows of the results made with it
            print(f"  no problems (lab version {labs.short_fingerprint(lab.fingerprint)})")
        # What a lab that opens shows wrongly: the window offers it, so it does not fail the check.
        warnings = labs.lab_warnings(lab) if lab is not None else []
        for warning in warnings:
            print(f"  warning: {labs.problem_text(warning)}")
        broken += bool(found)
        problems += len(found)
        warned += len(warnings)
    checked = f"{len(folders)} lab{'s' if len(folders) != 1 else ''} checked"
    if broken:
        print(f"{checked}: {broken} with problems ({problems} in all), {len(folders) - broken} without. "
              "MLP Workbench does not offer a lab that has problems: the shipped lab of its number stands in, "
              "where there is one.")
    else:
        print(f"{checked}: no problems.")
    if warned:
        print(f"{warned} warning{'s' if warned > 1 else ''}: a lab with a warning opens, but shows the students what "
              "the warning says; fix it before handing the labs out.")
    return EXIT_FAILED if broken else EXIT_OK


def shell_quoted(path) -> str:
    """``path`` as the shell this runs in would quote it: a pack on "Флешка USB" was cut at its space."""
    if sys.platform == "win32":
        return f'"{path}"' if " " in str(path) else str(path)
    return shlex.quote(str(path))


def _folder_problem(error: OSError, folder) -> str:
    """What went wrong writing into ``folder``, and what to do, without Python's [Errno …] notation."""
    return (f"cannot write into {error.filename or folder}: {error.strerror or error}; "
            "give a folder you can create and write to")


def _download_progress(done: int, total: int) -> None:
    share = f"{100 * done / total:5.1f}%" if total else f"{done:,} bytes"
    sys.stderr.write(f"\rdownloading… {share}")
    if total and done >= total:
        sys.stderr.write("\n")
    sys.stderr.flush()


def run(args: argparse.Namespace) -> int:
    """Run a parsed subcommand, turning bad input into a message and exit code 2."""
    try:
        return args.command(args)
    except BadInput as error:
        print(f"mlp-workbench {args.subcommand}: error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
        return 130
