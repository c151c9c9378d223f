"""Texts that libraries show inside the window, listed here so that ``pyside6-lupdate`` puts them
in the translation sources under the libraries' own contexts (pyqtgraph translates them through
``QCoreApplication.translate`` with these contexts). Qt's own texts come from its ``qtbase``
translations instead."""
from PySide6.QtCore import QT_TRANSLATE_NOOP

PYQTGRAPH = (
    QT_TRANSLATE_NOOP("GraphicsScene", "Export..."),
    QT_TRANSLATE_NOOP("ImageView", "Export"),
    QT_TRANSLATE_NOOP("ViewBox", "View All"),
    QT_TRANSLATE_NOOP("ViewBox", "X axis"),
    QT_TRANSLATE_NOOP("ViewBox", "Y axis"),
    QT_TRANSLATE_NOOP("ViewBox", "Mouse Mode"),
    QT_TRANSLATE_NOOP("ViewBox", "3 button"),
    QT_TRANSLATE_NOOP("ViewBox", "1 button"),
    QT_TRANSLATE_NOOP("PlotItem", "Plot Options"),
)
