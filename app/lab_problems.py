"""What the window says of a lab that cannot be used, or of labs that share a number, in the interface language and
in the words of ``mlp-workbench lab check``: :func:`core.labs.problem_text` composes both, this module gives it the
words, and the titles that tell labs of one number or one title apart (:func:`distinct_title`).

:data:`PLACES`, :data:`LAB_PROBLEMS` and :data:`SETTING_NAMES` are the English templates of :mod:`core.labs`,
marked here for translation (``{…}`` are kept as they are); a setting's name also names the locked settings a
student changed in the teacher's table (:func:`setting_name`).
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.headless import shell_quoted
from app.i18n import current_language, json_reason_text
from app.panels.base import given_problem_text
from core import labs
from core.languages import text_in

PLACES = {
    "variant": QT_TRANSLATE_NOOP("LabProblems", "variant {}"),
    "variant number": QT_TRANSLATE_NOOP("LabProblems", "variant number {}"),
    "view": QT_TRANSLATE_NOOP("LabProblems", "view {}"),
    "option": QT_TRANSLATE_NOOP("LabProblems", "option {}"),
    "weights": QT_TRANSLATE_NOOP("LabProblems", "hand-set weights {}"),
    "hidden layer": QT_TRANSLATE_NOOP("LabProblems", "hidden layer {}"),
}
"""The texts of :data:`core.labs.PLACES`."""

LAB_PROBLEMS = {
    "unreadable": QT_TRANSLATE_NOOP("LabProblems", "cannot be read: {reason}"),
    "not json": QT_TRANSLATE_NOOP("LabProblems", "not valid JSON, at line {line}, column {column}: {reason}"),
    "not utf-8": QT_TRANSLATE_NOOP("LabProblems", "not UTF-8 text: save it as UTF-8"),
    "not object": QT_TRANSLATE_NOOP("LabProblems", "must hold one JSON object, got {value}"),
    "unknown field": QT_TRANSLATE_NOOP("LabProblems", "unknown field {name}; the fields: {allowed}"),
    "missing field": QT_TRANSLATE_NOOP("LabProblems", "the field {name} is missing"),
    "folder name": QT_TRANSLATE_NOOP("LabProblems", "the folder's name {folder} is no lab's: two digits, a dash and "
                                                    "lower-case words joined by dashes (such as 13-my-lab); MLP "
                                                    "Workbench does not list it"),
    "id": QT_TRANSLATE_NOOP("LabProblems", "{id} must be the folder's name, {folder}"),
    "number": QT_TRANSLATE_NOOP("LabProblems", "{number} must be the whole number the folder's name starts with, "
                                               "{expected}"),
    "no sheet": QT_TRANSLATE_NOOP("LabProblems", "the English task sheet is missing"),
    "lectures": QT_TRANSLATE_NOOP("LabProblems", "must be a list of lecture names, got {value}"),
    "variants": QT_TRANSLATE_NOOP("LabProblems", "must be a non-empty list of variants, got {value}"),
    "object": QT_TRANSLATE_NOOP("LabProblems", "must be an object, got {value}"),
    "variant name": QT_TRANSLATE_NOOP("LabProblems", "name must be lower-case letters, digits and _, starting with a "
                                                     "letter; got {value}"),
    "variant twice": QT_TRANSLATE_NOOP("LabProblems", "two variants are named {name}"),
    "no config": QT_TRANSLATE_NOOP("LabProblems", "has no config"),
    "weights": QT_TRANSLATE_NOOP("LabProblems", "must map parameter names to arrays, got {value}"),
    "weight numbers": QT_TRANSLATE_NOOP("LabProblems", "must be a (nested) list of numbers, got {value}"),
    "weight shape": QT_TRANSLATE_NOOP("LabProblems", "must be a finite vector or matrix, got {value}"),
    "weight name": QT_TRANSLATE_NOOP("LabProblems", "the network has no such parameter; its parameters: {names}"),
    "weights fit": QT_TRANSLATE_NOOP("LabProblems", "{got} numbers, but the network on {dataset} (inputs: {inputs}, "
                                                    "outputs: {outputs}) takes {expected} here: a row for each input "
                                                    "of the layer, a column for each of its units"),
    "biases fit": QT_TRANSLATE_NOOP("LabProblems", "{got} numbers, but the network on {dataset} (inputs: {inputs}, "
                                                   "outputs: {outputs}) takes {expected} here: one for each unit of "
                                                   "the layer"),
    "views": QT_TRANSLATE_NOOP("LabProblems", "must be a non-empty list of views, got {value}"),
    "view": QT_TRANSLATE_NOOP("LabProblems", "{view} is not one of: {views}"),
    "view option": QT_TRANSLATE_NOOP("LabProblems", "no option {option}; its options: {options}"),
    "settings": QT_TRANSLATE_NOOP("LabProblems", "must be a list of settings (dotted paths such as training.seed), "
                                                 "got {value}"),
    "setting": QT_TRANSLATE_NOOP("LabProblems", "{path} is not a setting of the run configuration"),
    "goal": QT_TRANSLATE_NOOP("LabProblems", "must be null or an object whose metric is one of: {metrics}; "
                                             "got {value}"),
    "goal bounds": QT_TRANSLATE_NOOP("LabProblems", "needs exactly one of at_least or at_most, got {value}"),
    "goal bound": QT_TRANSLATE_NOOP("LabProblems", "{name} must be a number, got {value}"),
    "goal fraction": QT_TRANSLATE_NOOP("LabProblems", "{name} of an accuracy is a fraction from 0 to 1 (0.95 for "
                                                      "95 %), got {value}"),
    "goal variant": QT_TRANSLATE_NOOP("LabProblems", "variant {variant} is not one of: {variants}"),
    "no csv": QT_TRANSLATE_NOOP("LabProblems", "the CSV file {name} is not beside lab.json: copy it into the lab's "
                                               "folder"),
    "goal without val data": QT_TRANSLATE_NOOP("LabProblems", "{metric} is scored on validation data, and its "
                                                              "validation split of 0 holds none out: no result can "
                                                              "reach the goal; give the variant a validation split, "
                                                              "or set the goal on train_ or test_"),
    "goal without test data": QT_TRANSLATE_NOOP("LabProblems", "{metric} is scored on test data, and its test split of "
                                                               "0 holds none out: no result can reach the goal; give "
                                                               "the variant a test split, or set the goal on train_ or "
                                                               "val_"),
    "unknown hyperparameter": QT_TRANSLATE_NOOP("LabProblems", "unknown hyperparameter {got}; {component} takes "
                                                               "{names}"),
    "no english": QT_TRANSLATE_NOOP("LabProblems", 'must be an object with an English text under "en", got {value}'),
    "language": QT_TRANSLATE_NOOP("LabProblems", "language {language} is not one of: {languages}"),
    "empty": QT_TRANSLATE_NOOP("LabProblems", "the {language} text must be a non-empty string, got {value}"),
}
"""The texts of :data:`core.labs.LAB_PROBLEMS`."""

NUMBER_WARNINGS = {
    "number shared": QT_TRANSLATE_NOOP("LabProblems", "{others} in the same folder {verb} number {number} too: the "
                                                      "students see two labs numbered {number}; give each lab a "
                                                      "number of its own (its folder's name and its number)"),
    "number shared with shipped": QT_TRANSLATE_NOOP(
        "LabProblems", "the shipped {others} {verb} number {number} too, and MLP Workbench offers the shipped labs "
                       "this pack has none of by name beside its own: the students see two labs numbered {number}; "
                       "to hand this lab out in the place of {first}, name its folder and id {first}, or give it a "
                       "number of its own"),
}
"""The texts of :data:`core.labs.LAB_WARNINGS` of a number two labs share, which the window says too
(:func:`shared_numbers_text`)."""

SETTING_NAMES = {
    "name": QT_TRANSLATE_NOOP("LabProblems", "run name"),
    "data": QT_TRANSLATE_NOOP("LabProblems", "data"),
    "data.dataset": QT_TRANSLATE_NOOP("LabProblems", "data set"),
    "data.options": QT_TRANSLATE_NOOP("LabProblems", "data set options"),
    "data.options.n_samples": QT_TRANSLATE_NOOP("LabProblems", "examples"),
    "data.options.noise": QT_TRANSLATE_NOOP("LabProblems", "noise"),
    "data.options.seed": QT_TRANSLATE_NOOP("LabProblems", "data seed"),
    "data.options.features": QT_TRANSLATE_NOOP("LabProblems", "inputs"),
    "data.options.test_split": QT_TRANSLATE_NOOP("LabProblems", "test split"),
    "data.options.max_train": QT_TRANSLATE_NOOP("LabProblems", "training examples at most"),
    "data.validation_split": QT_TRANSLATE_NOOP("LabProblems", "validation split"),
    "data.scaling": QT_TRANSLATE_NOOP("LabProblems", "scaling"),
    "data.target_scaling": QT_TRANSLATE_NOOP("LabProblems", "target scaling"),
    "data.augmentation": QT_TRANSLATE_NOOP("LabProblems", "augmentation"),
    "network": QT_TRANSLATE_NOOP("LabProblems", "network"),
    "network.hidden": QT_TRANSLATE_NOOP("LabProblems", "hidden layers"),
    "network.hidden.units": QT_TRANSLATE_NOOP("LabProblems", "units"),
    "network.hidden.activation": QT_TRANSLATE_NOOP("LabProblems", "activation"),
    "network.hidden.activation_options": QT_TRANSLATE_NOOP("LabProblems", "activation"),
    "network.hidden.init": QT_TRANSLATE_NOOP("LabProblems", "weight initialiser"),
    "network.hidden.batch_norm": QT_TRANSLATE_NOOP("LabProblems", "batch normalisation"),
    "network.hidden.dropout": QT_TRANSLATE_NOOP("LabProblems", "dropout rate"),
    "network.output_init": QT_TRANSLATE_NOOP("LabProblems", "output initialiser"),
    "network.dtype": QT_TRANSLATE_NOOP("LabProblems", "precision"),
    "loss": QT_TRANSLATE_NOOP("LabProblems", "loss"),
    "loss.name": QT_TRANSLATE_NOOP("LabProblems", "loss"),
    "optimizer": QT_TRANSLATE_NOOP("LabProblems", "optimiser"),
    "optimizer.name": QT_TRANSLATE_NOOP("LabProblems", "optimiser"),
    "optimizer.options": QT_TRANSLATE_NOOP("LabProblems", "optimiser"),
    "schedule": QT_TRANSLATE_NOOP("LabProblems", "learning-rate schedule"),
    "schedule.name": QT_TRANSLATE_NOOP("LabProblems", "learning-rate schedule"),
    "schedule.options": QT_TRANSLATE_NOOP("LabProblems", "learning-rate schedule"),
    "schedule.unit": QT_TRANSLATE_NOOP("LabProblems", "schedule unit"),
    "regularization": QT_TRANSLATE_NOOP("LabProblems", "regularisation"),
    "regularization.l1": QT_TRANSLATE_NOOP("LabProblems", "L1"),
    "regularization.l2": QT_TRANSLATE_NOOP("LabProblems", "L2"),
    "regularization.apply_to_biases": QT_TRANSLATE_NOOP("LabProblems", "penalise biases"),
    "training": QT_TRANSLATE_NOOP("LabProblems", "training"),
    "training.epochs": QT_TRANSLATE_NOOP("LabProblems", "epochs"),
    "training.batch_size": QT_TRANSLATE_NOOP("LabProblems", "batch size"),
    "training.patience": QT_TRANSLATE_NOOP("LabProblems", "early stopping patience"),
    "training.seed": QT_TRANSLATE_NOOP("LabProblems", "seed"),
}
"""The texts of :data:`core.labs.SETTING_NAMES`."""

SHOWN_LABS = 3
"""Labs that cannot be used listed in the window's message at most: the rest are counted (``lab check`` lists all)."""

