"""The teaching labs: every lab is valid, and each reproduces its lecture's claim on the real engine;
teacher mode's result files, results table and offline pack."""
import functools
import json
import math
import shutil

import numpy as np
import pytest
from threadpoolctl import threadpool_limits

from core import activations, events, labs
from core import config as run_config
from core import datasets
from core.experiment import Experiment, build_regularizer
from core.gradient_check import gradient_check
from core.inspection import inspect
from core.languages import LANGUAGES, text_in
from core.layers import Activation, Dense
from core.network import Network
from core.race import Race
from core.runs import RunRecorder
from tests.test_cli import copied_lab


@pytest.fixture(autouse=True, scope="module")
def one_blas_thread():
    # These networks are small: on a shared two-core machine BLAS threads only wait for each other.
    with threadpool_limits(limits=1):
        yield


@functools.cache
def lab(lab_id):
    return labs.load(lab_id)


def train(experiment, **trainer_options):
    """Run the experiment's trainer to the end; return its events."""
    return list(experiment.make_trainer(**trainer_options).run())


def of(kind, log):
    return [event for event in log if isinstance(event, kind)]


def with_changes(lab_id, variant, **changes):
    """A copy of a variant's config with dotted-path fields changed (``training__epochs=2``)."""
    config = lab(lab_id).variant(variant).config.copy()
    for path, value in changes.items():
        *parents, name = path.split("__")
        target = config
        for parent in parents:
            target = getattr(target, parent)
        setattr(target, name, value)
    return config


def steps_to_reach(log, loss):
    """The first step whose batch loss is ≤ ``loss``, or None."""
    return next((event.step for event in of(events.BatchFinished, log) if event.loss <= loss), None)


def mean_gradient_norms(log, batches=5):
    """Per Dense layer, the mean gradient norm over the first ``batches`` steps (first layer first)."""
    return np.mean([event.gradient_norms for event in of(events.BatchFinished, log)[:batches]], axis=0)


# ============================================================================= every lab is valid
def test_the_twelve_labs_are_numbered_in_order_and_complete_in_both_languages():
    ids = labs.names()
    assert [int(lab_id[:2]) for lab_id in ids] == list(range(1, 13))
    for lab_id in ids:
        loaded = lab(lab_id)
        raw = json.loads((loaded.folder / "lab.json").read_text(encoding="utf-8"))
        for texts in (loaded.title, loaded.summary, *(variant.title for variant in loaded.variants)):
            assert set(texts) == {"en", "ru"}
        for language in LANGUAGES:
            sheet = (loaded.folder / f"sheet.{language}.md").read_text(encoding="utf-8")
            assert sheet.startswith("# ") and len(sheet) > 1500, (lab_id, language)
        assert sum("а" <= char <= "я" for char in loaded.sheet("ru")) > 500
        for variant, raw_variant in zip(loaded.variants, raw["variants"]):
            # Complete configurations: nothing depends on defaults that a later version might change.
            assert variant.config.to_file_dict() == raw_variant["config"], (lab_id, variant.name)
            assert run_config.validate(variant.config) == []


def test_text_falls_back_to_english_and_a_sheet_to_the_english_one():
    perceptron = lab("01-perceptron")
    assert text_in({"en": "Loss"}, "ru") == "Loss"
    assert text_in(perceptron.title, "ru") == perceptron.title["ru"]
    assert perceptron.sheet("de") == perceptron.sheet("en")


@pytest.mark.parametrize("lab_id", labs.names())
def test_an_english_sheet_quotes_the_lectures_in_english_with_the_russian_original_in_parentheses(lab_id):
    """Lab 11's English sheet gave the lecture's title in Russian only, as did six others: "English" («Русский»)."""
    import re

    sheet = lab(lab_id).sheet("en")
    quotes = re.compile(r'"[^"«»]+"\s\(«[^«»]+»\)')  # nested quotes in the original are „…“
    left = quotes.sub("", sheet)
    assert not re.search("[\u0400-\u04ff]", left), re.findall(r".{0,40}[\u0400-\u04ff]+.{0,40}", left)


@pytest.mark.parametrize("lab_id", labs.names())
def test_a_russian_sheet_writes_decimals_with_a_comma_as_the_window_shows_and_reads_them(lab_id):
    """The Russian sheets asked for η = 0.05 (some 80 numbers in all) where the window's boxes show 0,05. Sections
    (§1.2–1.5, замечание 1.5.1), arXiv numbers and code keep their points."""
    import re

    sheet = lab(lab_id).sheet("ru")
    prose = "\n".join(line for line in sheet.splitlines() if not line.startswith("    "))  # indented: code
    prose = re.sub(r"`[^`]*`|arXiv:\S+|§\s?\d+(\.\d+)*(\s?[–-]\s?\d+(\.\d+)*)?|\d+\.\d+\.\d+", "", prose)
    assert re.findall(r".{0,30}\d\.\d.{0,30}", prose) == []


def test_a_lock_or_hide_on_a_path_covers_every_field_below_it():
    xnor = lab("04-xnor")  # locks network.hidden.units, hides regularization
    assert xnor.locks("network.hidden[1].units") and xnor.locks("network.hidden.0.units")
    assert not xnor.locks("network.hidden[0].init") and not xnor.locks("network.hidden")
    assert xnor.hides("regularization.l2") and xnor.hides("regularization")
    assert not xnor.hides("regularization_strength") and not xnor.hides("training.epochs")


def mutate_xnor(tmp_path, change):
    return copied_lab(tmp_path, "04-xnor", change)


def set_weights(variant: int, **weights):
    """A change of a lab.json: ``weights`` (``layer0_W`` for "layer0.W") hand-set in its variant number ``variant``."""
    return lambda raw: raw["variants"][variant].setdefault("weights", {}).update(
        {name.replace("_", "."): values for name, values in weights.items()})


@pytest.mark.parametrize("change, line", [
    (lambda raw: raw["views"].append("histogram"), "views: 'histogram' is not one of: loss, weights,"),
    (lambda raw: raw["views"].append({"name": "variants", "x_axis": "hours"}),
     "view 'variants', option x_axis: 'hours' is not one of: epoch, step, samples_seen, time"),
    (lambda raw: raw["views"].append({"name": "compare", "contenders": ["trained", "tuned"]}),
     "view 'compare', option contenders: unknown 'tuned'; choose from: hand_set, trained, hand_set_weak"),
    (lambda raw: raw["views"].append({"name": "playground", "surface": "everest"}),
     "view 'playground', option surface: 'everest' is not one of"),
    (lambda raw: raw["views"].append({"name": "playground", "surface": "quadratic",
                                      "surface_options": {"condition_number": 0.5}}),
     "view 'playground', option surface_options: quadratic condition number must be ≥ 1.0, got 0.5"),
    (lambda raw: raw["locked"].append("training.sed"),
     "locked: 'training.sed' is not a setting of the run configuration"),
    (lambda raw: raw.update(goal={"metric": "val_accuracy", "at_least": 1.0, "at_most": 2.0}),
     "goal: needs exactly one of at_least or at_most"),
    (lambda raw: raw.update(goal={"metric": "accuracy", "at_least": 1.0}),
     "goal: must be null or an object whose metric"),
    (lambda raw: raw.update(goal={"metric": "val_loss", "at_most": 0.1, "variant": "tuned"}),
     "goal: variant 'tuned' is not one of: hand_set, trained, hand_set_weak"),
    (lambda raw: raw["variants"][1]["config"]["optimizer"]["options"].update(lr=-1),
     "variant 'trained', optimiser: sgd lr must be ≥ 0.0, got -1.0"),
    (lambda raw: raw["variants"][1]["config"]["optimizer"]["options"].update(lrr=0.1),
     "variant 'trained', optimiser: unknown hyperparameter 'lrr'; sgd takes lr, weight_decay"),
    (lambda raw: raw["variants"][1]["config"]["network"]["hidden"][0].update(units=0),
     "variant 'trained', hidden layer 1, units: must be ≥ 1, got 0"),
    (lambda raw: raw["variants"][1]["config"]["training"].update(epochz=3),
     "variant 'trained', config: unknown field 'training.epochz'; the fields: epochs,"),
    (lambda raw: raw["variants"][1].update(config=None), "variant 'trained', config: must be an object, got null"),
    (lambda raw: raw["variants"][1].pop("config"), "variant 'trained': has no config"),
    (lambda raw: raw["variants"][0]["weights"].update({"layer0.W": [[1, "x"]]}),
     "variant 'hand_set', hand-set weights 'layer0.W': must be a (nested) list of numbers, got [[1, 'x']]"),
    (lambda raw: raw["variants"].append(dict(raw["variants"][0])), "two variants are named 'hand_set'"),
    (lambda raw: raw["variants"][2].update(name="Weak"), "variant number 3: name must be lower-case letters"),
    (lambda raw: raw["title"].pop("en"), 'title: must be an object with an English text under "en"'),
    (lambda raw: raw.update(number=5), "number: 5 must be the whole number the folder's name starts with, 4"),
    (lambda raw: raw.pop("hidden"), "the field hidden is missing"),
])
def test_a_broken_lab_json_is_refused_naming_the_problem_as_a_teacher_reads_it(tmp_path, change, line):
    with pytest.raises(labs.InvalidLabError) as refused:
        labs.read_lab(mutate_xnor(tmp_path, change))
    lines = [labs.problem_text(problem) for problem in refused.value.problems]
    assert len(lines) == 1 and lines[0].startswith(line), lines
    assert refused.value.file == tmp_path / "04-xnor" / "lab.json"
    assert str(refused.value).startswith(f"lab 04-xnor ({refused.value.file}): {line}")


