"""The headless command line, run as a user would: through a subprocess, checking exit codes and output."""
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from core import config as run_config
from core import model_io, runs

ROOT = Path(__file__).resolve().parents[1]


def cli(*args, timeout=240, env_extra=None):
    env = {**os.environ, **(env_extra or {})}
    return subprocess.run([sys.executable, "-m", "app", *map(str, args)], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=timeout)


@pytest.fixture
def digits_config(tmp_path):
    config = run_config.load(ROOT / "resources" / "configs" / "digits.json")
    config.network.hidden[0].units = 16
    path = tmp_path / "digits.json"
    path.write_text(config.to_json())
    return path


def test_train_writes_a_run_folder_the_gui_can_open_and_never_imports_qt(tmp_path, digits_config):
    out = tmp_path / "run"
    probe = ("import sys, runpy; sys.argv = ['mlp-workbench', 'train', %r, '--out', %r, '--epochs', '2', '--seed', '3'];"
             "import app.cli as c;\ncode = c.main(sys.argv[1:])\n"
             "assert not any(m.startswith('PySide6') or m.startswith('pyqtgraph') for m in sys.modules), 'Qt imported'\n"
             "sys.exit(code)") % (str(digits_config), str(out))
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=240)
    assert result.returncode == 0, result.stderr
    assert "epoch 2/2" in result.stderr and "samples/s" in result.stderr
    assert "test accuracy" in result.stdout
    config = runs.load_config(out)
    assert config.training.epochs == 2 and config.training.seed == 3
    assert [e["epoch"] for e in runs.load_history(out)["epochs"]] == [1, 2]
    assert runs.RunInfo.read(out).status == "completed"
    saved = runs.load_optimizer_state(out / "last.npz")  # reopened in the window, training goes on from it
    assert saved["optimizer"] == config.optimizer.name and saved["epoch"] == 2
    assert int(saved["arrays"]["step_count"]) == saved["step"] == runs.load_history(out)["epochs"][-1]["step"]


def test_train_warns_of_values_far_too_large_for_the_initial_weights(tmp_path):
    table = tmp_path / "houses.csv"
    table.write_text("rooms,price,kind\n" + "".join(f"{2 + i % 4},{3e7 * (1 + i % 3)},{i % 2}\n" for i in range(40)))
    config = run_config.RunConfig()
    config.data.dataset, config.data.scaling = "csv", "none"
    config.data.options = {"path": str(table), "label_column": "kind"}
    config.training.epochs = 1
    path = tmp_path / "houses.json"
    path.write_text(config.to_json())
    result = cli("train", path, "--out", tmp_path / "run")
    assert "warning: feature values reach 9e+07 (in price), far beyond the ±1" in result.stderr
    assert 'set "scaling": "standardize" (or "unit")' in result.stderr and "Traceback" not in result.stderr
    config.data.scaling = "standardize"
    path.write_text(config.to_json())
    assert "warning" not in cli("train", path, "--out", tmp_path / "scaled").stderr


