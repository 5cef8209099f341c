"""Settings this PC keeps for itself (they are needed before a database is open): the
language, and the database reqdesk opens. Both apply when reqdesk starts next; the change
is recorded in the audit log of the database open now, then written to the PC's
settings file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from reqdesk import i18n, local_settings, paths
from reqdesk.i18n import error_text, translate
from reqdesk.services import settings
from reqdesk.services.context import Context
from reqdesk.services.database_probe import CONTEXT as PROBE_CONTEXT
from reqdesk.services.database_probe import ProbeResult, probe_database
from reqdesk.services.errors import ReqdeskError
from reqdesk.ui.background import BackgroundTask
from reqdesk.ui.form_fields import ERROR_STYLE
from reqdesk.ui.settings.form_page import NOTICE_STYLE, FormPage

# Each language is named in itself, so that a user who cannot read the current one finds
# their own.
LANGUAGE_NAMES = {"zh_CN": "简体中文", "en": "English"}
POSTGRESQL_EXAMPLE = "postgresql+psycopg://reqdesk@server/reqdesk"


class LanguagePage(FormPage):
    """Anyone signed in may choose the language of this PC (a personal preference)."""

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("SettingsDialog", "Language")

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            self.tr(
                "The language of menus, messages and printed forms on this PC. It changes "
                "when reqdesk starts next time."
            ),
            parent,
        )
        self.language = QComboBox(self)
        for code in i18n.LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES.get(code, code), code)
        self.language.currentIndexChanged.connect(self.mark_dirty)
        self.errors.add_row(self.form, self.tr("Language"), "language", self.language)
        self.reload()

    def reload(self) -> None:
        chosen = local_settings.language() or i18n.DEFAULT_LANGUAGE
        self.language.setCurrentIndex(self.language.findData(chosen))
        self.mark_clean()

    def submit(self) -> str:
        local_settings.check_writable()
        after = settings.record_language_change(
            self.ctx, local_settings.language(), self.language.currentData()
        )
        local_settings.set_language(after)
        return self.tr("Saved. Start reqdesk again to use {language}.").format(
            language=LANGUAGE_NAMES.get(after, after)
        )


DEFAULT, SQLITE, POSTGRESQL = "default", "sqlite", "postgresql"


class DatabasePage(FormPage):
    """The administrator points this PC at another database file or a PostgreSQL server."""

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("SettingsDialog", "Database")

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            self.tr(
                "The database reqdesk opens on this PC: a SQLite file on this PC, or a "
                "PostgreSQL server that several PCs share. It changes when reqdesk starts "
                "next time; the data stay where they are."
            ),
            parent,
        )
        self.kinds = QButtonGroup(self)
        self.default_choice = QRadioButton(
            self.tr("The default file ({file})").format(file=paths.default_db_path()), self
        )
        self.sqlite_choice = QRadioButton(self.tr("Another SQLite file"), self)
        self.postgresql_choice = QRadioButton(self.tr("A PostgreSQL server"), self)
        self.file = QLineEdit(self)
        self.file.setObjectName("file")
        self.browse_button = QPushButton(self.tr("&Browse…"), self)
        self.browse_button.clicked.connect(self.browse)
        self.address = QLineEdit(self)
        self.address.setObjectName("address")
        self.address.setPlaceholderText(POSTGRESQL_EXAMPLE)
        self.errors.add_row(self.form, self.tr("Database"), "database", self._choices(), self.file)
        for edit in (self.file, self.address):
            edit.textChanged.connect(self._edited)
        self.kinds.buttonClicked.connect(self._kind_changed)

        self.test_button = QPushButton(self.tr("&Test connection"), self)
        self.test_button.clicked.connect(self.test_connection)
        self.test_result = QLabel(self)
        self.test_result.setObjectName("testResult")
        self.test_result.setWordWrap(True)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addStretch(1)
        self.form.addRow("", test_row)
        self.form.addRow("", self.test_result)
        self.now_open = QLabel(self._now_open_text(), self)
        self.now_open.setWordWrap(True)
        self.body.insertWidget(self.body.indexOf(self.intro) + 1, self.now_open)
        self.reload()

    def _choices(self) -> QWidget:
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file, 1)
        file_row.addWidget(self.browse_button)
        for button, kind in (
            (self.default_choice, DEFAULT),
            (self.sqlite_choice, SQLITE),
            (self.postgresql_choice, POSTGRESQL),
        ):
            self.kinds.addButton(button)
            button.setProperty("kind", kind)
            column.addWidget(button)
            if kind == SQLITE:
                column.addLayout(file_row)
            elif kind == POSTGRESQL:
                column.addWidget(self.address)
        return box

    def _now_open_text(self) -> str:
        text = self.tr("Open now: {db}").format(db=self.ctx.db.describe())
        override = local_settings.database_source(None)
        if override == "environment":
            text += "\n" + self.tr(
                "REQDESK_DB is set on this PC and is used instead of this setting."
            )
        return text

    def kind(self) -> str:
        checked = self.kinds.checkedButton()
        return str(checked.property("kind")) if checked is not None else DEFAULT

    def _set_kind(self, kind: str) -> None:
        for button in self.kinds.buttons():
            button.setChecked(button.property("kind") == kind)
        self._enable()

    def _enable(self) -> None:
        kind = self.kind()
        self.file.setEnabled(kind == SQLITE)
        self.browse_button.setEnabled(kind == SQLITE)
        self.address.setEnabled(kind == POSTGRESQL)

    def _edited(self) -> None:
        self.test_result.clear()  # it told about what was typed before
        self.mark_dirty()

    def _kind_changed(self) -> None:
        self._enable()
        self.test_result.clear()
        self.mark_dirty()

    def reload(self) -> None:
        stored = local_settings.database()
        self.file.clear()
        self.address.clear()
        if stored is None:
            self._set_kind(DEFAULT)
        elif "://" in stored and not stored.startswith("sqlite:"):
            self.address.setText(stored)
            self._set_kind(POSTGRESQL)
        else:
            self.file.setText(stored)
            self._set_kind(SQLITE)
        self.test_result.clear()
        self.mark_clean()

    def target(self) -> str | None:
        """What the user chose (None: the default file), as typed."""
        kind = self.kind()
        if kind == SQLITE:
            return self.file.text()
        if kind == POSTGRESQL:
            return self.address.text()
        return None

    def browse(self) -> None:
        dialog = QFileDialog(self, self.tr("Choose or name a database file"))
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)  # an existing file, or a new name
        dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, True)
        dialog.setNameFilter(self.tr("reqdesk databases (*.db);;All files (*)"))
        dialog.setDefaultSuffix("db")
        current = self.file.text().strip()
        dialog.setDirectory(str(Path(current).parent if current else paths.data_dir()))
        if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return
        self.file.setText(dialog.selectedFiles()[0])

    def test_connection(self) -> None:
        target = self.target()
        chosen = str(paths.default_db_path()) if target is None else target
        self.test_button.setEnabled(False)
        self.test_result.setStyleSheet("")
        self.test_result.setText(self.tr("Testing…"))
        task = BackgroundTask(
            self, self.tr("Testing the connection…"), lambda: probe_database(chosen)
        )
        task.start(self._tested, self._test_failed)

    def _tested(self, result: ProbeResult) -> None:
        self.test_button.setEnabled(True)
        self.test_result.setStyleSheet(NOTICE_STYLE)
        self.test_result.setText(translate(PROBE_CONTEXT, result.message).format(**result.params))

    def _test_failed(self, error: Exception) -> None:
        self.test_button.setEnabled(True)
        self.test_result.setStyleSheet(ERROR_STYLE)
        text = error_text(error) if isinstance(error, ReqdeskError) else str(error)
        self.test_result.setText(self.tr("Cannot use this database: {reason}").format(reason=text))

    def submit(self) -> str:
        edit = self.address if self.kind() == POSTGRESQL else self.file
        self.errors.alias("database", edit, "database")  # the field a refusal marks
        local_settings.check_writable()
        after = settings.record_database_change(self.ctx, local_settings.database(), self.target())
        local_settings.set_database(after)
        shown = settings.shown_target(after) or str(paths.default_db_path())
        return self.tr("Saved. reqdesk opens {db} when it starts next time.").format(db=shown)
