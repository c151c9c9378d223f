"""Run configuration: JSON round trip, migration, and validation messages that name the field."""
import dataclasses
import json
import math

import pytest

from core import config as run_config
from core._checks import RuleError
from core.config import LayerConfig, RunConfig, validate

DATASETS = ["digits", "xor"]


def test_round_trip_through_json_is_lossless():
    config = RunConfig(name="трое слоёв")
    config.network.hidden = [LayerConfig(32, "tanh", init="xavier_uniform", dropout=0.2),
                             LayerConfig(16, "leaky_relu", {"alpha": 0.1}, batch_norm=True)]
    config.optimizer.name, config.optimizer.options = "rmsprop", {"lr": 0.01, "alpha": 0.9}
    config.schedule.name, config.schedule.unit = "step", "epoch"
    config.schedule.options = {"step_size": 3, "gamma": 0.5}
    config.training.patience = 4
    config.data.target_scaling = "unit"
    again = RunConfig.from_json(config.to_json())
    assert again == config
    assert isinstance(again.network.hidden[1], LayerConfig)
    assert json.loads(config.to_json())["schema_version"] == run_config.SCHEMA_VERSION


def test_defaults_are_valid():
    assert validate(RunConfig(), DATASETS) == []


@pytest.mark.parametrize("change, field, words", [
    (lambda c: setattr(c.training, "batch_size", 0), "training.batch_size", "≥ 1"),
    (lambda c: setattr(c.training, "epochs", 2.5), "training.epochs", "whole number"),
    (lambda c: setattr(c.training, "epochs", 10**30), "training.epochs", "≤ 1000000"),  # was "whole number"
    (lambda c: setattr(c.data, "dataset", "imagenet"), "data.dataset", "choose one of: digits, xor"),
    (lambda c: setattr(c.data, "validation_split", 0.95), "data.validation_split", "≤ 0.9"),
    (lambda c: setattr(c.network.hidden[0], "activation", "swish"), "network.hidden[0].activation", "relu"),
    (lambda c: setattr(c.network.hidden[0], "dropout", 1.0), "network.hidden[0].dropout", "< 1.0"),
    (lambda c: setattr(c.optimizer, "options", {"lr": -1}), "optimizer.name options", "lr"),
    (lambda c: setattr(c.optimizer, "options", {"lr": 0.1, "betas": (0.9, 0.999)}), "optimizer.name options", "betas"),
    (lambda c: setattr(c.regularization, "l2", -0.1), "regularization.l2", "≥ 0.0"),
    (lambda c: setattr(c.regularization, "apply_to_biases", "yes"), "regularization.apply_to_biases",
     "must be true or false"),  # passed validation; with l1 or l2 the run stopped at its start
    (lambda c: setattr(c.loss, "name", "cross_entropy"), "loss.name", "softmax_cross_entropy"),
    (lambda c: setattr(c.schedule, "unit", "batch"), "schedule.unit", "step or epoch"),
    (lambda c: setattr(c.data, "target_scaling", "log"), "data.target_scaling",
     "choose one of: default, standardize, unit, none"),
    (lambda c: setattr(c.data, "target_scaling", None), "data.target_scaling", "choose one of"),
    (lambda c: setattr(c.data, "augmentation", {"shfit": 2}), "data.augmentation", "shift, rotation"),
    (lambda c: setattr(c.data, "augmentation", {"rotation": 400}), "data.augmentation", "≤ 180"),
    (lambda c: (setattr(c.training, "batch_size", 1), setattr(c.network.hidden[0], "batch_norm", True)),
     "training.batch_size", "batch normalisation needs batches of at least 2 examples"),
])
def test_each_invalid_value_is_reported_with_field_value_and_allowed_range(change, field, words):
    config = RunConfig()
    if field.startswith("optimizer") and "betas" in words:
        config.optimizer.name = "sgd"
    change(config)
    errors = validate(config, DATASETS)
    assert len(errors) == 1, errors
    assert errors[0].field == field and words in errors[0].message


