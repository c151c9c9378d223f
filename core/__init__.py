"""MLP Workbench's NumPy engine: a small, readable multilayer-perceptron library.

No Qt, no pyqtgraph, no deep-learning framework: NumPy (and scikit-learn for data).
"""