def test_large_regression_targets_are_told_to_be_scaled_and_scaled_ones_are_scored_in_their_units(tmp_path):
    from tests.core.test_target_scaling import prices_config, write_prices

    config = prices_config(write_prices(tmp_path / "houses.csv"), "none", epochs=1)
    path = tmp_path / "houses.json"
    path.write_text(config.to_json())
    raw = cli("train", path, "--out", tmp_path / "raw")
    assert "warning: the regression targets reach 4.57e+05, far beyond the ±1" in raw.stderr
    assert 'set "target_scaling": "standardize" (or "unit") in the configuration\'s "data"' in raw.stderr
    config.data.target_scaling, config.training.epochs = "standardize", 30
    path.write_text(config.to_json())
    scaled = cli("train", path, "--out", tmp_path / "run")
    assert scaled.returncode == 0 and "warning" not in scaled.stderr, scaled.stderr
    assert "the loss is the MSE of the standardised targets, which the network learns; R², RMSE and MAE are in " \
           "the targets' units" in scaled.stderr
    test_line = next(line for line in scaled.stdout.splitlines() if line.startswith("test "))
    words = test_line.split()
    assert float(words[words.index("R²") + 1]) > 0.95 and 5_000 < float(words[words.index("RMSE") + 1]) < 20_000
    assert test_line.endswith("(in the targets' units)  loss " + words[-6] + " (MSE of the standardised targets)")
    folder, model = cli("evaluate", tmp_path / "run"), cli("evaluate", tmp_path / "run" / "best.npz")
    assert folder.returncode == model.returncode == 0, model.stderr
    assert folder.stdout == model.stdout and folder.stdout.startswith("houses.csv test: R² ")
    assert "(MSE of the standardised targets)  (60 samples)" in folder.stdout
    prices = tmp_path / "houses.csv"  # edited since: the network's outputs read with the scaler it learnt with
    rows = [line.split(",") for line in prices.read_text().splitlines()[1:]]
    prices.write_text("area,rooms,price\n" + "".join(f"{a},{r},{1.5 * float(p):.0f}\n" for a, r, p in rows))
    folder, model = cli("evaluate", tmp_path / "run"), cli("evaluate", tmp_path / "run" / "best.npz")
    assert folder.stdout == model.stdout and float(folder.stdout.split()[3]) < 0.5, folder.stdout


def test_evaluate_gives_a_model_the_inputs_it_learnt_after_its_training_rows_were_edited(tmp_path):
    """Hours ten times as long in the training rows, the test rows as they were: a run folder and its best.npz
    score what they did, with the input scaler their files record; a file with another column is refused."""
    from core.experiment import load_data
    from tests.core.test_input_scaling import edit_training_rows, students_config, write_students

    students = write_students(tmp_path / "students.csv")
    config = students_config(students, epochs=10)
    (tmp_path / "students.json").write_text(config.to_json())
    trained = cli("train", tmp_path / "students.json", "--out", tmp_path / "run")
    assert trained.returncode == 0, trained.stderr
    models = (tmp_path / "run", tmp_path / "run" / "best.npz")
    before = [cli("evaluate", model).stdout for model in models]
    assert before[0] == before[1] and before[0].startswith("students.csv test: accuracy ")
    edit_training_rows(students, load_data(config))
    assert [cli("evaluate", model).stdout for model in models] == before
    rows = students.read_text(encoding="utf-8").splitlines()
    students.write_text("\n".join(row.replace(",", ",20,", 1) for row in rows) + "\n", encoding="utf-8")
    refused = cli("evaluate", tmp_path / "run")
    assert refused.returncode == 2 and "the model takes 2 inputs but students.csv has 3 features" in refused.stderr, \
        refused.stderr


def test_a_run_without_test_examples_says_so_instead_of_a_traceback(tmp_path):
    config = run_config.RunConfig()
    config.data.dataset, config.data.options, config.loss.name = "sine", {"test_split": 0.0}, "mse"
    config.training.epochs = 1
    path = tmp_path / "sine.json"
    path.write_text(config.to_json())
    result = cli("train", path, "--out", tmp_path / "run")
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert "test: no test examples (the test split is 0)" in result.stdout


def test_train_is_deterministic_for_a_seed(tmp_path, digits_config):
    for name in ("a", "b"):
        assert cli("train", digits_config, "--out", tmp_path / name, "--epochs", 1).returncode == 0
    a, _ = model_io.load_model(tmp_path / "a" / "last.npz")
    b, _ = model_io.load_model(tmp_path / "b" / "last.npz")
    assert np.array_equal(a.flat_parameters, b.flat_parameters)


@pytest.mark.parametrize("content, words", [
    ("{not json", "not valid JSON"),
    (json.dumps({"schema_version": 1, "training": {"batch_size": 0}}), "training.batch_size = 0"),
    (json.dumps({"schema_version": 99}), "newer MLP Workbench"),
])
def test_train_refuses_bad_configs_with_exit_code_2(tmp_path, content, words):
    bad = tmp_path / "bad.json"
    bad.write_text(content)
    result = cli("train", bad, "--out", tmp_path / "out")
    assert result.returncode == 2
    assert words in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("out, words", [("a file", "that is a file, not a folder"),
                                        ("/proc/no such run", "cannot write the run folder /proc/no such run")])
