"""Data files shipped with MLP Workbench: labs, presets, configurations, the shipped model, translations.

A package only so that a regular (non-editable) install carries these files beside ``core`` and
``app``; code finds them relative to this folder.
"""
