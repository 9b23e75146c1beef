"""The desktop app: Qt windows, item models, dialogs and workers — the only package that imports Qt.

Widgets call ``ngheo_desktop.services`` use cases and the pure rules in ``ngheo_desktop.criteria``;
they never run SQL. Vietnamese is the source language of every visible string; English is a Qt
translation compiled from ``resources/translations``.
"""
