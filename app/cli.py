"""The ``mlp-workbench`` command: with no subcommand it opens the workbench window.

The headless subcommands (train, evaluate, gradcheck, data) come from :mod:`app.headless` and
never import Qt: PySide6 is imported only by :func:`open_gui`, when a window is really wanted.
"""
from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from app import background

if TYPE_CHECKING:  # NumPy is imported only once the window's BLAS setting is made (see main)
    from core.config import RunConfig


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mlp-workbench",
        description="Build, train and look inside multilayer perceptrons. "
                    "Without options the window opens on the settings it last closed with (the first time, "
                    "on the 8×8 digits with a small ReLU network).")
    parser.add_argument("--dataset", metavar="NAME",
                        help="open on this dataset (e.g. digits, moons, mnist); overrides the config's")
    parser.add_argument("--config", metavar="FILE",
                        help="open this run configuration (JSON, as saved by File ▸ Save configuration)")
    parser.add_argument("--model", metavar="FILE",
                        help="open a saved model (File ▸ Save model, or a run's best.npz): the Draw view "
                             "classifies with it, and its settings and weights are restored")
    from app import headless

    headless.add_subcommands(parser.add_subparsers(dest="subcommand", metavar="COMMAND"))
    return parser


def initial_config(args: argparse.Namespace) -> RunConfig:
    """The configuration the window opens with; ValueError with a clear message if it is unusable."""
    from core import config as run_config
    from core import datasets

    config = run_config.load(args.config) if args.config else run_config.RunConfig()
    if args.dataset is not None:
        if args.dataset not in datasets.names():
            raise ValueError(f"--dataset: unknown dataset {args.dataset!r}; choose one of: "
                             f"{', '.join(datasets.names())}")
        if args.dataset != config.data.dataset:
            config.data.dataset, config.data.options = args.dataset, {}
    return config


def check_model(args: argparse.Namespace) -> None:
    """ValueError with a clear message if ``--model`` names a file that is not a readable model."""
    if args.model:
        from core import model_io

        model_io.load_model(args.model)


def open_gui(config: RunConfig, messages: list[str], fit_loss_to_data: bool = False, model: str | None = None,
             unrestored: str | None = None, config_file: str | None = None) -> int:
    """Show the main window (with ``model`` loaded, if given) and run the Qt event loop until it
    closes; returns the exit code. ``unrestored`` says why the last session's configuration could not
    be read (the window then opens on ``config``); ``config_file`` is the file ``config`` was read from, as
    it is there (Save writes to it)."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from app.main_window import MainWindow

    application = QApplication.instance() or QApplication(sys.argv[:1])
    application.setApplicationName("MLP Workbench")
    application.setOrganizationName("MLP Workbench")
    from app.i18n import install_startup_language

    install_startup_language(application)  # the saved choice, else the system's language
    from app.combining_marks import mend_tooltips

    mend_tooltips()
    window = MainWindow(config, fit_loss_to_data=fit_loss_to_data)
    if config_file is not None:
        window.opened_from(config_file)
    from app import settings

    window.restore_layout(settings.load())  # as it last closed
    window.show()
    window.restore_race(*settings.load_last_race())
    for message in messages:
        window.show_message(message, "warning")
    if unrestored is not None:
        window.show_message(QCoreApplication.translate(
            "MainWindow", "The settings the window last closed with could not be read (%1); it opens on the "
            "default settings.").replace("%1", unrestored), "warning")
    if model is not None:
        window.load_model(model)
    return application.exec()


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.subcommand is not None:
        from app import headless

        return headless.run(args)
    background.let_idle_blas_threads_sleep()  # before NumPy loads, which reads the setting once
    try:
        config = initial_config(args)
        check_model(args)
    except ValueError as error:
        parser.error(str(error))
    unrestored = None
    if not (args.config or args.dataset or args.model):  # the settings the window last closed with
        from app import settings

        restored, unrestored = settings.load_last_config()
        config = restored or config
    # With --dataset the window's settings are no longer the file's: Save must not write them over it unasked.
    config_file = args.config if args.config and args.dataset is None else None
    return open_gui(config, [], fit_loss_to_data=args.dataset is not None, model=args.model, unrestored=unrestored,
                    config_file=config_file)