def test_a_number_out_of_its_rules_is_reported_with_the_rule_and_bound_a_window_can_word():
    config = RunConfig()
    config.training.epochs = 0
    config.optimizer.options = {"lr": -0.5}
    by_field = {error.field: error for error in validate(config, DATASETS)}
    epochs, lr = by_field["training.epochs"], by_field["optimizer.name options"]
    assert (epochs.message, epochs.rule, epochs.bound, epochs.subject) == ("must be ≥ 1", "≥", 1, "")
    assert (lr.rule, lr.bound, lr.subject, lr.got) == ("≥", 0.0, f"{config.optimizer.name} lr", -0.5)
    assert lr.message == f"{config.optimizer.name} lr must be ≥ 0.0, got -0.5"


@pytest.mark.parametrize("component, rule, bound, subject, got", [
    (lambda c: setattr(c, "optimizer", run_config.OptimizerConfig("adam", {"lr": 0.001, "betas": "x"})),
     "pair", "beta1, beta2", "adam betas", "x"),
    (lambda c: setattr(c, "optimizer", run_config.OptimizerConfig("adam", {"amsgrad": "yes"})),
     "true or false", None, "adam amsgrad", "yes"),
    (lambda c: setattr(c, "optimizer", run_config.OptimizerConfig("sgd", {"lrr": 0.1})),
     "hyperparameter names", "lr, weight_decay", "sgd", "lrr"),
    (lambda c: setattr(c.network.hidden[0], "activation_options", {"alpha": 0.1}),
     "no hyperparameters", "", "relu", "alpha"),
    (lambda c: setattr(c, "schedule", run_config.ScheduleConfig("step", {"step_size": 3, "gama": 0.5})),
     "hyperparameter names", "step_size, gamma", "step", "gama"),  # not lr0, which comes from the optimiser
])
def test_a_component_s_value_that_is_not_a_number_is_reported_with_the_rule_a_window_can_word(
        component, rule, bound, subject, got):
    """A flag given as text, Adam's betas not a pair and an unknown hyperparameter's name were only the engine's
    English: the Russian window showed them untranslated."""
    config = RunConfig()
    component(config)
    [error] = validate(config, DATASETS)
    assert error.field.endswith(" options")
    assert (error.rule, error.bound, error.subject, error.got) == (rule, bound, subject, got)
    assert error.message.startswith(subject + " ") and error.message.endswith(f", got {got!r}"), \
        "the engine's English words stay for those who read it in Python"


def test_a_configuration_s_flags_are_worded_and_shown_as_its_json_writes_them_and_python_s_stay_python_s(tmp_path):
    """A file's amsgrad of "yes" was refused as "must be True or False", beside the file's other flags shown as
    Python's True: a JSON file writes true and false."""
    from core import optimizers

    path = tmp_path / "run.json"
    path.write_text(json.dumps({"schema_version": run_config.SCHEMA_VERSION, "optimizer": {
        "name": "adam", "options": {"amsgrad": "yes", "bias_correction": True}}}), encoding="utf-8")
    with pytest.raises(run_config.InvalidConfigError) as refused:
        run_config.load(path)
    [error] = refused.value.errors
    assert str(error) == ('optimizer.name options = {"amsgrad": "yes", "bias_correction": true}: '
                          "adam amsgrad must be true or false, got 'yes'")
    assert "True" not in str(refused.value)
    with pytest.raises(ValueError, match="adam amsgrad must be True or False, got 'yes'"):
        optimizers.create("adam", amsgrad="yes")  # Python's own words where Python passes the flag


@pytest.mark.parametrize("name", ["adagrad", "rmsprop", "adam", "adamw"])
def test_eps_inside_the_root_is_saved_and_read_and_a_file_without_it_keeps_torch_s_form(tmp_path, name):
    from core import optimizers

    path = tmp_path / "run.json"
    config = RunConfig()
    config.optimizer = run_config.OptimizerConfig(name, {"lr": 0.01, "eps_inside_root": True})
    path.write_text(config.to_json(), encoding="utf-8")
    read = run_config.load(path)
    assert read == config and read.optimizer.options["eps_inside_root"] is True
    assert optimizers.create(name, **read.optimizer.options).eps_inside_root is True
    path.write_text(json.dumps({"schema_version": 2, "optimizer": {"name": name, "options": {"lr": 0.01}}}),
                    encoding="utf-8")
    older = run_config.load(path)
    assert older.optimizer.options == {"lr": 0.01}
    assert optimizers.create(name, **older.optimizer.options).eps_inside_root is False
    config.optimizer.options["eps_inside_root"] = "yes"
    [error] = validate(config, DATASETS)
    assert error.message.endswith(f"{name} eps_inside_root must be true or false, got 'yes'")