def test_train_refuses_an_out_folder_it_cannot_make(tmp_path, digits_config, out, words):
    if out == "a file":
        out = tmp_path / "results.txt"
        out.write_text("mine")
    result = cli("train", digits_config, "--out", out, "--epochs", 1)
    assert result.returncode == 2 and words in result.stderr and "Traceback" not in result.stderr


def test_train_reports_a_missing_file(tmp_path):
    result = cli("train", tmp_path / "missing.json")
    assert result.returncode == 2 and "cannot read the configuration" in result.stderr


def test_train_on_mnist_that_is_not_here_says_how_to_fetch_it(tmp_path):
    config = tmp_path / "mnist.json"
    config.write_text(json.dumps({"schema_version": 1, "data": {"dataset": "mnist"}}))
    result = cli("train", config, "--out", tmp_path / "out",
                 env_extra={"MLP_WORKBENCH_DATA": str(tmp_path / "none"), "MLP_WORKBENCH_CACHE_DIR": str(tmp_path)})
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "is not on this computer" in result.stderr
    assert result.stderr.rstrip().endswith("To download them now: mlp-workbench data fetch mnist")


def test_evaluate_prints_accuracy_and_the_confusion_matrix(tmp_path, digits_config):
    assert cli("train", digits_config, "--out", tmp_path / "run", "--epochs", 3).returncode == 0
    for target in (tmp_path / "run", tmp_path / "run" / "best.npz"):
        result = cli("evaluate", target, "--dataset", "digits")
        assert result.returncode == 0, result.stderr
        assert "accuracy" in result.stdout and "confusion matrix" in result.stdout
        matrix = [line.split()[1:] for line in result.stdout.splitlines()[-10:]]
        assert sum(int(v) for row in matrix for v in row) == 360  # the digits test split
    wrong = cli("evaluate", tmp_path / "run" / "best.npz", "--dataset", "wine")
    assert wrong.returncode == 2 and "inputs" in wrong.stderr


def test_a_model_file_is_evaluated_on_the_inputs_it_was_trained_on(tmp_path):
    """A model of circles given x₁² and x₂² was fed the raw coordinates: 65 % where its run folder gave 82.5 %."""
    config = run_config.RunConfig()
    config.data.dataset, config.data.options = "circles", {"features": ["x1_squared", "x2_squared"]}
    config.network.hidden, config.training.epochs = [], 5
    path = tmp_path / "circles.json"
    path.write_text(config.to_json())
    assert cli("train", path, "--out", tmp_path / "run").returncode == 0
    folder, model = cli("evaluate", tmp_path / "run"), cli("evaluate", tmp_path / "run" / "best.npz")
    assert folder.returncode == model.returncode == 0, model.stderr
    assert folder.stdout.splitlines()[-6:] == model.stdout.splitlines()[-6:], "the same numbers either way"


def test_gradcheck_prints_the_table_and_passes(digits_config):
    """Each relative error to three significant digits, 1.36e-09, right under its heading; shapes as 64 × 16."""
    result = cli("gradcheck", digits_config)
    assert result.returncode == 0, result.stderr
    header, rule, *rows, verdict = result.stdout.splitlines()
    assert verdict == "all tensors pass" and set(rule) == {"-"} and len(rule) == len(header)
    assert [row.split()[0] for row in rows] == ["layer0.W", "layer0.b", "layer2.W", "layer2.b"]
    errors_end = header.index("relative error") + len("relative error")
    for row in rows:
        error = row[:errors_end].split()[-1]
        assert re.fullmatch(r"\d\.\d\de-\d\d", error) and float(error) < 1e-6, row
        assert row[errors_end:].strip() == "ok"
    assert "64 × 16" in rows[0] and "(64, 16)" not in rows[0]
    too_few = cli("gradcheck", digits_config, "--samples", "-5")
    assert too_few.returncode == 2 and "--samples -5: the check needs at least 2 examples" in too_few.stderr


