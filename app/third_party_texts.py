"""Texts that libraries show inside the window, listed here so that ``pyside6-lupdate`` puts them
in the translation sources under the libraries' own contexts (pyqtgraph translates them through
``QCoreApplication.translate`` with these contexts). Qt's own texts come from its ``qtbase``
translations instead, but for the few texts its Russian catalogue lacks, listed here too."""
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

# Qt's file dialog asks for these and qtbase_ru (Qt 6.11) has no translation: the dialog read "Look in:",
# "Files of type:" and "Folder" among Russian texts.
QT_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Detailed View"),
    # Qt asks with the disambiguation "All other platforms"; a translation without one answers it too.
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive"),
)