def test_every_hyperparameter_of_a_component_with_a_problem_is_reported_at_once():
    """Only the first was: the user corrected lr, opened the file again and only then learnt of amsgrad, then betas."""
    config = RunConfig()
    options = {"lr": "x", "eps": 1e-8, "amsgrad": "yes", "betas": "y", "lrr": 0.1}
    config.optimizer = run_config.OptimizerConfig("adam", options)
    errors = validate(config, DATASETS)
    assert [(error.subject, error.rule, error.got) for error in errors] == [
        ("adam", "hyperparameter names", "lrr"), ("adam lr", "number", "x"), ("adam amsgrad", "true or false", "yes"),
        ("adam betas", "pair", "y")]
    assert all(error.field == "optimizer.name options" and error.value == options for error in errors)


@pytest.mark.parametrize("optimizer_lr, schedule, options, problems", [
    (0.01, "cosine", {"T": -1, "lr_min": 5.0}, [("cosine schedule T", ">", -1.0),
                                               ("cosine schedule lr_min", "≤", 5.0)]),
    (1.0, "cyclic", {"max_lr": 0.5, "step_size": 0}, [("cyclic schedule max_lr", "≥", 0.5),
                                                      ("cyclic schedule step_size", "≥", 0)]),
    (1.0, "cyclic", {"max_lr": 2.0, "step_size": 0}, [("cyclic schedule step_size", "≥", 0)]),
    (1.0, "cyclic", {"step_size": 5}, [("cyclic schedule max_lr", "≥", 0.1)]),
])
def test_a_schedule_s_problems_are_all_reported_beside_the_optimiser_s_rate_but_not_those_of_replaced_defaults(
        optimizer_lr, schedule, options, problems):
    """Tried alone, step_size meets the default top of 0.1, below the rate of 1: a top the user gave instead is no
    problem of the configuration; with step_size alone the default top stands, and is one."""
    config = RunConfig()
    config.optimizer = run_config.OptimizerConfig("sgd", {"lr": optimizer_lr})
    config.schedule = run_config.ScheduleConfig(schedule, options)
    errors = validate(config, DATASETS)
    assert [(error.subject, error.rule, error.got) for error in errors] == problems


def test_no_two_rule_tables_share_a_rule():
    """A window finds a ConfigError's words by its rule alone: a rule of two tables would be worded as the first
    of them words it ("must be an object of hyperparameters" for an unknown hyperparameter's name)."""
    from core import _checks

    tables = [set(run_config.PROBLEMS), set(_checks.NUMBER_RULES), set(_checks.VALUE_RULES)]
    assert sum(map(len, tables)) == len(set.union(*tables))


@pytest.mark.parametrize("section", [{"optimizer": {"name": "sgd", "options": {"name": "adam"}}},
                                     {"schedule": {"name": "step", "options": {"name": "cosine"}}},
                                     {"network": {"hidden": [{"activation": "relu",
                                                              "activation_options": {"name": "tanh"}}]}}])
def test_a_hyperparameter_called_name_is_refused_as_unknown(tmp_path, section):
    """The option met ``create(name, **options)``'s own argument ``name``: a TypeError escaped validation."""
    path = tmp_path / "run.json"
    path.write_text(json.dumps({"schema_version": run_config.SCHEMA_VERSION, **section}), encoding="utf-8")
    with pytest.raises(run_config.InvalidConfigError) as refused:
        run_config.load(path)
    [error] = refused.value.errors
    assert error.field.endswith(" options") and "'name'" in error.message