def test_data_fetch_prepares_a_folder_offline(tmp_path):
    result = cli("data", "fetch", "mnist", "--dir", tmp_path / "pack", "--offline")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "pack" / "mnist").iterdir() if p.name.endswith(".gz")) == [
        "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz",
        "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"]
    # MNIST, which no system package installs (Debian's dataset-fashion-mnist may be on the machine).
    missing = cli("data", "fetch", "mnist", "--dir", tmp_path / "pack2", "--offline",
                  env_extra={"MLP_WORKBENCH_DATA": str(tmp_path / "nothing"),
                             "MLP_WORKBENCH_CACHE_DIR": str(tmp_path / "cache")})
    assert missing.returncode == 2 and "Traceback" not in missing.stderr
    bare = cli("data")
    assert bare.returncode == 2 and "the following arguments are required: fetch" in bare.stderr, \
        "the command the user can give, not argparse's internal name (data_command)"


def test_lab_pack_writes_labs_data_and_the_shipped_model(tmp_path):
    pack = tmp_path / "Флешка USB" / "pack"
    result = cli("lab", "pack", pack)
    assert result.returncode == 0, result.stderr
    assert (pack / "labs").is_dir() and len(list((pack / "labs").iterdir())) >= 12
    assert (pack / "mnist" / "train-images-idx3-ubyte.gz").is_file()
    assert any((pack / "models").glob("*.npz"))
    assert f"export MLP_WORKBENCH_DATA='{pack}'" in result.stdout, "quoted: the folder's name holds a space"
    assert "kept" not in result.stdout and f"The labs in {pack / 'labs'} can be edited" in result.stdout
    assert "lab.json" in (pack / "README.txt").read_text() and "sheet.ru.md" in (pack / "README.txt").read_text()
    assert f"Then: mlp-workbench lab check '{pack / 'labs'}'" in result.stdout
    assert '"mlp-workbench lab check" with this folder' in (pack / "README.txt").read_text()
    # Run again (to add --download, say): the labs the teacher edited stay, one deleted comes back as shipped.
    edited = {"01-perceptron": pack / "labs" / "01-perceptron" / "lab.json",
              "04-xnor": pack / "labs" / "04-xnor" / "sheet.ru.md"}
    for path in edited.values():
        path.write_text(path.read_text(encoding="utf-8") + " ", encoding="utf-8")
    teachers = {lab_id: path.read_text(encoding="utf-8") for lab_id, path in edited.items()}
    shutil.rmtree(pack / "labs" / "02-gd-sgd-minibatch")
    again = cli("lab", "pack", pack)
    assert again.returncode == 0, again.stderr
    assert {lab_id: path.read_text(encoding="utf-8") for lab_id, path in edited.items()} == teachers
    assert (pack / "labs" / "02-gd-sgd-minibatch" / "lab.json").is_file()
    kept = [line for line in again.stdout.splitlines() if line.startswith("kept ")]
    assert kept and f"already in {pack / 'labs'} (01-perceptron, 03-activations, 04-xnor," in kept[0]
    assert "02-gd-sgd-minibatch" not in kept[0] and "delete a lab's folder to get the shipped one again" in kept[0]
    offline = cli("lab", "pack", tmp_path / "pack2", env_extra={"MLP_WORKBENCH_DATA": str(tmp_path / "nothing"),
                                                                "MLP_WORKBENCH_CACHE_DIR": str(tmp_path / "cache")})
    assert offline.returncode == 2
    assert f"mlp-workbench lab pack {tmp_path / 'pack2'} --download" in offline.stderr
    assert "mlp-workbench data fetch mnist" in offline.stderr
    assert "python -m" not in offline.stderr and "download=True" not in offline.stderr, "a developer's command"
    (tmp_path / "afile").write_text("")
    on_a_file = cli("lab", "pack", tmp_path / "afile")
    assert on_a_file.returncode == 2 and "is a file: give a folder" in on_a_file.stderr
    # A folder that cannot be made is no missing data set: "--download" was offered for it, after an [Errno 20].
    inside_a_file = cli("lab", "pack", tmp_path / "afile" / "pack")
    assert inside_a_file.returncode == 2 and "--download" not in inside_a_file.stderr
    assert f"cannot write into {tmp_path / 'afile' / 'pack'}" in inside_a_file.stderr
    assert "Not a directory; give a folder" in inside_a_file.stderr and "Errno" not in inside_a_file.stderr
    fetched = cli("data", "fetch", "mnist", "--dir", tmp_path / "afile" / "data")
    assert fetched.returncode == 2 and "cannot write into" in fetched.stderr and "Errno" not in fetched.stderr


