"""Settings → Company: the name and logo on every printed form; the site code, shown."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reqdesk.i18n import error_text
from reqdesk.services import company
from reqdesk.services.context import Context
from reqdesk.services.errors import ValidationError
from reqdesk.ui.settings.form_page import FormPage

PREVIEW_WIDTH, PREVIEW_HEIGHT = 240, 80


class CompanyPage(FormPage):
    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("SettingsDialog", "Company")

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            self.tr("The company's name and logo head every printed form."),
            parent,
        )
        self.name = QLineEdit(self)
        self.name.setMaxLength(200)
        self.name.textChanged.connect(self.mark_dirty)
        self.errors.add_row(self.form, self.tr("Company name"), "company_name", self.name)

        self.preview = QLabel(self)
        self.preview.setObjectName("logoPreview")
        self.preview.setFixedSize(PREVIEW_WIDTH, PREVIEW_HEIGHT)
        self.preview.setFrameShape(QFrame.Shape.StyledPanel)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.choose_button = QPushButton(self.tr("&Choose…"), self)
        self.choose_button.clicked.connect(self.choose_logo)
        self.remove_button = QPushButton(self.tr("&Remove logo"), self)
        self.remove_button.clicked.connect(self.remove_logo)
        self.errors.add_row(self.form, self.tr("Logo"), "logo", self._logo_box(), self.preview)

        self.site = QLabel(self)
        self.site.setObjectName("siteCode")
        self.site.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.site_reason = QLabel(self)
        self.site_reason.setWordWrap(True)
        site_box = QWidget(self)
        column = QVBoxLayout(site_box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.site)
        column.addWidget(self.site_reason)
        self.form.addRow(self.tr("Site code"), site_box)

        self.logo: bytes | None = None
        self.reload()

    def _logo_box(self) -> QWidget:
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.preview)
        buttons = QVBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.remove_button)
        hint = QLabel(
            self.tr("PNG or JPEG, at most {kb} KB and {px} pixels a side.").format(
                kb=company.MAX_LOGO_BYTES // 1024, px=company.MAX_LOGO_PIXELS
            ),
            box,
        )
        hint.setWordWrap(True)
        buttons.addWidget(hint)
        buttons.addStretch(1)
        row.addLayout(buttons, 1)
        return box

    def reload(self) -> None:
        info = company.get_company(self.ctx)
        self.name.setText(info.company_name)
        self._show_logo(info.logo.data if info.logo else None)
        self.site.setText(info.site_code)
        self.site_reason.setText(
            self.tr(
                "The site code starts every record number (for example {example}). It was set "
                "when this database was first set up and cannot be changed: numbers already "
                "given, and records sent to head office, must keep it."
            ).format(example=f"{info.site_code}-RQ-2026-00001")
        )
        self.mark_clean()

    def _show_logo(self, data: bytes | None) -> None:
        self.logo = data
        self.remove_button.setEnabled(data is not None)
        if data is None:
            self.preview.setPixmap(QPixmap())
            self.preview.setText(self.tr("No logo"))
            return
        pixmap = QPixmap()
        pixmap.loadFromData(QByteArray(data))
        self.preview.setPixmap(
            pixmap.scaled(
                PREVIEW_WIDTH - 8,
                PREVIEW_HEIGHT - 8,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )

    def choose_logo(self) -> None:
        dialog = QFileDialog(self, self.tr("Choose the company logo"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilter(self.tr("Pictures (*.png *.jpg *.jpeg);;All files (*)"))
        if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return
        self.use_logo_file(Path(dialog.selectedFiles()[0]))

    def use_logo_file(self, path: Path) -> None:
        """Check the picture and show it; a file that is no logo is refused, the current
        logo kept."""
        self.errors.clear()
        self.message.clear()
        try:
            logo = company.read_logo_file(path)
        except ValidationError as error:
            if self.errors.show(error):
                self.message.setText(error_text(error))
            return
        self._show_logo(logo.data)
        self.mark_dirty()

    def remove_logo(self) -> None:
        self._show_logo(None)
        self.mark_dirty()

    def submit(self) -> str:
        changed = company.save_company(self.ctx, company_name=self.name.text(), logo=self.logo)
        self.reload()
        if not changed:
            return self.tr("Nothing was changed.")
        return self.tr("Saved. Forms printed from now on show the new name and logo.")