@pytest.mark.parametrize("module, name", [("activations", "relu"), ("initializers", "zeros"), ("losses", "mse"),
                                          ("optimizers", "sgd"), ("schedules", "step")])
def test_a_component_s_create_refuses_a_hyperparameter_called_name_like_any_unknown_one(module, name):
    import importlib

    with pytest.raises(ValueError, match="bad hyperparameters.*unexpected keyword argument 'name'"):
        importlib.import_module(f"core.{module}").create(name, name=1)


@pytest.mark.parametrize("schedule, options, rule", [("cyclic", {"max_lr": 0.6, "step_size": 10}, "≥"),
                                                    ("cosine", {"T": 10, "lr_min": 1.5}, "≤")])
def test_a_schedule_is_checked_against_the_optimiser_s_learning_rate_it_starts_from(schedule, options, rule):
    """η raised to 1 above a cycle's top of 0.6 passed validation (checked against η₀ = 0.01) and failed the run."""
    config = RunConfig()
    config.optimizer = run_config.OptimizerConfig("sgd", {"lr": 1.0})
    config.schedule = run_config.ScheduleConfig(schedule, options)
    [error] = validate(config, DATASETS)
    assert error.field == "schedule.name options" and (error.rule, error.bound) == (rule, 1.0)
    assert error.value == options, "the options as written, not with the optimiser's rate added"
    config.optimizer.options["lr"] = 0.5 if rule == "≥" else 2.0
    assert validate(config, DATASETS) == []


@pytest.mark.parametrize("optimizer, schedule, problems", [
    # An optimiser invalid for another reason: the schedule is judged beside the lr it is given.
    (("sgd", {"lr": 0.5, "momentum": 0.9}), ("cosine", {"lr_min": 0.05}), []),
    (("sgd", {"lr": 0.5, "momentum": 0.9}), ("cosine", {"lr_min": 0.6}), [("cosine schedule lr_min", "≤", 0.5)]),
    (("adamx", {"lr": 0.5}), ("cyclic", {"max_lr": 0.1}), [("cyclic schedule max_lr", "≥", 0.5)]),
    # Given none, beside the optimiser's own default (Adam starts at 0.001).
    (("adam", {"betas": [0.9, 2.0]}), ("cosine", {"lr_min": 0.01}), [("cosine schedule lr_min", "≤", 0.001)]),
    # No rate to read: only the schedule's problems that stand whatever the rate is.
    (("adamx", {}), ("cosine", {"lr_min": 0.05, "T": -1}), [("cosine schedule T", ">", 0.0)]),
    (("sgd", {"lr": -1.0}), ("cyclic", {"max_lr": 0.1, "step_size": 0}), [("cyclic schedule step_size", "≥", 1)]),
    (("sgd", {"lr": "fast"}), ("cosine", {"lr_min": 0.05}), []),
])
def test_the_schedule_of_an_invalid_optimiser_is_judged_beside_the_rate_it_is_given_or_not_at_all(
        optimizer, schedule, problems):
    """Judged beside a made-up η₀ of 0.01, a schedule got a second, misleading problem: "lr_min must be ≤ 0.01"
    beside an lr of 0.5 whose optimiser was refused for another reason."""
    config = RunConfig()
    config.optimizer = run_config.OptimizerConfig(*optimizer)
    config.schedule = run_config.ScheduleConfig(*schedule)
    errors = [error for error in validate(config, DATASETS) if error.field.startswith("schedule")]
    assert [(error.subject, error.rule, error.bound) for error in errors] == problems


def test_check_raises_with_every_problem_listed():
    config = RunConfig()
    config.training.batch_size = -3
    config.regularization.l1 = "lots"
    config.data.dataset = "digits"
    with pytest.raises(ValueError) as raised:
        run_config.check(config)
    text = str(raised.value)
    assert "training.batch_size = -3" in text and 'regularization.l1 = "lots"' in text


