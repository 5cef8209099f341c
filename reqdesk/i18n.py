"""Languages: Qt translators for the GUI and the command line, and display helpers.

Source texts are English; Simplified Chinese (zh_CN) is the default language.
Texts from models and services are marked with ``QT_TRANSLATE_NOOP`` and are
translated here with the same context.
"""

from __future__ import annotations

import os
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from reqdesk import paths

if TYPE_CHECKING:
    from PySide6.QtCore import QTranslator

    from reqdesk.services.errors import ReqdeskError

LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"
LANG_ENV = "REQDESK_LANG"

_translators: list[QTranslator] = []
_language = DEFAULT_LANGUAGE


def choose_language(requested: str | None) -> str:
    """The ``--lang`` option, else ``REQDESK_LANG``, else the language chosen on this PC
    (Tools → Settings → Language), else Simplified Chinese.

    An unknown ``--lang`` or ``REQDESK_LANG`` raises ValueError; an unknown stored choice
    is ignored.
    """
    for candidate in (requested, os.environ.get(LANG_ENV)):
        if candidate:
            if candidate not in LANGUAGES:
                raise ValueError(candidate)
            return candidate
    from reqdesk import local_settings

    return local_settings.language() or DEFAULT_LANGUAGE


def qm_path(language: str) -> str:
    return str(paths.resources_dir() / "translations" / f"reqdesk_{language}.qm")


def install(language: str) -> str:
    """Load the translations for ``language``; a running Qt application gets them too.

    The command line translates without any Qt application; the GUI calls
    :func:`attach` once its ``QApplication`` exists so that widgets' ``tr()`` work.
    """
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    global _language
    _detach()
    _translators.clear()
    _language = language
    QLocale.setDefault(QLocale(language))
    if language != "en":
        ours = QTranslator()
        if not ours.load(qm_path(language)):
            raise FileNotFoundError(qm_path(language))
        _translators.append(ours)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qt_base = QTranslator()
        if qt_base.load(f"qtbase_{language}", qt_dir):
            _translators.append(qt_base)
    attach()
    return language


def attach() -> None:
    """Give the running Qt application (if any) the loaded translators."""
    from PySide6.QtCore import QCoreApplication

    app = QCoreApplication.instance()
    if app is not None:
        for translator in _translators:
            app.installTranslator(translator)


def _detach() -> None:
    from PySide6.QtCore import QCoreApplication

    app = QCoreApplication.instance()
    if app is not None:
        for translator in _translators:
            app.removeTranslator(translator)


def current_language() -> str:
    return _language


def translate(context: str, source: str) -> str:
    """``source`` in the current language (itself when there is no translation)."""
    for translator in _translators:
        text = translator.translate(context, source)
        if text:
            return text
    return source


def enum_label(member: StrEnum | None) -> str:
    """The translated display label of a stored code."""
    if member is None:
        return ""
    from reqdesk.models.enums import label_source

    context, source = label_source(member)
    return translate(context, source)


def error_text(error: ReqdeskError) -> str:
    """A user's error message in the current language, parameters filled in."""
    from reqdesk.services.errors import Text

    params: dict[str, Any] = {
        name: translate(value.context, value.source) if isinstance(value, Text) else value
        for name, value in error.params.items()
    }
    return translate("Errors", error.message).format(**params)