def copied_lab(labs_folder, lab_id, change=None):
    """A copy of the shipped lab ``lab_id`` in ``labs_folder``, its lab.json changed by ``change(raw)``."""
    from core import labs

    folder = labs_folder / lab_id
    shutil.copytree(labs.SHIPPED_LABS / lab_id, folder)
    if change is not None:
        raw = json.loads((folder / "lab.json").read_text(encoding="utf-8"))
        change(raw)
        (folder / "lab.json").write_text(json.dumps(raw, indent=1), encoding="utf-8")
    return folder


def check_labs(capsys, *paths):
    """``mlp-workbench lab check PATH…`` run in this process: (exit code, lines printed, error text)."""
    from app import cli

    code = cli.main(["lab", "check", *map(str, paths)])
    printed = capsys.readouterr()
    return code, printed.out.splitlines(), printed.err


def test_lab_pack_run_again_over_a_broken_edited_lab_keeps_the_labs_and_names_its_problems(tmp_path, capsys,
                                                                                           monkeypatch):
    """With MLP_WORKBENCH_DATA at the pack (to try it out), one lab broken by an edit stopped the whole pack: the
    lab deleted to be packed again, and the data --download was to add, were not."""
    from app import cli
    from core import labs

    pack = tmp_path / "pack"
    assert cli.main(["lab", "pack", str(pack)]) == 0
    wrong_weights = json.loads((pack / "labs" / "04-xnor" / "lab.json").read_text(encoding="utf-8"))
    wrong_weights["variants"][0]["weights"]["layer0.b"] = [-30, 10, 0]
    (pack / "labs" / "04-xnor" / "lab.json").write_text(json.dumps(wrong_weights), encoding="utf-8")
    shutil.rmtree(pack / "labs" / "02-gd-sgd-minibatch")
    edited = {path: path.read_text(encoding="utf-8") for path in (pack / "labs").glob("*/lab.json")}
    (pack / "labs" / "13-my-lab").mkdir()  # a lab begun, its lab.json not written yet
    capsys.readouterr()
    for shared in (pack, None):  # the pack tried out here, or the teacher's own data
        monkeypatch.setenv("MLP_WORKBENCH_DATA", str(shared or os.environ["MLP_WORKBENCH_DATA"]))
        code, printed = cli.main(["lab", "pack", str(pack)]), capsys.readouterr()
        assert code == 1 and printed.err == "", printed.err
        assert (pack / "labs" / "02-gd-sgd-minibatch" / "lab.json").is_file(), "the deleted lab is packed again"
        shutil.rmtree(pack / "labs" / "02-gd-sgd-minibatch")
        assert {path: path.read_text(encoding="utf-8") for path in edited} == edited, "edited labs are kept"
        lines = printed.out.splitlines()
        assert f"export MLP_WORKBENCH_DATA='{pack}'" not in lines and lines[2] == f"models: {pack / 'models'}"
        assert "13-my-lab" in lines[3] and "02-gd-sgd-minibatch" not in lines[3]
        assert lines[-6:] == [
            str(pack / "labs" / "04-xnor" / "lab.json"),
            "  variant 'hand_set', hand-set weights 'layer0.b': 3 numbers, but the network on xnor (inputs: 2, "
            "outputs: 1) takes 2 here: one for each unit of the layer",
            str(pack / "labs" / "13-my-lab" / "lab.json"),
            "  lab.json: cannot be read: No such file or directory",
            "  sheet.en.md: the English task sheet is missing",
            "2 labs kept in the pack have problems: on the lab computers MLP Workbench offers the shipped lab of its "
            f"number instead, where there is one. Fix them and check again (mlp-workbench lab check {pack / 'labs'}), "
            "or delete a lab's folder and run lab pack again to get the shipped one."]
    shutil.rmtree(pack / "labs" / "13-my-lab")
    shutil.copytree(labs.SHIPPED_LABS / "04-xnor", pack / "labs" / "04-xnor", dirs_exist_ok=True)
    assert cli.main(["lab", "pack", str(pack)]) == 0 and "problems" not in capsys.readouterr().out