@pytest.mark.parametrize("lab_id, change, lines", [
    ("04-xnor", set_weights(0, layer0_W=[[20, -20, 1], [20, -20, 1]], layer0_b=[-30, 10, 1], layer9_W=[[1]]), [
        "variant 'hand_set', hand-set weights 'layer0.W': 2 × 3 numbers, but the network on xnor (inputs: 2, "
        "outputs: 1) takes 2 × 2 here: a row for each input of the layer, a column for each of its units",
        "variant 'hand_set', hand-set weights 'layer0.b': 3 numbers, but the network on xnor (inputs: 2, outputs: 1) "
        "takes 2 here: one for each unit of the layer",
        "variant 'hand_set', hand-set weights 'layer9.W': the network has no such parameter; its parameters: "
        "layer0.W, layer0.b, layer2.W, layer2.b"]),
    # The embedded digits, a wine subset, MNIST (whose files are not read: its shape is known), a toy 2-D set.
    ("01-perceptron", set_weights(0, layer0_W=np.zeros((784, 10)).tolist()), [
        "variant 'perceptron', hand-set weights 'layer0.W': 784 × 10 numbers, but the network on digits "
        "(inputs: 64, outputs: 10) takes 64 × 10 here"]),
    ("05-feature-scaling", set_weights(1, layer2_W=[[1, 1]] * 3), [
        "variant 'standardised', hand-set weights 'layer2.W': 3 × 2 numbers, but the network on wine_2d "
        "(inputs: 2, outputs: 1) takes 3 × 1 here"]),
    ("06-mnist-mlp", set_weights(0, layer4_b=[0] * 64, layer0_W=np.zeros((64, 128)).tolist()), [
        "variant 'lecture', hand-set weights 'layer4.b': 64 numbers, but the network on mnist (inputs: 784, "
        "outputs: 10) takes 10 here",
        "variant 'lecture', hand-set weights 'layer0.W': 64 × 128 numbers, but the network on mnist (inputs: 784, "
        "outputs: 10) takes 784 × 128 here"]),
    ("08-overfitting", set_weights(0, layer0_W=[[1] * 64] * 3), [
        "variant 'no_regularisation', hand-set weights 'layer0.W': 3 × 64 numbers, but the network on moons "
        "(inputs: 2, outputs: 2) takes 2 × 64 here"]),
])
def test_a_lab_check_finds_hand_set_weights_that_do_not_fit_the_network_on_its_data(tmp_path, monkeypatch, lab_id,
                                                                                     change, lines):
    """They were found only when the lab opened, its data loaded; MNIST's shape is known with no files here."""
    monkeypatch.setenv("MLP_WORKBENCH_DATA", str(tmp_path / "no data"))
    monkeypatch.setenv("MLP_WORKBENCH_CACHE_DIR", str(tmp_path / "no cache"))
    lab, problems = labs.check_lab(copied_lab(tmp_path, lab_id, change))
    assert lab is None and len(problems) == len(lines)
    for problem, line in zip(problems, lines):
        assert labs.problem_text(problem).startswith(line), labs.problem_text(problem)


