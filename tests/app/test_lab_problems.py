"""The window's words for a lab's problems: those of `mlp-workbench lab check`, translated whole."""
import dataclasses
import re

from app import lab_problems
from core import labs

PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def test_the_windows_texts_are_the_engines_english_ones():
    assert lab_problems.PLACES == labs.PLACES
    assert lab_problems.LAB_PROBLEMS == labs.LAB_PROBLEMS
    assert lab_problems.SETTING_NAMES == labs.SETTING_NAMES
    assert lab_problems.NUMBER_WARNINGS == {what: labs.LAB_WARNINGS[what] for what in lab_problems.NUMBER_WARNINGS}


def test_each_russian_text_keeps_the_placeholders_of_its_english_one(qapp, switch_language):
    switch_language("ru")
    for english in (*labs.PLACES.values(), *labs.LAB_PROBLEMS.values(), *labs.SETTING_NAMES.values(),
                    *lab_problems.NUMBER_WARNINGS.values()):
        russian = lab_problems.translated(english)
        assert russian != english or english in ("L1", "L2"), english
        # {verb} is English's "has" or "have": Russian words its sentence without.
        kept = [name for name in PLACEHOLDER.findall(english) if name != "{verb}"]
        assert sorted(name for name in PLACEHOLDER.findall(russian) if name != "{verb}") == sorted(kept), russian
    problem = labs.LabProblem((("variant", "'adam'"), ("setting", "network.hidden[2].units")),
                              config_error=labs.run_config.validate(_with_units(0))[0])
    assert lab_problems.lab_problem_text(problem) == "вариант 'adam', скрытый слой 3, нейроны: должно быть ≥ 1, " \
                                                     "введено 0"
    assert lab_problems.setting_name("optimizer.name") == "оптимизатор"
    switch_language("en")
    assert lab_problems.lab_problem_text(problem) == "variant 'adam', hidden layer 3, units: must be ≥ 1, got 0"
    assert labs.problem_text(problem) == lab_problems.lab_problem_text(problem), "the words of lab check"


def _with_units(units):
    config = labs.run_config.RunConfig()
    config.network.hidden[0].units = units
    return config


def test_a_lab_s_flag_reads_in_the_window_as_lab_check_words_it_as_its_file_writes_it(qapp, switch_language):
    """The window said "must be ticked or unticked" of a lab.json's amsgrad, which lab check calls "true or false"."""
    config = labs.run_config.RunConfig()
    config.optimizer = labs.run_config.OptimizerConfig("adam", {"amsgrad": "yes"})
    [error] = labs.run_config.validate(config)
    problem = labs.LabProblem((("variant", "'adam'"), ("setting", error.field)), config_error=error)
    assert lab_problems.lab_problem_text(problem) == labs.problem_text(problem) == \
        "variant 'adam', optimiser: adam amsgrad must be true or false, got 'yes'"
    switch_language("ru")
    assert lab_problems.lab_problem_text(problem) == \
        "вариант 'adam', оптимизатор: adam amsgrad: должно быть true или false, введено 'yes'"


def test_a_variant_s_configuration_with_an_unknown_field_or_no_object_reads_in_the_window_s_language(
        qapp, switch_language, tmp_path):
    """"variant 'trained', config: unknown field training.epochz; allowed fields: …" was English in a Russian window."""
    from tests.test_cli import copied_lab

    def broken(raw):
        raw["variants"][0]["config"] = None
        raw["variants"][1]["config"]["training"]["epochz"] = 3

    _, problems = labs.check_lab(copied_lab(tmp_path, "04-xnor", broken))
    switch_language("ru")
    fields = ", ".join(field.name for field in dataclasses.fields(labs.run_config.TrainingConfig))
    assert [lab_problems.lab_problem_text(problem) for problem in problems] == [
        "вариант 'hand_set', config: должен быть объектом, а не null",
        f"вариант 'trained', config: неизвестное поле 'training.epochz'; поля: {fields}"]