def test_lab_pack_from_another_pack_names_its_labs_that_have_problems_and_what_it_copied_instead(
        tmp_path, capsys, monkeypatch):
    """With MLP_WORKBENCH_DATA at another pack whose lab 3 an edit broke, the new pack got the shipped lab 3, unsaid:
    the teacher handed out the shipped lab for their own."""
    from app import cli
    from core import labs

    other, pack = tmp_path / "other", tmp_path / "pack"
    assert cli.main(["lab", "pack", str(other)]) == 0
    shutil.rmtree(other / "labs" / "03-activations")
    copied_lab(other / "labs", "03-activations", lambda raw: raw["locked"].append("training.sed"))
    shutil.copytree(labs.SHIPPED_LABS / "04-xnor", other / "labs" / "13-xnor-again")  # its id is not the folder's
    monkeypatch.setenv("MLP_WORKBENCH_DATA", str(other))
    capsys.readouterr()
    code, printed = cli.main(["lab", "pack", str(pack)]), capsys.readouterr()
    assert code == 1 and printed.err == "", printed.err
    assert (pack / "labs" / "03-activations" / "lab.json").read_text(encoding="utf-8") == \
        (labs.SHIPPED_LABS / "03-activations" / "lab.json").read_text(encoding="utf-8")
    assert not (pack / "labs" / "13-xnor-again").exists()
    assert printed.out.splitlines()[-8:] == [
        str(other / "labs" / "03-activations" / "lab.json"),
        "  locked: 'training.sed' is not a setting of the run configuration",
        f"  not copied: the shipped 03-activations was copied into {pack / 'labs'} instead",
        str(other / "labs" / "13-xnor-again" / "lab.json"),
        "  id: '04-xnor' must be the folder's name, '13-xnor-again'",
        "  number: 4 must be the whole number the folder's name starts with, 13",
        "  not copied, and no lab 13-xnor-again is shipped: the pack has none",
        f"2 labs of the lab pack MLP_WORKBENCH_DATA names have problems and were not copied. To pack them as edited, "
        f"fix them (mlp-workbench lab check {other / 'labs'}), delete from {pack / 'labs'} the shipped lab copied "
        "instead, and run lab pack again."]


def test_lab_pack_says_a_shipped_lab_with_problems_is_a_damaged_installation_to_reinstall(tmp_path, capsys,
                                                                                          monkeypatch):
    """A lab of the installation's with problems was worded as a lab of "the lab pack MLP_WORKBENCH_DATA names", to
    fix there; and one that a kept lab with problems gave way to stopped the whole pack."""
    from app import cli
    from core import labs

    pack, installed = tmp_path / "pack", tmp_path / "installed" / "labs"
    copied_lab(pack / "labs", "04-xnor", lambda raw: raw["locked"].append("training.sed"))
    shutil.copytree(labs.SHIPPED_LABS, installed)
    for lab_id in ("03-activations", "04-xnor"):
        (installed / lab_id / "lab.json").write_text("{", encoding="utf-8")  # a truncated file
    monkeypatch.setattr(labs, "SHIPPED_LABS", installed)
    capsys.readouterr()
    code, printed = cli.main(["lab", "pack", str(pack)]), capsys.readouterr()
    assert code == 1 and printed.err == "", printed.err
    assert not (pack / "labs" / "03-activations").exists()
    lines = printed.out.splitlines()
    assert "MLP_WORKBENCH_DATA names" not in printed.out
    assert lines[-5:] == [
        str(installed / "03-activations" / "lab.json"),
        "  lab.json: not valid JSON, at line 1, column 2: the text ends before every list […] and object {…} in it "
        "is closed (was the file cut short?)",
        str(installed / "04-xnor" / "lab.json"),
        "  lab.json: not valid JSON, at line 1, column 2: the text ends before every list […] and object {…} in it "
        "is closed (was the file cut short?)",
        f"2 labs installed with MLP Workbench (in {installed}) are damaged (the files there have changed), so this "
        "pack could not take them from there. Reinstall MLP Workbench, then run lab pack again."]
    assert str(pack / "labs" / "04-xnor" / "lab.json") in lines, "the kept lab's own problems are named as before"


