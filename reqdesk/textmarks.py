"""Marks user-visible text outside Qt code so that ``lupdate`` finds it.

Models and services never import Qt, yet their messages and labels are shown to
users. They mark the English source text with :func:`QT_TRANSLATE_NOOP`; the UI
and the command line translate it with the same context when showing it.
"""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Return ``text`` unchanged; ``lupdate`` records it under ``context``."""
    del context
    return text