def test_unknown_fields_and_malformed_json_are_refused():
    with pytest.raises(ValueError, match="unknown field training.epoch;"):
        RunConfig.from_dict({"schema_version": 1, "training": {"epoch": 3}})
    with pytest.raises(ValueError, match="not valid JSON"):
        RunConfig.from_json("{ 'single': quotes }")
    with pytest.raises(ValueError, match="network.hidden must be a list"):
        RunConfig.from_dict({"schema_version": 1, "network": {"hidden": 3}})


def test_a_configuration_written_before_target_scaling_reads_as_the_data_set_s_default_and_a_choice_is_kept():
    """No ``target_scaling`` in the file: "default", the data set's own (see tests/core/test_experiment.py)."""
    old = RunConfig.from_dict({"schema_version": 2, "data": {"dataset": "sine", "scaling": "standardize"}})
    assert old.data.target_scaling == "default" and validate(old) == []
    old.data.target_scaling = "unit"
    assert json.loads(old.to_json())["data"]["target_scaling"] == "unit"
    assert RunConfig.from_json(old.to_json()) == old


VERSION_2_FIELDS = {"name", "data", "network", "loss", "optimizer", "schedule", "regularization", "training",
                    "schema_version"}
VERSION_2_DATA_FIELDS = {"dataset", "options", "validation_split", "scaling", "augmentation"}
"""What MLP Workbench read at schema version 2, which refused any other field ("unknown field data.target_scaling")."""


def test_a_file_says_the_oldest_schema_that_reads_it_so_older_versions_open_what_they_can():
    """Without a target scaling of its own (classification data, every shipped lab) a file is one of version 2,
    field for field: an older MLP Workbench (a lab machine's) opens it. With one it is of version 3, which an older
    version refuses as written by a newer one instead of by an unknown field."""
    plain = json.loads(RunConfig().to_json())
    assert plain["schema_version"] == 2
    assert set(plain) == VERSION_2_FIELDS and set(plain["data"]) == VERSION_2_DATA_FIELDS
    assert RunConfig.from_json(RunConfig().to_json()) == RunConfig()
    for scaling in ("standardize", "unit", "none"):
        config = RunConfig()
        config.data.dataset, config.data.target_scaling = "sine", scaling
        written = json.loads(config.to_json())
        assert written["schema_version"] == 3 and written["data"]["target_scaling"] == scaling
        assert RunConfig.from_json(config.to_json()) == config
    assert RunConfig().to_dict()["data"]["target_scaling"] == "default", "in memory every field is there"


def test_files_of_every_earlier_version_are_read_and_a_newer_one_is_refused_by_its_version():
    interim = {"schema_version": 2, "data": {"dataset": "sine", "target_scaling": "standardize"}}
    assert RunConfig.from_dict(interim).data.target_scaling == "standardize", "written with version 2 before 3"
    for version in (0, 1, 2, 3):
        read = RunConfig.from_dict({"schema_version": version, "data": {"dataset": "xor"}})
        assert read.data.target_scaling == "default" and read.schema_version == run_config.SCHEMA_VERSION
    newer = {"schema_version": run_config.SCHEMA_VERSION + 1, "data": {"dataset": "xor", "target_shift": 2}}
    with pytest.raises(ValueError) as refused:
        RunConfig.from_dict(newer)
    assert str(refused.value) == (f"this configuration has schema_version {run_config.SCHEMA_VERSION + 1}, written "
                                  f"by a newer MLP Workbench; this version reads up to {run_config.SCHEMA_VERSION}. "
                                  "Update the application to open it."), "its version, not its unknown field"


def test_future_versions_are_refused_and_older_ones_migrated():
    with pytest.raises(ValueError, match="newer MLP Workbench"):
        RunConfig.from_dict({"schema_version": run_config.SCHEMA_VERSION + 1})
    old = {"schema_version": 0, "learning_rate": 0.05, "optimizer": {"name": "sgd"}}
    migrated = RunConfig.from_dict(old)
    assert migrated.schema_version == run_config.SCHEMA_VERSION
    assert migrated.optimizer.name == "sgd" and migrated.optimizer.options == {"lr": 0.05}