def test_lab_check_lists_every_problem_of_each_lab_as_a_teacher_reads_it(tmp_path, capsys):
    from core import labs

    pack = tmp_path / "pack"

    def two_problems(raw):
        raw["variants"][1]["config"]["optimizer"]["options"]["lrr"] = 0.1
        raw["locked"].append("training.sed")

    perceptron = copied_lab(pack / "labs", "01-perceptron")
    xnor = copied_lab(pack / "labs", "04-xnor", two_problems)
    optimizers = copied_lab(pack / "labs", "11-optimizers")
    (optimizers / "lab.json").write_text((optimizers / "lab.json").read_text(encoding="utf-8")[:-2] + ",}")
    (pack / "mnist").mkdir()
    code, lines, error = check_labs(capsys, pack)
    assert code == 1 and error == ""
    assert lines == [
        str(perceptron / "lab.json"),
        f"  no problems (lab version {labs.short_fingerprint(labs.load('01-perceptron').fingerprint)})",
        str(xnor / "lab.json"),
        "  variant 'trained', optimiser: unknown hyperparameter 'lrr'; sgd takes lr, weight_decay",
        "  locked: 'training.sed' is not a setting of the run configuration",
        str(optimizers / "lab.json"),
        f"  lab.json: not valid JSON, at line {len((optimizers / 'lab.json').read_text().splitlines())}, column 2: "
        "a name in double quotes is expected here (is there a comma after the last item, or a name in single quotes?)",
        "3 labs checked: 2 with problems (3 in all), 1 without. MLP Workbench does not offer a lab that has "
        "problems: the shipped lab of its number stands in, where there is one."]
    code, lines, _ = check_labs(capsys, xnor / "lab.json", perceptron, pack / "labs" / "01-perceptron" / "lab.json")
    assert code == 1 and [line for line in lines if not line.startswith(" ")][:2] == [str(xnor / "lab.json"),
                                                                                     str(perceptron / "lab.json")]
    assert lines[-1].startswith("2 labs checked: 1 with problems (2 in all), 1 without."), "the same lab once"


def test_lab_check_passes_good_labs_and_refuses_what_is_no_lab(tmp_path, capsys):
    from core import labs

    code, lines, _ = check_labs(capsys, labs.SHIPPED_LABS)
    assert code == 0 and lines[-1] == "12 labs checked: no problems."
    assert sum(line.startswith("  no problems (lab version ") for line in lines) == 12
    renamed = copied_lab(tmp_path, "04-xnor").rename(tmp_path / "xnor")
    code, lines, _ = check_labs(capsys, renamed / "lab.json")
    assert code == 1 and lines[1].startswith("  the folder's name 'xnor' is no lab's") \
        and lines[2] == "  id: '04-xnor' must be the folder's name, 'xnor'"
    (tmp_path / "notes.txt").write_text("")
    (tmp_path / "empty").mkdir()
    for path, words in ((tmp_path / "missing", "missing does not exist; give a lab's folder or its lab.json, a "
                                               "folder of labs, or a lab pack"),
                        (tmp_path / "notes.txt", "notes.txt is not a lab; give"),
                        (tmp_path / "empty", "empty holds no lab; give")):
        code, lines, error = check_labs(capsys, labs.SHIPPED_LABS / "04-xnor", path)
        assert code == 2 and lines == [] and words in error and "Traceback" not in error, error