def test_checking_hand_set_weights_on_wine_does_not_import_scikit_learn(tmp_path):
    """Its import takes 2 s: a pack lab with hand-set weights on wine made lab check and the window's start wait for
    it (no shipped lab does), for widths known without it."""
    import subprocess
    import sys

    def on_wine(raw):
        for variant in raw["variants"]:
            variant["config"]["data"]["dataset"] = "wine"
            variant["config"]["loss"]["name"] = "softmax_cross_entropy"
        raw["variants"][0]["weights"] = {"layer0.W": [[1, 1, 1]] * 2, "layer2.b": [0, 0, 0]}

    folder = copied_lab(tmp_path, "05-feature-scaling", on_wine)
    probe = (f"import sys; from core import labs; lab, problems = labs.check_lab({str(folder)!r}); "
             "print(*(labs.problem_text(problem) for problem in problems), sep='\\n'); "
             "print('sklearn' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "variant 'unscaled', hand-set weights 'layer0.W': 2 × 3 numbers, but the network on wine (inputs: 13, "
        "outputs: 3) takes 13 × 3 here: a row for each input of the layer, a column for each of its units",
        "False"], "the layer's fit is checked all the same, the output's biases (three classes) fit"


@pytest.mark.parametrize("name", sorted(datasets.tabular.FROM_SCIKIT_LEARN))
def test_the_widths_of_the_tables_read_through_scikit_learn_are_those_it_reads(name):
    from core.experiment import network_widths

    loaded, known = datasets.load(name), datasets.without_examples(name)
    assert (known.task, known.n_features, known.class_names, known.n_classes) == \
        (loaded.task, loaded.n_features, loaded.class_names, loaded.n_classes)
    config = run_config.RunConfig()
    config.data.dataset = name
    config.loss.name = {"multiclass": "softmax_cross_entropy", "binary": "binary_cross_entropy"}.get(known.task, "mse")
    assert network_widths(config) == (loaded.n_features, 3 if name == "wine" else 1)


def test_hand_set_weights_of_data_read_from_a_file_are_checked_by_name_only(tmp_path):
    """A CSV file's columns are known only once it is read: its lab says no more than it can know."""
    table = tmp_path / "points.csv"
    table.write_text("a,b,c,label\n" + "".join(f"{i},{i % 3},{i % 5},{i % 2}\n" for i in range(20)))

    def on_a_csv_file(raw):
        raw["variants"][0]["config"]["data"] = {"dataset": "csv", "options": {"path": str(table)}}
        raw["variants"][0]["weights"]["layer9.b"] = [0]

    lab, problems = labs.check_lab(copied_lab(tmp_path, "04-xnor", on_a_csv_file))
    assert [labs.problem_text(problem) for problem in problems] == [
        "variant 'hand_set', hand-set weights 'layer9.b': the network has no such parameter; its parameters: "
        "layer0.W, layer0.b, layer2.W, layer2.b"], "layer0.W is 2 × 2 for 3 columns: said when the lab opens"


def test_the_data_sets_not_read_from_files_load_with_no_files_and_mnist_s_shape_needs_none(tmp_path, monkeypatch):
    from core.experiment import network_widths

    monkeypatch.setenv("MLP_WORKBENCH_DATA", str(tmp_path / "no data"))
    monkeypatch.setenv("MLP_WORKBENCH_CACHE_DIR", str(tmp_path / "no cache"))
    monkeypatch.setenv("MLP_WORKBENCH_USER_DIR", str(tmp_path / "no user folder"))
    for name in set(datasets.names()) - set(datasets.READ_FROM_FILES):
        assert datasets.load(name).n_features >= 1, name
    config = run_config.RunConfig()
    for name in ("mnist", "fashion_mnist", "my_digits"):
        config.data.dataset = name
        assert network_widths(config) == (784, 10), name
        with pytest.raises(FileNotFoundError if name != "my_digits" else ValueError):
            datasets.load(name)
    config.data.dataset, config.loss.name = "mnist", "binary_cross_entropy"
    assert network_widths(config) is None, "a loss that does not fit: opening the lab says so"
    config.data.dataset, config.data.options = "csv", {"path": str(tmp_path / "missing.csv")}
    assert network_widths(config) is None


def test_a_lab_check_lists_every_problem_not_only_the_first(tmp_path):
    def break_everything(raw):
        raw["title"]["de"] = "XNOR"
        raw["variants"][0]["config"]["training"]["batch_size"] = 0
        raw["variants"][1]["config"]["optimizer"]["options"]["lrr"] = 0.1
        raw["locked"].append("training.sed")
        raw["goal"] = {"metric": "val_accuracy", "at_least": "high"}

    folder = mutate_xnor(tmp_path, break_everything)
    (folder / "sheet.ru.md").write_bytes("# Лабораторная".encode("cp1251"))  # saved in Windows' Cyrillic code page
    lab, problems = labs.check_lab(folder)
    assert lab is None
    assert [labs.problem_text(problem) for problem in problems] == [
        "title: language 'de' is not one of: en, ru",
        "variant 'hand_set', batch size: must be ≥ 1, got 0",
        "variant 'trained', optimiser: unknown hyperparameter 'lrr'; sgd takes lr, weight_decay",
        "locked: 'training.sed' is not a setting of the run configuration",
        "goal: at_least must be a number, got 'high'",
        "sheet.ru.md: not UTF-8 text: save it as UTF-8"]
    assert labs.check_lab(labs.SHIPPED_LABS / "04-xnor")[1] == []


@pytest.mark.parametrize("goal, problem", [
    ({"metric": "val_accuracy", "at_least": 95}, "goal: at_least of an accuracy is a fraction from 0 to 1 (0.95 for "
                                                 "95 %), got 95"),
    ({"metric": "test_accuracy", "at_most": -0.1}, "goal: at_most of an accuracy is a fraction from 0 to 1 (0.95 for "
                                                   "95 %), got -0.1")])
def test_an_accuracy_goal_written_as_a_percentage_is_a_problem_not_a_goal_no_student_reaches(tmp_path, goal, problem):
    """The sheets say "95 %"; a teacher who wrote 95 in lab.json got a lab that checked fine and that every result
    failed."""
    folder = mutate_xnor(tmp_path, lambda raw: raw.update(goal=goal))
    assert [labs.problem_text(found) for found in labs.check_lab(folder)[1]] == [problem]
    fine = mutate_xnor(tmp_path / "fine", lambda raw: raw.update(goal={"metric": "val_loss", "at_most": 95}))
    assert labs.check_lab(fine)[1] == [], "a loss has no such bound"


def test_a_goal_on_validation_data_a_variant_holds_none_of_is_a_problem_but_not_on_a_truth_table(tmp_path):
    """A variant with validation split 0 under a val_accuracy goal: lab check passed a goal no result could reach (so
    too a test split of 0 under a test goal). XNOR's truth table is scored on its four points whatever the split: its
    goal stays reachable."""
    def without_validation(raw):
        second = json.loads(json.dumps(raw["variants"][0]))
        raw["variants"][0]["config"]["data"]["validation_split"] = 0
        second["name"] = "no_validation"
        second["config"]["data"].setdefault("options", {})["validation_split"] = 0
        raw["variants"].append(second)

    folder = copied_lab(tmp_path, "01-perceptron", without_validation)
    names = [lab("01-perceptron").variants[0].name, "no_validation"]
    assert [labs.problem_text(found) for found in labs.check_lab(folder)[1]] == [
        f"variant {name!r}, goal: val_accuracy is scored on validation data, and its validation split of 0 holds none "
        "out: no result can reach the goal; give the variant a validation split, or set the goal on train_ or test_"
        for name in names]
    xnor = mutate_xnor(tmp_path, lambda raw: [variant["config"]["data"].update(validation_split=0)
                                              for variant in raw["variants"]])
    assert labs.check_lab(xnor)[1] == []
    on_training = copied_lab(tmp_path / "train", "01-perceptron", lambda raw: (
        without_validation(raw), raw.update(goal={"metric": "train_accuracy", "at_least": 0.9})))
    assert labs.check_lab(on_training)[1] == []
    as_text = copied_lab(tmp_path / "text", "01-perceptron", lambda raw: raw["variants"][0]["config"]["data"].update(
        options={"validation_split": "0"}))
    assert labs.check_lab(as_text)[1] == [], "a value the loader refuses is said when the lab opens, not a crash here"
    without_test = copied_lab(tmp_path / "test", "01-perceptron", lambda raw: (
        raw["variants"][0]["config"]["data"].setdefault("options", {}).update(test_split=0),
        raw.update(goal={"metric": "test_accuracy", "at_least": 0.9})))
    assert [labs.problem_text(found) for found in labs.check_lab(without_test)[1]] == [
        f"variant {names[0]!r}, goal: test_accuracy is scored on test data, and its test split of 0 holds none out: no "
        "result can reach the goal; give the variant a test split, or set the goal on train_ or val_"]


def test_a_title_with_no_russian_text_is_warned_of_only_where_the_lab_is_written_in_russian_elsewhere(tmp_path):
    def only_variant_titles_in_russian(raw):
        for text in (raw["title"], raw["summary"]):
            del text["ru"]

    english = copied_lab(tmp_path / "en", "04-xnor", lambda raw: [
        text.pop("ru") for text in (raw["title"], raw["summary"], *(variant["title"] for variant in raw["variants"]))])
    (english / "sheet.ru.md").unlink()
    assert labs.lab_warnings(labs.read_lab(english)) == [], "a lab in English only is not asked for Russian"
    folder = copied_lab(tmp_path / "ru", "04-xnor", only_variant_titles_in_russian)
    (folder / "sheet.ru.md").unlink()
    assert [labs.problem_text(warning) for warning in labs.lab_warnings(labs.read_lab(folder))] == [
        f"{name}: no Russian text, though the lab's variant titles are given in Russian: the Russian lesson and "
        f"results table show the English {text['en']!r}"
        for name, text in (("title", lab("04-xnor").title), ("summary", lab("04-xnor").summary))]


def test_a_variants_csv_file_named_without_a_folder_is_the_one_beside_its_lab_json(tmp_path, monkeypatch):
    """A teacher's lab on a CSV file kept beside lab.json ("path": "xor.csv", which lab pack copies with the lab)
    did not open: the file was looked for in the folder the app was started in."""
    def on_csv(raw):
        for variant in raw["variants"]:
            variant["config"]["data"] = {"dataset": "csv", "options": {"path": "xor.csv"}}

    rows = "".join(f"{a},{b},{a ^ b}\n" for a in (0, 1) for b in (0, 1)) * 10
    folders = []
    for where in ("teacher", "lab computer"):
        folder = mutate_xnor(tmp_path / where, on_csv)
        (folder / "xor.csv").write_text("x1,x2,y\n" + rows, encoding="utf-8")
        folders.append(folder)
    monkeypatch.chdir(tmp_path)
    read = [labs.read_lab(folder) for folder in folders]
    config = read[1].variant("trained").config
    assert config.data.options["path"] == str(folders[1] / "xor.csv")
    assert datasets.load("csv", **config.data.options).n_features == 2
    assert read[0].fingerprint == read[1].fingerprint, "the same lab wherever its pack is put"
    absolute = str(tmp_path / "elsewhere.csv")
    elsewhere = mutate_xnor(tmp_path / "absolute", lambda raw: [on_csv(raw), *(
        variant["config"]["data"]["options"].update(path=absolute) for variant in raw["variants"])])
    assert labs.read_lab(elsewhere).variants[0].config.data.options["path"] == absolute, "perhaps on the lab computers"
    (folders[0] / "xor.csv").unlink()  # forgotten when the lab was copied: lab check says so, not the students
    assert [labs.problem_text(problem) for problem in labs.check_lab(folders[0])[1]] == [
        f"variant '{name}', data set options: the CSV file 'xor.csv' is not beside lab.json: copy it into the lab's "
        "folder" for name in ("hand_set", "trained", "hand_set_weak")]


def test_a_lab_check_finds_what_stops_a_lab_from_being_listed_or_its_sheet_from_opening(tmp_path):
    folder = mutate_xnor(tmp_path, lambda raw: None)
    (folder / "sheet.en.md").unlink()
    assert [labs.problem_text(problem) for problem in labs.check_lab(folder)[1]] == [
        "sheet.en.md: the English task sheet is missing"]
    (folder / "lab.json").write_text('{"id": "04-xnor",\n "number": 4,}', encoding="utf-8")
    assert labs.problem_text(labs.check_lab(folder)[1][0]) == \
        "lab.json: not valid JSON, at line 2, column 14: a name in double quotes is expected here (is there a comma " \
        "after the last item, or a name in single quotes?)"
    renamed = mutate_xnor(tmp_path / "pack", lambda raw: raw.update(id="04 XNOR")).rename(tmp_path / "04 XNOR")
    assert [labs.problem_text(problem) for problem in labs.check_lab(renamed)[1]] == [
        "the folder's name '04 XNOR' is no lab's: two digits, a dash and lower-case words joined by dashes "
        "(such as 13-my-lab); MLP Workbench does not list it"]


def test_a_lab_json_saved_with_a_byte_order_mark_is_read(tmp_path):
    """Windows Notepad starts a UTF-8 file with one, which JSON does not allow."""
    folder = mutate_xnor(tmp_path, lambda raw: None)
    lab_json = folder / "lab.json"
    lab_json.write_bytes(b"\xef\xbb\xbf" + lab_json.read_bytes())
    assert labs.read_lab(folder).fingerprint == lab("04-xnor").fingerprint


def test_lab_check_finds_the_labs_of_a_lab_json_a_lab_folder_a_folder_of_labs_and_a_pack(tmp_path):
    pack = tmp_path / "pack"
    xnor = mutate_xnor(pack / "labs", lambda raw: None)
    (pack / "labs" / "12-gradient-check").mkdir()  # a lab's folder left without its lab.json
    shutil.copytree(xnor, pack / "labs" / "my lab")  # named as no lab, but holding one
    (pack / "labs" / "notes").mkdir()
    (pack / "mnist").mkdir()
    assert labs.labs_under(pack) == labs.labs_under(pack / "labs") == \
        [xnor, pack / "labs" / "12-gradient-check", pack / "labs" / "my lab"]
    assert labs.labs_under(xnor / "lab.json") == labs.labs_under(xnor) == [xnor]
    for path, words in ((tmp_path / "nothing", "does not exist"), (xnor / "sheet.en.md", "is not a lab"),
                        (pack / "mnist", "holds no lab")):
        with pytest.raises(ValueError, match=words):
            labs.labs_under(path)


def test_labs_of_a_lab_pack_come_before_the_shipped_ones(tmp_path, monkeypatch):
    mutate_xnor(tmp_path / "labs", lambda raw: raw["title"].update(en="XNOR, the teacher's version"))
    monkeypatch.setenv("MLP_WORKBENCH_DATA", str(tmp_path))
    assert labs.load("04-xnor").title["en"] == "XNOR, the teacher's version"
    assert len(labs.names()) == 12


def test_hand_set_weights_must_name_parameters_of_the_right_shape():
    network = labs.build(lab("04-xnor"), "trained").network
    with pytest.raises(ValueError, match="no parameter 'layer1.W'"):
        labs.apply_weights(network, {"layer1.W": np.zeros((2, 2))})
    with pytest.raises(ValueError, match=r"shape \(2, 3\)"):
        labs.apply_weights(network, {"layer0.W": np.zeros((2, 3))})


# ============================================================================= each lab's lecture claim
def test_lab_01_the_10_neuron_perceptron_reaches_94_percent_and_its_weights_picture_the_digits():
    experiment = labs.build(lab("01-perceptron"))
    assert [type(layer) for layer in experiment.network.layers] == [Dense]  # one layer, softmax in the loss
    train(experiment)
    metrics = labs.final_metrics(experiment)
    assert metrics["test_accuracy"] >= 0.94
    goal = lab("01-perceptron").goal
    assert goal.met(metrics)
    judged = labs.final_metrics(experiment, (goal.split,))  # what the window measures at a run's end
    assert judged == {key: value for key, value in metrics.items() if key.startswith(f"{goal.split}_")}
    assert goal.met(judged) == goal.met(metrics)
    images = inspect(experiment.network, experiment.dataset).unit_images
    assert images.shape == (10, 8, 8)
    # Each weight image is a template: it scores the mean image of its own digit above the others.
    data = experiment.dataset
    means = np.stack([data.X_train[data.y_train == digit].mean(axis=0) for digit in range(10)])
    scores = means @ images.reshape(10, 64).T + experiment.network.layers[0].b
    np.testing.assert_array_equal(scores.argmax(axis=1), np.arange(10))


def test_lab_02_smaller_batches_take_more_steps_and_go_further_in_one_epoch():
    losses = {}
    for variant in lab("02-gd-sgd-minibatch").variants:
        experiment = labs.build(lab("02-gd-sgd-minibatch"), variant.name)
        n_train, batch = len(experiment.dataset.X_train), variant.config.training.batch_size
        log = train(experiment, epochs=1)
        assert of(events.TrainingStarted, log)[0].steps_per_epoch == math.ceil(n_train / batch)
        assert of(events.BatchFinished, log)[-1].samples_seen == n_train
        losses[variant.name] = of(events.EpochFinished, log)[0].val_loss
    assert lab("02-gd-sgd-minibatch").variant("full_batch").config.training.batch_size == n_train  # batch N
    assert losses["stochastic"] < losses["mini_batch"] < losses["full_batch"]


def test_lab_03_the_activation_table_and_derivatives_are_the_lectures():
    z = np.array([-2.0, -0.5, -0.25, 0.0, 0.25, 0.5, 2.0])
    sigmoid = 1 / (1 + np.exp(-z))
    table = {"step": (np.where(z > 0, 1.0, np.where(z < 0, 0.0, 0.5)), None),
             "sign": (np.sign(z), None),
             "identity": (z, np.ones_like(z)),
             "piecewise_linear": (np.clip(z + 0.5, 0, 1), np.where(np.abs(z) < 0.5, 1.0, 0.0)),
             "sigmoid": (sigmoid, sigmoid * (1 - sigmoid)),
             "tanh": (np.tanh(z), 1 - np.tanh(z) ** 2),
             "relu": (np.maximum(z, 0), (z > 0).astype(float)),
             "softplus": (np.log1p(np.exp(z)), sigmoid)}
    shown = next(view for view in lab("03-activations").views if view.name == "activation_functions")
    assert set(table) <= set(shown.options["functions"])
    for name, (values, derivative) in table.items():
        function = activations.create(name)
        a = function.forward(z)
        np.testing.assert_allclose(a, values, atol=1e-12, err_msg=name)
        if derivative is not None:
            np.testing.assert_allclose(function.derivative(z, a), derivative, atol=1e-12, err_msg=name)


def test_lab_03_gradients_vanish_layer_by_layer_in_the_deep_sigmoid_network_but_not_with_relu():
    ratios = {}
    for variant in ("deep_sigmoid", "deep_relu"):
        log = train(labs.build(lab("03-activations"), variant), epochs=1, track_gradient_norms=True)
        norms = mean_gradient_norms(log)
        assert len(norms) == 7
        ratios[variant] = norms[-1] / norms[0]
        if variant == "deep_sigmoid":
            assert np.all(np.diff(norms) > 0)  # smaller at every layer further from the output
    assert ratios["deep_sigmoid"] > 300  # orders of magnitude (σ' ≤ 1/4 per layer)
    assert ratios["deep_relu"] < 10


def test_lab_04_the_lectures_hand_set_weights_give_the_xnor_truth_table():
    experiment = labs.build(lab("04-xnor"), "hand_set")
    X = experiment.dataset.X_train
    assert sorted(map(tuple, X.tolist())) == [(0, 0), (0, 1), (1, 0), (1, 1)]
    x1, x2 = X[:, 0].astype(np.float64), X[:, 1].astype(np.float64)

    def sigma(t):
        return 1 / (1 + np.exp(-t))

    both = sigma(-30 + 20 * x1 + 20 * x2)  # x₁ AND x₂
    neither = sigma(10 - 20 * x1 - 20 * x2)  # (NOT x₁) AND (NOT x₂)
    xnor = sigma(-10 + 20 * both + 20 * neither)  # OR of the two
    probabilities = experiment.network.predict_proba(X)[:, 1]
    np.testing.assert_allclose(probabilities, xnor, rtol=1e-5)
    np.testing.assert_array_equal(experiment.network.predict(X), (x1 == x2).astype(int))
    assert np.all(np.abs(probabilities - (x1 == x2)) < 1e-4)


def test_lab_04_the_lectures_weights_divided_by_ten_no_longer_give_the_truth_table():
    """Question 2: 20 and 30 replaced by 2 and 3 — the same signs, too flat a sigmoid to decide."""
    weak, strong = (labs.build(lab("04-xnor"), name) for name in ("hand_set_weak", "hand_set"))
    np.testing.assert_allclose(weak.network.flat_parameters, strong.network.flat_parameters / 10, rtol=1e-6)
    X = weak.dataset.X_train
    probabilities = weak.network.predict_proba(X)[:, 1]
    assert np.all(np.abs(probabilities - 0.5) < 0.15), "every answer close to a coin toss"
    assert (weak.network.predict(X) != (X[:, 0] == X[:, 1])).any(), "the truth table is no longer right"


def test_lab_04_the_same_network_learns_xnor_from_random_weights():
    experiment = labs.build(lab("04-xnor"), "trained")
    train(experiment)
    X = experiment.dataset.X_train
    np.testing.assert_array_equal(experiment.network.predict(X), (X[:, 0] == X[:, 1]).astype(int))
    assert lab("04-xnor").goal.met(labs.final_metrics(experiment))


def test_lab_05_unscaled_wine_needs_far_more_steps_than_standardised_to_reach_the_same_loss():
    target = 0.3
    scaled = train(labs.build(lab("05-feature-scaling"), "standardised"))
    unscaled_experiment = labs.build(lab("05-feature-scaling"), "unscaled")
    unscaled = train(unscaled_experiment)
    X = unscaled_experiment.dataset.X_train
    assert X[:, 1].std() > 100 * X[:, 0].std()  # proline in the hundreds, alcohol around 13
    budget = len(of(events.BatchFinished, unscaled))
    steps_scaled, steps_unscaled = steps_to_reach(scaled, target), steps_to_reach(unscaled, target)
    assert steps_scaled is not None and steps_scaled * 10 <= (steps_unscaled or budget + 1)


def test_lab_06_the_784_input_sigmoid_network_learns_mnist_on_a_subset():
    variant = lab("06-mnist-mlp").variant()
    hidden = variant.config.network.hidden
    assert [(layer.activation, layer.units) for layer in hidden] == [("sigmoid", 128), ("sigmoid", 64)]
    assert variant.config.loss.name == "softmax_cross_entropy"
    config = with_changes("06-mnist-mlp", "lecture", training__epochs=3)
    config.data.options = {"max_train": 3000}
    try:
        experiment = Experiment(config)
    except datasets.DatasetUnavailableError:
        pytest.skip("MNIST is not on this computer")
    assert experiment.network.n_inputs == 784
    train(experiment)
    assert labs.final_metrics(experiment)["test_accuracy"] >= 0.8


def hidden_unit_spread(network):
    """The largest difference between any hidden unit's incoming weights and the first unit's."""
    W = network.layers[0].W
    return float(np.abs(W - W[:, :1]).max())


def test_lab_07_zero_initialisation_keeps_every_hidden_unit_identical_while_xavier_does_not():
    zeros = labs.build(lab("07-initialisation"), "zeros")
    train(zeros)
    assert np.abs(zeros.network.layers[0].W).max() > 0.1  # the weights did move…
    assert hidden_unit_spread(zeros.network) < 1e-9  # …but all 16 units moved alike
    random = labs.build(lab("07-initialisation"), "random")
    train(random, epochs=2)
    assert hidden_unit_spread(random.network) > 0.1


def test_lab_07_xavier_and_he_keep_deep_activations_alive_where_small_weights_let_them_vanish():
    spread = {}
    for variant in ("deep_small_normal", "deep_xavier_tanh", "deep_xavier_relu", "deep_he_relu"):
        experiment = labs.build(lab("07-initialisation"), variant)
        stds = [layer.std for layer in inspect(experiment.network, experiment.dataset).activations]
        assert len(stds) == 8
        spread[variant] = stds[-1] / stds[0]
    assert spread["deep_small_normal"] < 1e-6
    assert spread["deep_xavier_tanh"] > 0.4 and spread["deep_he_relu"] > 0.4
    assert spread["deep_xavier_relu"] < spread["deep_he_relu"] / 3  # ReLU halves the variance Xavier keeps


def generalisation_gap(lab_id, variant):
    experiment = labs.build(lab(lab_id), variant)
    log = train(experiment)
    metrics = labs.final_metrics(experiment)
    return metrics["val_loss"] - metrics["train_loss"], log, metrics


def test_lab_08_l2_and_dropout_narrow_the_gap_between_training_and_validation_loss():
    gap_none, _, metrics = generalisation_gap("08-overfitting", "no_regularisation")
    assert metrics["train_loss"] < 0.1 and gap_none > 0.5  # 40 noisy examples learnt by heart
    gap_l2, _, _ = generalisation_gap("08-overfitting", "l2")
    gap_dropout, _, _ = generalisation_gap("08-overfitting", "dropout")
    assert gap_l2 < gap_none / 2
    assert gap_dropout < gap_none / 2


def test_lab_08_early_stopping_ends_with_the_best_validation_weights():
    _, log, metrics = generalisation_gap("08-overfitting", "early_stopping")
    finished = of(events.TrainingFinished, log)[0]
    assert finished.reason == events.EARLY_STOPPED and finished.epoch < 300
    best = min(event.val_loss for event in of(events.EpochFinished, log))
    assert metrics["val_loss"] == pytest.approx(best, rel=1e-5)


def test_lab_09_batch_norm_narrows_the_gap_between_first_and_last_layer_gradients():
    ratio = {}
    for variant in ("plain", "batch_norm"):
        log = train(labs.build(lab("09-batch-norm"), variant), epochs=1, track_gradient_norms=True)
        norms = mean_gradient_norms(log)
        ratio[variant] = norms[-1] / norms[0]
    assert ratio["plain"] > 300
    assert ratio["batch_norm"] < ratio["plain"] / 100


def test_lab_09_batch_norm_uses_frozen_statistics_at_inference():
    experiment = labs.build(lab("09-batch-norm"), "batch_norm")
    train(experiment, epochs=1)
    network, X = experiment.network, experiment.dataset.X_val[:50]
    assert np.abs(network.state()["layer1.running_mean"]).max() > 0.01  # learnt during training
    alone = network.predict_output(X[:1])
    np.testing.assert_allclose(alone[0], network.predict_output(X)[0], rtol=1e-5, atol=1e-6)
    # In training mode the batch's own statistics are used, so an example's output depends on its batch.
    assert not np.allclose(network.forward(X[:10], training=True)[0], network.forward(X, training=True)[0])


def test_lab_10_each_learning_rate_follows_its_schedule_formula():
    checked = set()
    for variant in lab("10-lr-schedules").variants:
        schedule, lr0 = variant.config.schedule, variant.config.optimizer.lr
        epochs = 20 if schedule.name == "reduce_on_plateau" else 4
        log = train(labs.build(lab("10-lr-schedules"), variant.name), epochs=epochs)
        batches = of(events.BatchFinished, log)
        used = np.array([event.lr for event in batches])
        t = np.array([event.step - 1 if schedule.unit == "step" else event.epoch for event in batches])
        hp = schedule.options
        if schedule.name == "constant":
            expected = np.full(t.shape, lr0)
        elif schedule.name == "linear":  # η₀(1 − t/T)
            expected = lr0 * (1 - t / hp["T"])
        elif schedule.name == "exponential":  # η₀·e^(−t/T)
            expected = lr0 * np.exp(-t / hp["T"])
        elif schedule.name == "cyclic":  # a triangle from η₀ up to max_lr and back, 2·step_size long
            phase = (t % (2 * hp["step_size"])) / hp["step_size"]
            expected = lr0 + (hp["max_lr"] - lr0) * (1 - np.abs(phase - 1))
        else:  # reduce on plateau: ×factor after more than `patience` epochs without a new best
            val_losses = [event.val_loss for event in of(events.EpochFinished, log)]
            rate, best, waiting, per_epoch = lr0, math.inf, 0, [lr0]
            for loss in val_losses:
                if loss < best * (1 - 1e-4):
                    best, waiting = loss, 0
                else:
                    waiting += 1
                    if waiting > hp["patience"]:
                        rate, waiting = rate * hp["factor"], 0
                per_epoch.append(rate)
            expected = np.array(per_epoch)[t]
            assert expected[-1] < lr0  # the plateau was reached within the run
        np.testing.assert_allclose(used, expected, rtol=1e-9, err_msg=variant.name)
        checked.add((schedule.name, schedule.unit))
    assert {("linear", "step"), ("linear", "epoch"), ("exponential", "step"), ("exponential", "epoch"),
            ("cyclic", "step"), ("reduce_on_plateau", "epoch")} <= checked


def test_lab_11_momentum_reaches_the_target_loss_before_plain_sgd_from_the_same_start():
    config, contenders = labs.race_contenders(lab("11-optimizers"), ["sgd", "momentum", "nesterov"])
    config.training.epochs = 5
    race = Race(config, contenders)
    np.testing.assert_array_equal(race.networks[0].flat_parameters, race.networks[1].flat_parameters)
    for _ in race.run():
        pass
    summary = {entry.label: entry for entry in race.summary(target_loss=0.4)}
    sgd_steps = summary["SGD"].steps_to_target or math.inf
    assert summary["momentum γ = 0.9"].steps_to_target < sgd_steps
    assert summary["Nesterov γ = 0.9"].steps_to_target < sgd_steps


def test_lab_11_race_labels_are_its_contenders_labels_in_every_language():
    chosen = ["sgd", "momentum"]
    labels = labs.race_labels(lab("11-optimizers"), chosen)
    for language in ("en", "ru"):
        _, contenders = labs.race_contenders(lab("11-optimizers"), chosen, language)
        assert [texts[language] for texts in labels] == [contender.label for contender in contenders]
    assert labels[1]["ru"] == "метод моментов γ = 0,9"


def test_a_lab_runs_and_races_the_variants_chosen_in_their_order_each_once():
    optimizers = lab("11-optimizers")
    assert [variant.name for variant in optimizers.chosen_variants()] == [v.name for v in optimizers.variants]
    assert [variant.name for variant in optimizers.chosen_variants(["momentum", "sgd"])] == ["momentum", "sgd"]
    for choose in (labs.run_variants, labs.race_contenders, labs.race_labels):
        with pytest.raises(ValueError, match="'sgd' is chosen twice"):
            choose(optimizers, ["sgd", "momentum", "sgd"])
        with pytest.raises(ValueError, match="choose at least one variant"):
            choose(optimizers, [])
        with pytest.raises(ValueError, match="no variant 'adamax'"):
            choose(optimizers, ["sgd", "adamax"])


def test_lab_11_race_contenders_refuses_variants_that_differ_beyond_the_optimiser():
    with pytest.raises(ValueError, match="training"):
        labs.race_contenders(lab("02-gd-sgd-minibatch"))


def test_lab_12_every_tensor_of_the_small_network_passes_the_gradient_check():
    chosen = lab("12-gradient-check").variant()
    experiment = labs.build(lab("12-gradient-check"))
    network, data = experiment.network, experiment.dataset
    rows = gradient_check(network, data.X_train[:16], data.y_train[:16],
                          regularizer=build_regularizer(chosen.config))
    assert [row.name for row in rows] == network.parameter_names()
    assert all(row.passed for row in rows), [(row.name, row.relative_error) for row in rows]


def test_lab_12_the_lectures_sigmoid_neuron_backpropagates_to_its_local_gradients():
    # Lecture 002: f = σ(w0·x0 + w1·x1 + w2) with w = (2, −3, −3), x = (−1, −2): f ≈ 0.73, and the
    # gradient 0.2 at the sigmoid's input flows to w0 (·x0), w1 (·x1), x0 (·w0), x1 (·w1), w2 (·1).
    network = Network([Dense(2, 1), Activation("sigmoid")], dtype=np.float64, loss="mse")
    labs.apply_weights(network, {"layer0.W": [[2.0], [-3.0]], "layer0.b": [-3.0]})
    dense, sigmoid = network.layers
    dense.needs_input_gradient = True
    x = np.array([[-1.0, -2.0]])
    f = network.forward(x, training=True)
    local = float(f[0, 0] * (1 - f[0, 0]))  # σ' = σ(1 − σ)
    dx = dense.backward(sigmoid.backward(np.ones((1, 1))))
    assert f[0, 0] == pytest.approx(0.7311, abs=1e-4) and local == pytest.approx(0.1966, abs=1e-4)
    np.testing.assert_allclose(dense.grads[0].ravel(), [-1 * local, -2 * local])
    np.testing.assert_allclose(dense.grads[1], [local])
    np.testing.assert_allclose(dx.ravel(), [2 * local, -3 * local])


# ============================================================================= teacher mode
def student_run(student, seed=0):
    """A short run of lab 1 as a student would do it: (config, recorded curves, final metrics)."""
    config = with_changes("01-perceptron", "perceptron", training__epochs=3, training__seed=seed)
    experiment = Experiment(config)
    recorder = RunRecorder(config, experiment.network, config.data.dataset)
    for event in experiment.make_trainer().run():
        recorder.record(event)
    return config, recorder.history, labs.final_metrics(experiment)


def test_a_students_result_exports_as_one_file_and_the_teacher_tabulates_a_folder(tmp_path):
    perceptron = lab("01-perceptron")
    config, history, metrics = student_run("Anna")
    path = labs.export_result(tmp_path, perceptron, "perceptron", config, history, metrics, student="Anna Ivanova",
                              weights_set_by_hand=3)
    assert path.parent == tmp_path and path.suffix == ".json"
    tampered, tampered_history, tampered_metrics = student_run("Boris", seed=3)
    labs.export_result(tmp_path / "boris.json", perceptron, "perceptron", tampered, tampered_history,
                       {**tampered_metrics, "val_accuracy": 0.5}, student="Борис")
    (tmp_path / "notes.json").write_text("[1, 2]", encoding="utf-8")
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")

    result = labs.read_result(path)
    assert result.config.to_dict() == config.to_dict()
    assert result.curves["epochs"] == history["epochs"] and len(result.curves["batches"]) == 3 * 41
    assert result.metrics == pytest.approx(metrics) and result.goal_met is (metrics["val_accuracy"] >= 0.94)
    assert result.weights_set_by_hand == 3

    table = labs.collect_results(tmp_path)
    assert [row[0] for row in table.rows] == ["Anna Ivanova", "Борис"]
    column = {name: index for index, name in enumerate(table.header)}
    boris = table.rows[1]
    assert boris[column["goal met"]] is False and boris[column["val_accuracy"]] == 0.5
    assert boris[column["locked fields changed"]] == "training.seed"
    assert table.rows[0][column["locked fields changed"]] == ""
    assert table.rows[0][column["test_accuracy"]] == pytest.approx(metrics["test_accuracy"])
    assert [row[column["weights set by hand"]] for row in table.rows] == [3, 0]
    assert sorted(name for name, _ in table.problems) == ["broken.json", "notes.json"]


def test_weights_set_by_hand_are_counted_in_a_result_none_in_an_older_file_and_a_bad_count_is_refused(tmp_path):
    perceptron = lab("01-perceptron")
    config, history, metrics = student_run("Anna")
    with pytest.raises(ValueError, match="weights set by hand"):
        labs.export_result(tmp_path, perceptron, "perceptron", config, history, metrics, weights_set_by_hand=-1)
    path = labs.export_result(tmp_path / "anna.json", perceptron, "perceptron", config, history, metrics)
    record = json.loads(path.read_text(encoding="utf-8"))
    assert record["weights_set_by_hand"] == 0
    del record["weights_set_by_hand"]  # as written before they were counted
    path.write_text(json.dumps(record), encoding="utf-8")
    assert labs.read_result(path).weights_set_by_hand is None
    table = labs.collect_results(tmp_path)
    assert table.rows[0][table.header.index("weights set by hand")] is None
    for bad in (-2, 1.5, True, "3"):
        path.write_text(json.dumps({**record, "weights_set_by_hand": bad}), encoding="utf-8")
        with pytest.raises(labs.UnreadableResult, match="weights_set_by_hand") as refusal:
            labs.read_result(path)
        assert refusal.value.kind == "incomplete"


def test_a_goal_reached_with_locked_settings_changed_is_not_met_and_upper_case_files_are_read(tmp_path):
    """An XNOR run exported under lab 1 counted as lab 1's goal reached; Anna.JSON was not in the table."""
    perceptron = lab("01-perceptron")
    config, history, metrics = student_run("Anna")
    config.training.seed += 1  # locked by the lab
    path = labs.export_result(tmp_path / "Anna.JSON", perceptron, "perceptron", config, history,
                              {**metrics, "val_accuracy": 0.99}, student="Anna")
    result = labs.read_result(path)
    assert result.goal_met is False and result.locked_changed == ("training.seed",)
    assert [row[0] for row in labs.collect_results(tmp_path).rows] == ["Anna"]


def test_results_handed_in_a_folder_per_student_or_per_group_are_all_collected(tmp_path):
    """A course site hands the submissions over in a folder per student: the table read none of them and said
    "0 results"."""
    perceptron = lab("01-perceptron")
    config, history, metrics = student_run("Anna")
    for where, student in (("anna.json", "Anna"), ("group-2/Boris_123_assignsubmission_file/result.json", "Boris"),
                           ("group-2/Vera_456_assignsubmission_file/result.json", "Vera"),
                           ("a/b/c/too-deep.json", "Deep")):
        (tmp_path / where).parent.mkdir(parents=True, exist_ok=True)
        labs.export_result(tmp_path / where, perceptron, "perceptron", config, history, metrics, student=student)
    (tmp_path / "group-2" / "notes.json").write_text("{", encoding="utf-8")
    table = labs.collect_results(tmp_path)
    column = table.header.index("file")
    assert {row[0]: row[column] for row in table.rows} == {
        "Anna": "anna.json", "Boris": "group-2/Boris_123_assignsubmission_file/result.json",
        "Vera": "group-2/Vera_456_assignsubmission_file/result.json"}, "two files of one name told apart"
    assert [name for name, _ in table.problems] == ["group-2/notes.json"]


def test_a_student_who_exports_again_is_judged_by_the_newest_file(tmp_path, monkeypatch):
    perceptron = lab("01-perceptron")
    config, history, metrics = student_run("Anna")
    stamps = iter([f"2026-11-30T1{hour}:00:00" for hour in range(5)])
    monkeypatch.setattr(labs.time, "strftime", lambda pattern, *args: next(stamps) if "%H:%M:%S" in pattern
                        else "20261130")
    for name, student, accuracy in (("early", "anna  ivanova", 0.5), ("late", "Ivanova Anna", 0.99),
                                    ("boris", "Boris", 0.6), ("pyotr", "Пётр Алексеев", 0.7),
                                    ("petr", "Алексеев Петр", 0.8)):
        labs.export_result(tmp_path / f"{name}.json", perceptron, "perceptron", config, history,
                           {**metrics, "val_accuracy": accuracy}, student=student)
    table = labs.collect_results(tmp_path)
    column = {name: index for index, name in enumerate(table.header)}
    newest = {row[column["file"]]: row[column["latest"]] for row in table.rows}
    assert newest == {"early.json": False, "late.json": True, "boris.json": True, "pyotr.json": False,
                      "petr.json": True}
    assert table.latest == tuple(row[column["latest"]] for row in table.rows)


def test_students_of_one_name_in_two_groups_are_two_students_told_apart_by_their_folder(tmp_path, monkeypatch):
    """Two groups each with an Ivanov: the older file was greyed out as replaced by the other Ivanov's."""
    perceptron = lab("01-perceptron")
    config, history, metrics = student_run("Anna")
    stamps = iter([f"2026-11-30T1{hour}:00:00" for hour in range(5)])
    monkeypatch.setattr(labs.time, "strftime", lambda pattern, *args: next(stamps) if "%H:%M:%S" in pattern
                        else "20261130")
    for where, student in (("group-1/ivanov.json", "Ivanov"), ("group-2/ivanov.json", "Ivanov"),
                           ("group-2/ivanov-again.json", "ivanov"), ("boris.json", "Boris")):
        (tmp_path / where).parent.mkdir(parents=True, exist_ok=True)
        labs.export_result(tmp_path / where, perceptron, "perceptron", config, history, metrics, student=student)
    table = labs.collect_results(tmp_path)
    column = {name: index for index, name in enumerate(table.header)}
    assert table.header[:3] == ("student", "folder", "lab"), "the folder beside the name it tells apart"
    rows = {row[column["file"]]: (row[column["folder"]], row[column["latest"]]) for row in table.rows}
    assert rows == {"group-1/ivanov.json": ("group-1", True), "group-2/ivanov.json": ("group-2", False),
                    "group-2/ivanov-again.json": ("group-2", True), "boris.json": ("", True)}
    assert "folder" not in labs.collect_results(tmp_path / "group-2").header, "no sub-folders, no folder column"


def test_the_teachers_table_judges_each_goal_by_the_installed_lab_not_by_the_file(tmp_path):
    """A result file is text: edited by hand, one claimed the goal met at 50 % accuracy, another a goal of 10 %."""
    perceptron = lab("01-perceptron")
    config, history, metrics = student_run("Anna")
    for student, accuracy in (("Anna", 0.5), ("Boris", 0.96)):
        labs.export_result(tmp_path / f"{student}.json", perceptron, "perceptron", config, history,
                           {**metrics, "val_accuracy": accuracy}, student=student)
    anna = json.loads((tmp_path / "Anna.json").read_text(encoding="utf-8"))
    anna["goal_met"] = True
    (tmp_path / "Anna.json").write_text(json.dumps(anna), encoding="utf-8")
    boris = json.loads((tmp_path / "Boris.json").read_text(encoding="utf-8"))
    boris["goal"]["at_least"] = 0.99  # a goal made harder by hand still is the lab's 94 %
    del boris["lab_fingerprint"]  # a file written before lab versions were recorded: only its goal tells one
    (tmp_path / "Boris.json").write_text(json.dumps(boris), encoding="utf-8")
    for name, change in (("nameless", {"student": None}), ("spelled", {"locked_changed": "data"}),
                         ("claimed", {"goal_met": "yes"})):
        (tmp_path / f"{name}.json").write_text(json.dumps({**anna, **change}), encoding="utf-8")
    table = labs.collect_results(tmp_path)
    met = {result.student: result.goal_met for result in table.results}
    assert met == {"Anna": False, "Boris": True}
    assert table.corrected == ("Anna.json",)
    assert table.other_lab_version == ("Boris.json",), "a recorded goal not the lab's is not taken for an edit"
    assert {result.goal.at_least for result in table.results} == {0.94}
    assert sorted(name for name, problem in table.problems if problem.kind == "incomplete") == \
        ["claimed.json", "nameless.json", "spelled.json"]


def test_results_made_with_a_lab_pack_s_other_goal_are_told_apart_from_edited_ones(tmp_path, monkeypatch):
    """A teacher collecting without the lab pack the students used saw their files taken for edited ones."""
    pack = tmp_path / "pack"
    shutil.copytree(lab("01-perceptron").folder, pack / "labs" / "01-perceptron")
    lab_json = pack / "labs" / "01-perceptron" / "lab.json"
    lab_json.write_text(lab_json.read_text(encoding="utf-8").replace('"at_least": 0.94', '"at_least": 0.9'),
                        encoding="utf-8")
    monkeypatch.setenv("MLP_WORKBENCH_DATA", str(pack))
    packed = labs.load("01-perceptron")
    assert packed.goal.at_least == 0.9
    config, history, metrics = student_run("Anna")
    results = tmp_path / "results"
    labs.export_result(results / "anna.json", packed, "perceptron", config, history,
                       {**metrics, "val_accuracy": 0.92}, student="Anna")
    assert labs.collect_results(results).other_lab_version == (), "collected with the pack: the same goal"
    monkeypatch.delenv("MLP_WORKBENCH_DATA")
    table = labs.collect_results(results)
    assert table.other_lab_version == ("anna.json",) and table.corrected == ()
    assert table.results[0].goal.at_least == 0.94 and table.results[0].goal_met is False, "judged as installed"
    assert table.unjudged == ("",)


def test_a_result_of_a_lab_or_variant_not_installed_here_keeps_its_file_s_verdict_marked_unjudged(tmp_path):
    perceptron = lab("01-perceptron")
    config, history, metrics = student_run("Anna")
    for name in ("shipped", "foreign", "new_variant"):
        labs.export_result(tmp_path / f"{name}.json", perceptron, "perceptron", config, history,
                           {**metrics, "val_accuracy": 0.5}, student=name)
    for name, change in (("foreign", {"lab": "13-my-lab"}), ("new_variant", {"variant": "deep"})):
        record = json.loads((tmp_path / f"{name}.json").read_text(encoding="utf-8"))
        (tmp_path / f"{name}.json").write_text(json.dumps({**record, **change, "goal_met": True}), encoding="utf-8")
    table = labs.collect_results(tmp_path)
    unjudged = {result.student: why for result, why in zip(table.results, table.unjudged)}
    assert unjudged == {"shipped": "", "foreign": labs.LAB_NOT_INSTALLED, "new_variant": labs.VARIANT_NOT_INSTALLED}
    met = {result.student: result.goal_met for result in table.results}
    assert met == {"shipped": False, "foreign": True, "new_variant": True}, "nothing here to judge them by"
    assert table.corrected == () and table.other_lab_version == ()


def test_the_goal_s_metric_and_the_goal_come_right_after_the_verdict(tmp_path):
    """The validation accuracy a goal is set on was past the table's right edge, after every other column."""
    config, history, metrics = student_run("Anna")
    labs.export_result(tmp_path, lab("01-perceptron"), "perceptron", config, history, metrics, student="Anna")
    table = labs.collect_results(tmp_path)
    assert table.header[:6] == ("student", "lab", "variant", "goal met", "val_accuracy", "goal")
    assert table.rows[0][5] == lab("01-perceptron").goal
    assert {"train_loss", "val_loss", "test_accuracy"} <= set(table.header[6:])


def reversed_keys(value):
    """``value`` with every object's keys in the opposite order."""
    if isinstance(value, dict):
        return {key: reversed_keys(value[key]) for key in reversed(list(value))}
    return [reversed_keys(item) for item in value] if isinstance(value, list) else value


def test_a_labs_fingerprint_is_its_content_not_its_layout_wording_or_sheets(tmp_path):
    shipped = lab("04-xnor").fingerprint
    assert shipped.startswith("sha256:") and len(shipped) == len("sha256:") + 64
    assert labs.read_lab(mutate_xnor(tmp_path / "copy", lambda raw: None)).fingerprint == shipped

    def reworded(raw):
        raw["title"]["en"], raw["summary"]["ru"] = "XNOR, reworded", "Другими словами"
        raw["variants"][0]["title"]["en"], raw["variants"][0]["config"]["name"] = "By hand", "By hand"
        raw["views"].reverse()
        raw["lectures"].append("002")
        raw["locked"].reverse()
        raw["variants"].reverse()
        raw["goal"]["at_least"] = 1  # the same bound as 1.0
        raw["variants"][0]["config"]["training"]["epochs"] = float(raw["variants"][0]["config"]["training"]["epochs"])

    folder = mutate_xnor(tmp_path / "reworded", reworded)
    raw = json.loads((folder / "lab.json").read_text(encoding="utf-8"))
    (folder / "lab.json").write_text(json.dumps(reversed_keys(raw), indent=4, ensure_ascii=True) + "\n\n",
                                     encoding="utf-8")
    (folder / "sheet.en.md").write_text("# XNOR\n\nA sheet written again.\n", encoding="utf-8")
    assert labs.read_lab(folder).fingerprint == shipped


@pytest.mark.parametrize("change", [
    lambda raw: raw["variants"][1]["config"]["network"]["hidden"][0].update(units=3),  # a locked setting
    lambda raw: raw["variants"][1]["config"]["training"].update(seed=1),  # a setting left to the student
    lambda raw: raw["variants"][0]["weights"]["layer0.b"].__setitem__(0, -29),
    lambda raw: raw["variants"][2].update(name="weak"),
    lambda raw: raw["variants"].pop(),
    lambda raw: raw["goal"].update(at_least=0.75),
    lambda raw: raw["goal"].pop("variant"),
    lambda raw: raw["locked"].append("training.seed"),
    lambda raw: raw["locked"].remove("loss.name"),
    lambda raw: raw["hidden"].remove("regularization"),
])
def test_a_labs_fingerprint_changes_with_its_settings_weights_variants_goal_or_locks(tmp_path, change):
    assert labs.read_lab(mutate_xnor(tmp_path, change)).fingerprint != lab("04-xnor").fingerprint


def test_a_result_records_the_labs_version_and_a_file_without_one_is_still_read(tmp_path):
    perceptron = lab("01-perceptron")
    config, history, metrics = student_run("Anna")
    path = labs.export_result(tmp_path / "anna.json", perceptron, "perceptron", config, history, metrics, "Anna")
    record = json.loads(path.read_text(encoding="utf-8"))
    assert record["lab_fingerprint"] == perceptron.fingerprint == labs.read_result(path).lab_fingerprint
    del record["lab_fingerprint"]  # as every result file written before lab versions were recorded
    path.write_text(json.dumps(record), encoding="utf-8")
    old = labs.read_result(path)
    assert old.lab_fingerprint is None and old.student == "Anna" and old.goal == perceptron.goal
    record["lab_fingerprint"] = 7
    path.write_text(json.dumps(record), encoding="utf-8")
    with pytest.raises(labs.UnreadableResult, match="malformed 'lab_fingerprint'"):
        labs.read_result(path)


def test_the_teachers_table_tells_lab_versions_apart_by_fingerprint_and_old_files_by_their_goal(tmp_path):
    perceptron = lab("01-perceptron")
    config, history, metrics = student_run("Anna")
    for student in ("same", "edited", "other", "old", "old_other_goal", "old_edited", "foreign"):
        labs.export_result(tmp_path / f"{student}.json", perceptron, "perceptron", config, history,
                           {**metrics, "val_accuracy": 0.95}, student=student)

    def change(student, **fields):
        record = json.loads((tmp_path / f"{student}.json").read_text(encoding="utf-8"))
        record.update(fields)
        for key in [key for key, value in fields.items() if value is None and key == "lab_fingerprint"]:
            del record[key]
        (tmp_path / f"{student}.json").write_text(json.dumps(record), encoding="utf-8")

    harder = {"metric": "val_accuracy", "at_least": 0.96}
    change("edited", goal=harder, goal_met=False)  # this version's file, its goal edited by hand
    change("other", lab_fingerprint="sha256:" + "0" * 64, goal=harder, goal_met=False)  # a lab pack's, say
    change("old", lab_fingerprint=None)
    change("old_other_goal", lab_fingerprint=None, goal=harder, goal_met=False)
    change("old_edited", lab_fingerprint=None, goal_met=False)
    change("foreign", lab="13-my-lab")
    table = labs.collect_results(tmp_path)
    versions = {result.student: version for result, version in zip(table.results, table.lab_versions)}
    assert versions == {"same": labs.SAME_LAB_VERSION, "edited": labs.SAME_LAB_VERSION,
                        "other": labs.OTHER_LAB_VERSION, "old": labs.UNRECORDED_LAB_VERSION,
                        "old_other_goal": labs.OTHER_LAB_GOAL, "old_edited": labs.UNRECORDED_LAB_VERSION,
                        "foreign": ""}
    assert table.other_lab_version == ("old_other_goal.json", "other.json")
    assert table.corrected == ("edited.json", "old_edited.json")
    assert all(result.goal_met for result in table.results if result.lab == perceptron.id), "judged as installed"
    column = table.header.index("lab version")
    assert table.header[-2:] == ("lab version", "file")
    assert {row[0]: row[column] for row in table.rows}["old"] is None
    assert {row[0]: row[column] for row in table.rows}["same"] == perceptron.fingerprint


def test_epochs_trained_past_those_a_lab_locks_count_as_a_locked_change():
    schedules = lab("10-lr-schedules")
    config = schedules.variant("constant").config
    assert labs.locked_changes(schedules, "constant", config, epochs_trained=20) == []
    assert labs.locked_changes(schedules, "constant", config, epochs_trained=21) == ["training.epochs"]
    assert labs.locked_changes(lab("04-xnor"), "trained", lab("04-xnor").variant("trained").config,
                               epochs_trained=900) == [], "lab 4 leaves the epochs to the student"


def test_settings_outside_a_lab_are_those_it_locks_or_hides_set_otherwise_once_each():
    overfitting = lab("08-overfitting")
    config = overfitting.variant("l2").config.copy()
    assert labs.settings_outside(overfitting, "no_regularisation", config) == [], "regularisation is the student's"
    config.data.augmentation = {"noise": 0.1}
    config.data.dataset, config.data.options = "digits", {}  # another data set: its options are not the lab's
    assert labs.settings_outside(overfitting, "l2", config) == [
        "data.dataset", "data.options.n_samples", "data.options.noise", "data.options.seed", "data.options.features",
        "data.options.test_split", "data.augmentation"]
    perceptron = lab("01-perceptron")  # network.hidden is locked and hidden: named once
    assert labs.settings_outside(perceptron, "perceptron", run_config.RunConfig()) == ["network.hidden"]


def test_export_refuses_an_unknown_variant_and_curves_that_are_not_a_history(tmp_path):
    config, history, metrics = student_run("Anna")
    with pytest.raises(ValueError, match="no variant 'fast'"):
        labs.export_result(tmp_path, lab("01-perceptron"), "fast", config, history, metrics)
    with pytest.raises(ValueError, match="history"):
        labs.export_result(tmp_path, lab("01-perceptron"), "perceptron", config, {"epochs": []}, metrics)


def test_a_lab_pack_holds_the_labs_the_data_files_and_the_shipped_model(tmp_path):
    try:
        packed = labs.lab_pack(tmp_path / "pack")
    except datasets.DatasetUnavailableError:
        pytest.skip("MNIST is not on this computer")
    folders = packed.folders
    assert sorted(path.name for path in folders["labs"].iterdir()) == labs.names() and packed.kept_labs == ()
    assert (folders["labs"] / "04-xnor" / "sheet.ru.md").is_file()
    assert any(folders["models"].glob("*.npz"))
    assert len(list(folders["mnist"].glob("*-ubyte*"))) == 4
    edited = folders["labs"] / "04-xnor" / "lab.json"
    edited.write_text(edited.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    teachers = edited.read_text(encoding="utf-8")
    assert labs.lab_pack(tmp_path / "pack").kept_labs == tuple(labs.names())
    assert edited.read_text(encoding="utf-8") == teachers, "a lab edited in the pack is not put back as shipped"


def test_every_setting_of_a_run_configuration_has_a_name_for_teachers():
    """A lab may lock or hide any setting; the teacher's table and lab check name it, not its path."""
    def paths(section, prefix):
        for key, value in section.items():
            path = f"{prefix}.{key}" if prefix else key
            yield path
            if isinstance(value, dict) and key != "options":
                yield from paths(value, path)
            elif isinstance(value, list) and value and isinstance(value[0], dict):  # hidden layers
                yield from paths(value[0], path)

    unnamed = [path for path in paths(labs.run_config.RunConfig().to_dict(), "")
               if path != "schema_version" and path not in labs.SETTING_NAMES]
    assert unnamed == []