SHOWN_PROBLEMS = 2
"""Problems of each of them listed in the message at most: the bar above the views grew taller than the views."""


def translated(english: str) -> str:
    """An English text of :mod:`core.labs`' lab problems in the interface language."""
    return QCoreApplication.translate("LabProblems", english)


def setting_name(path: str) -> str:
    """A setting's name in the interface language ("optimiser" for optimizer.name), else its path."""
    return ", ".join(labs.setting_place(path, translated))


def lab_problem_text(problem: labs.LabProblem) -> str:
    """One problem of a lab, as ``mlp-workbench lab check`` says it but in the interface language."""
    return labs.problem_text(problem, translated, given_problem_text, json_reason_text)


def lab_check_command(lab_folders) -> str:
    """The ``mlp-workbench lab check`` command that checks the folders of labs holding ``lab_folders``."""
    folders = sorted({str(folder.parent) for folder in lab_folders})
    return "mlp-workbench lab check " + " ".join(shell_quoted(folder) for folder in folders)


def shared_numbers(available) -> set[int]:
    """The numbers that more than one lab of ``available`` has (a pack's 04-my-xnor beside the shipped 04-xnor)."""
    numbers = [lab.number for lab in available]
    return {number for number in numbers if numbers.count(number) > 1}


def distinct_title(lab: labs.Lab, available) -> str:
    """``lab``'s title in the interface language, with its folder's name where another lab of ``available`` has
    its number or that title ("XNOR (04-my-xnor)"): the lists showed two labs "4. XNOR", the window's title and
    the lesson's heading two "XNOR", and nothing told which was which."""
    language = current_language()
    title = text_in(lab.title, language)
    same_title = any(other.id != lab.id and text_in(other.title, language).strip().casefold() ==
                     title.strip().casefold() for other in available)
    return f"{title} ({lab.id})" if same_title or lab.number in shared_numbers(available) else title