def test_version_1_s_hard_sigmoid_is_the_piecewise_linear_activation_now():
    layers = [{"units": 4, "activation": "hard_sigmoid"}, {"units": 3, "activation": "relu"}]
    migrated = RunConfig.from_dict({"schema_version": 1, "network": {"hidden": layers}})
    assert [layer.activation for layer in migrated.network.hidden] == ["piecewise_linear", "relu"]
    assert run_config.validate(migrated) == []
    current = RunConfig.from_dict({"schema_version": run_config.SCHEMA_VERSION, "network": {"hidden": layers}})
    assert [error.field for error in run_config.validate(current)] == ["network.hidden[0].activation"]
    # What is not a layer is left as it is, for the usual messages.
    with pytest.raises(ValueError, match=r"network.hidden\[0\] must be an object"):
        RunConfig.from_dict({"schema_version": 1, "network": {"hidden": ["hard_sigmoid"]}})


@pytest.mark.parametrize("change, field, message", [
    (lambda c: setattr(c.optimizer, "options", {"lr": math.inf}), "optimizer.name options", "must be a finite number"),
    (lambda c: setattr(c.regularization, "l2", math.inf), "regularization.l2", "must be a finite number"),
    (lambda c: setattr(c.training, "epochs", 10**400), "training.epochs", "must be a finite number"),
    (lambda c: setattr(c, "name", 5), "name", "must be a text"),
    (lambda c: setattr(c.data, "options", [1]), "data.options", "must be an object"),
    (lambda c: setattr(c.network, "hidden", [LayerConfig(4)] * 33), "network.hidden", "at most 32 hidden layers"),
])
def test_values_no_file_can_hold_or_no_run_can_use_are_refused_at_their_field(change, field, message):
    config = RunConfig()
    change(config)
    errors = run_config.validate(config)
    assert [error.field for error in errors] == [field] and message in errors[0].message


@pytest.mark.parametrize("text, message", [
    ('{"optimizer": "sgd"}', "optimizer must be an object"),  # no version: the draft's, migrated
    ('{"optimizer": {"name": "sgd", "options": [1]}}', "optimizer.options must be an object"),
    ('{"data": {"options": [1, 2]}}', "data.options must be an object"),
    ("[" * 100_000 + "]" * 100_000, "nests lists or objects thousands deep"),
    ('{"training": {"epochs": ' + "9" * 5000 + "}}", "a number of more than 4,300 digits: no setting takes one"),
])
def test_malformed_files_get_a_reason_not_a_crash(tmp_path, text, message):
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=message) as caught:
        run_config.load(path)
    assert str(caught.value).startswith(f"{path}: "), "the message names the file"


def test_load_reports_unreadable_files(tmp_path):
    with pytest.raises(ValueError, match="cannot read the configuration"):
        run_config.load(tmp_path / "missing.json")
    binary = tmp_path / "model.npz"
    binary.write_bytes(b"PK\x03\x04\xff\xfe\x00")
    with pytest.raises(ValueError):
        run_config.load(binary)


def test_a_configuration_saved_with_a_byte_order_mark_opens(tmp_path):
    # Windows Notepad and some editors begin a UTF-8 file with a byte order mark (U+FEFF).
    config = RunConfig()
    config.training.epochs = 7
    path = tmp_path / "notepad.json"
    path.write_text(config.to_json(), encoding="utf-8-sig")
    assert run_config.load(path) == config


@pytest.mark.parametrize("text, kind", [("null", "null"), ("[]", "a list (JSON array)"), ('"digits"', "a string"),
                                        ("3", "a number"), ("true", "true")])
def test_a_file_holding_no_json_object_says_what_it_holds_in_json_s_words(tmp_path, text, kind):
    """It said "got NoneType" or "got list": Python's names, not the file's."""
    path = tmp_path / "config.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError) as refused:
        run_config.load(path)
    assert str(refused.value).endswith(f"must be a JSON object {{…}}, got {kind}"), str(refused.value)