def test_lab_check_warns_of_two_labs_of_one_number_and_of_a_title_left_in_english(tmp_path, capsys):
    """A teacher's 04-my-xnor beside 04-xnor: the students saw two labs numbered 4, and lab check said nothing; nor
    of a variant with no Russian title, whose English the Russian lesson showed ("8 hidden neurons")."""
    from core import labs

    def my_xnor(raw):
        raw["id"] = "04-my-xnor"
        del raw["variants"][1]["title"]["ru"]

    xnor = copied_lab(tmp_path, "04-xnor")
    mine = copied_lab(tmp_path / "copy", "04-xnor", my_xnor).rename(tmp_path / "04-my-xnor")
    english = labs.load("04-xnor").variants[1].title["en"]
    code, lines, _ = check_labs(capsys, tmp_path)
    assert code == 0, "the labs open: warnings do not fail the check"
    version = labs.short_fingerprint(labs.read_lab(mine).fingerprint)
    assert lines == [
        str(mine / "lab.json"),
        f"  no problems (lab version {version})",
        "  warning: 04-xnor in the same folder has number 4 too: the students see two labs numbered 4; give each "
        "lab a number of its own (its folder's name and its number)",
        f"  warning: variant 'trained', title: no Russian text, though the lab's title, summary, variant titles and "
        f"task sheet sheet.ru.md are given in Russian: the Russian lesson and results table show the English "
        f"{english!r}",
        str(xnor / "lab.json"),
        f"  no problems (lab version {labs.short_fingerprint(labs.load('04-xnor').fingerprint)})",
        "  warning: 04-my-xnor in the same folder has number 4 too: the students see two labs numbered 4; give each "
        "lab a number of its own (its folder's name and its number)",
        "2 labs checked: no problems.",
        "3 warnings: a lab with a warning opens, but shows the students what the warning says; fix it before "
        "handing the labs out."]
    code, lines, _ = check_labs(capsys, mine)
    assert "04-xnor in the same folder has number 4 too" in lines[2], "one lab checked is compared with its folder's"


def test_lab_check_of_a_pack_warns_of_a_lab_numbered_as_a_shipped_lab_the_pack_does_not_replace(tmp_path, capsys):
    """The pack's 04-xnor renamed 04-my-xnor: the window offered the shipped 04-xnor beside it, two labs numbered 4."""
    from core import labs

    (tmp_path / "pack" / "labs").mkdir(parents=True)
    copied_lab(tmp_path / "copy", "04-xnor", lambda raw: raw.update(id="04-my-xnor")).rename(
        tmp_path / "pack" / "labs" / "04-my-xnor")
    code, lines, _ = check_labs(capsys, tmp_path / "pack")
    assert code == 0 and lines[2] == (
        "  warning: the shipped 04-xnor has number 4 too, and MLP Workbench offers the shipped labs this pack has "
        "none of by name beside its own: the students see two labs numbered 4; to hand this lab out in the place of "
        "04-xnor, name its folder and id 04-xnor, or give it a number of its own")
    copied_lab(tmp_path / "pack" / "labs", "04-xnor")
    code, lines, _ = check_labs(capsys, tmp_path / "pack")
    assert [line for line in lines if "shipped" in line and "warning" in line] == [], "the pack's 04-xnor replaces it"
    assert sum("04-xnor in the same folder has number 4 too" in line for line in lines) == 1
    assert labs.lab_warnings(labs.load("04-xnor")) == [], "a shipped lab is not compared with itself"


def test_data_fetch_of_data_that_are_the_users_own_says_where_they_come_from():
    for name, words in (("csv", "your own file, nothing to fetch"), ("my_digits", "you draw and label")):
        result = cli("data", "fetch", name)
        assert result.returncode == 2 and words in result.stderr and "needs no files" not in result.stdout, name
    built_in = cli("data", "fetch", "digits")
    assert built_in.returncode == 0 and "digits is built in" in built_in.stdout