def numbered_title(lab: labs.Lab, available) -> str:
    """"4. XNOR" (:func:`distinct_title`), as the window's lists of labs show a lab."""
    return f"{lab.number}. {distinct_title(lab, available)}"


def same_number_text(lab: labs.Lab, available) -> str:
    """What a lab's tooltip in a list adds where others of ``available`` have its number, or ""."""
    others = [other.id for other in available if other.number == lab.number and other.id != lab.id]
    if not others:
        return ""
    return "⚠ " + QCoreApplication.translate("LabProblems", "Number %1 is also that of: %2") \
        .replace("%1", str(lab.number)).replace("%2", ", ".join(others))


def shared_numbers_text(available) -> str:
    """What the window says of the labs of ``available`` that share a number ("" if none does): that its lists name
    each by its folder; each one's lab.json with what ``mlp-workbench lab check`` warns of it, and that command."""
    shared = [lab for lab in available if lab.number in shared_numbers(available)]
    if not shared:
        return ""
    # The command checks the pack, where the lab to renumber is, not the shipped labs beside it.
    to_check = [lab.folder for lab in shared if lab.folder.parent.resolve() != labs.SHIPPED_LABS.resolve()]
    lines = [QCoreApplication.translate("LabProblems", "Labs offered here share a number: %1. The lists of labs name "
                                                       "each by its folder; before handing the labs out, give each a "
                                                       "number of its own. To see every warning: %2")
             .replace("%1", "; ".join(f"{number} ({', '.join(lab.id for lab in shared if lab.number == number)})"
                                      for number in sorted(shared_numbers(available))))
             .replace("%2", lab_check_command(to_check or [lab.folder for lab in shared]))]
    for lab in shared:
        warnings = [warning for warning in labs.lab_warnings(lab) if warning.what in NUMBER_WARNINGS]
        if warnings:
            lines.append(str(lab.folder / "lab.json"))
            lines += [f"• {lab_problem_text(warning)}" for warning in warnings]
    return "\n".join(lines)


def broken_labs_text(errors: list) -> str:
    """What the window says of the labs that cannot be used (:func:`core.labs.readable_labs`' errors): each one's
    lab.json, then its first problems, one a line; and the command that lists them all."""
    command = lab_check_command(error.file.parent for error in errors if isinstance(error, labs.InvalidLabError))
    lines = [QCoreApplication.translate("LabProblems", "These labs cannot be used; the shipped lab of the same number "
                                                       "is offered instead, where there is one. To see every "
                                                       "problem: %1").replace("%1", command)]
    for error in errors[:SHOWN_LABS]:
        if not isinstance(error, labs.InvalidLabError):
            lines.append(str(error))
            continue
        lines.append(str(error.file))
        lines += [f"• {lab_problem_text(problem)}" for problem in error.problems[:SHOWN_PROBLEMS]]
        more = len(error.problems) - SHOWN_PROBLEMS
        if more > 0:
            lines.append("• " + QCoreApplication.translate("LabProblems", "… %1 more").replace("%1", str(more)))
    if len(errors) > SHOWN_LABS:
        lines.append(QCoreApplication.translate("LabProblems", "Other labs that cannot be used: %1")
                     .replace("%1", str(len(errors) - SHOWN_LABS)))
    return "\n".join(lines)
