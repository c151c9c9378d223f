"""MLP Workbench's desktop application: PySide6 widgets bound to the engine's run configuration.

``app`` only configures :mod:`core` and draws what it emits; it does no maths of its own.
Importing this package does not import Qt (the command line's non-GUI paths stay light).
"""