@pytest.mark.parametrize("text, where, reason", [
    ('{"name": "a run', "line 1, column 10", "a text in quotes is never closed"),
    ('{"name": "a"\n "data": {}}', "line 2, column 2", "a comma is missing between two items"),
    ("{'name': 'a'}", "line 1, column 2", "a name in double quotes is expected here"),
    ('{"name": "a",}', "line 1, column 14", "a name in double quotes is expected here (is there a comma after"),
    ('{"name": }', "line 1, column 10", "a value is missing or misspelt here"),
    ('{"name" "a"}', "line 1, column 9", "a colon is missing between a name and its value"),
    ('{"name": "a"} {}', "line 1, column 15", "more follows where the JSON value has ended"),
    ('{"name": "a\tb"}', "line 1, column 12", "a text in quotes holds a line break or a tab"),
    ("", "line 1, column 1", "a value is missing"),
    ('{"name": "a", "network": {"hidden": [', "line 1, column 38", "the text ends before every list […] and object"),
    ('{"name": "a"\n', "line 2, column 1", "the text ends before every list […] and object {…} in it is closed"),
])
def test_a_file_that_is_not_valid_json_says_where_and_what_is_wrong_in_plain_words(tmp_path, text, where, reason):
    """The parser's own words ("Unterminated string starting at: line 1 column 347 (char 346)") were shown as they
    were."""
    path = tmp_path / "damaged.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError) as raised:
        run_config.load(path)
    assert str(raised.value).startswith(f"{path} is not valid JSON at {where}: {reason}")
    with pytest.raises(ValueError, match=f"^the file is not valid JSON at {where}: "):
        RunConfig.from_json(text)


def test_a_json_problem_the_parser_words_otherwise_keeps_its_words():
    from core._checks import JsonSyntaxError
    error = JsonSyntaxError(json.JSONDecodeError("Something new", '{"a": 1}', 3), "a.json")
    assert str(error) == "a.json is not valid JSON at line 1, column 4: Something new"


@pytest.mark.parametrize("raw, field, rule, got", [
    ({"loss": 7}, "loss", "object", 7),
    ({"network": {"hidden": 3}}, "network.hidden", "layers", 3),
    ({"network": {"hidden": [1]}}, "network.hidden[0]", "object", 1),
    ({"optimizer": {"name": "sgd", "options": [1]}}, "optimizer.options", "object", [1]),
    ({"schema_version": "2"}, "schema_version", "whole number", "2"),
    ({"schema_version": -1}, "schema_version", "≥", -1),
])
def test_a_part_of_a_configuration_of_another_kind_is_refused_by_its_field_and_rule(tmp_path, raw, field, rule, got):
    """"loss must be an object, got 7" was plain text, which a window showed in English whatever its language; the
    rules a value breaks it words in its own."""
    with pytest.raises(RuleError) as raised:
        RunConfig.from_dict(raw)
    assert (raised.value.what, raised.value.rule, raised.value.got) == (field, rule, got)
    path = tmp_path / "kinds.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(RuleError) as raised:
        run_config.load(path)
    assert (raised.value.what, raised.value.rule, raised.value.got) == (f"{path}: {field}", rule, got)
    assert str(raised.value).startswith(f"{path}: {field} must be ")


def test_an_unknown_field_and_a_file_holding_no_object_say_what_a_window_words_them_by(tmp_path):
    """The field, the fields allowed beside it, the JSON kind held and the file: a window words them in its language."""
    path = tmp_path / "config.json"
    path.write_text('{"training": {"epoch": 3}}', encoding="utf-8")
    with pytest.raises(run_config.UnknownFieldError) as refused:
        run_config.load(path)
    assert (refused.value.field, refused.value.path) == ("training.epoch", path)
    assert refused.value.allowed == tuple(field.name for field in dataclasses.fields(run_config.TrainingConfig))
    path.write_text("null", encoding="utf-8")
    with pytest.raises(run_config.NotAnObjectError) as refused:
        run_config.load(path)
    assert (refused.value.kind, refused.value.path) == ("null", path)
    with pytest.raises(run_config.NotAnObjectError) as refused:
        RunConfig.from_dict([1])
    assert (refused.value.kind, refused.value.path) == ("a list (JSON array)", None)
