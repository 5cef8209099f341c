"""Tools → Holiday calendar: the administrator checks, corrects and enters working days."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from reqdesk.i18n import enum_label
from reqdesk.models.enums import DayKind
from reqdesk.services import calendar as cal
from reqdesk.services.context import Context
from reqdesk.services.errors import ReqdeskError
from reqdesk.services.sla import BUSINESS_TZ
from reqdesk.ui.form_fields import FormDateEdit
from reqdesk.ui.formatting import weekday_date_edit_format
from reqdesk.ui.messages import show_error


class CalendarDialog(QDialog):
    """One year at a time: its holidays and make-up working days, saved as a new version."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Holiday calendar"))
        self.resize(640, 560)
        self._loaded: list[cal.DayRow] = []
        self._shown_year: int | None = None
        self.year = QComboBox(self)
        self.year.currentIndexChanged.connect(self._year_chosen)
        add_year = QPushButton(self.tr("Add year…"), self)
        add_year.clicked.connect(self.add_year)
        import_button = QPushButton(self.tr("Import calendar file…"), self)
        import_button.clicked.connect(self.import_file)
        self.status = QLabel(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year"), self))
        top.addWidget(self.year)
        top.addWidget(add_year)
        top.addStretch(1)
        top.addWidget(import_button)

        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Kind"), self.tr("Name")])
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        add_day = QPushButton(self.tr("Add day"), self)
        add_day.clicked.connect(lambda: self.add_day(None, DayKind.HOLIDAY, ""))
        remove_day = QPushButton(self.tr("Remove day"), self)
        remove_day.clicked.connect(self.remove_selected)
        self.restore_button = QPushButton(self.tr("Restore official schedule"), self)
        self.restore_button.setToolTip(
            self.tr("Put back the State Council's schedule shipped with the program")
        )
        self.restore_button.clicked.connect(self.restore_official)
        save = QPushButton(self.tr("Save year"), self)
        save.clicked.connect(self.save)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        for button in (add_day, remove_day, self.restore_button):
            bottom.addWidget(button)
        bottom.addStretch(1)
        bottom.addWidget(save)
        bottom.addWidget(close)
        hint = QLabel(
            self.tr(
                "List the public holidays that fall on weekdays or weekends, and the weekend days "
                "that are worked (调休). Every other Monday–Friday is a working day. Saving a year "
                "marks its schedule as known, so its due dates are no longer provisional."
            ),
            self,
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        layout.addLayout(bottom)
        self.refresh_years()

    def refresh_years(self, select: int | None = None) -> None:
        self.years = {row.year: row for row in cal.calendar_years(self.ctx)}
        self._shown_year = None  # reloaded below; nothing unsaved to ask about
        self.year.blockSignals(True)
        self.year.clear()
        for year in sorted(self.years, reverse=True):
            self.year.addItem(str(year), year)
        self.year.blockSignals(False)
        target = select if select is not None else self.today().year
        index = self.year.findData(target)
        self.year.setCurrentIndex(max(index, 0))
        self.load_year()

    def today(self) -> date:
        return self.ctx.clock().astimezone(BUSINESS_TZ).date()

    def current_year(self) -> int:
        return int(self.year.currentData() or self.today().year)

    def has_changes(self) -> bool:
        return self._shown_year is not None and self.days() != self._loaded

    def _may_discard(self) -> bool:
        """True when nothing is unsaved, or the user agrees to discard it."""
        if not self.has_changes():
            return True
        answer = QMessageBox.question(
            self,
            self.windowTitle(),
            self.tr("The changes to {year} are not saved. Discard them?").format(
                year=self._shown_year
            ),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def _year_chosen(self) -> None:
        if self.current_year() == self._shown_year:
            return
        if not self._may_discard():
            self.year.blockSignals(True)
            self.year.setCurrentIndex(self.year.findData(self._shown_year))
            self.year.blockSignals(False)
            return
        self.load_year()

    def reject(self) -> None:
        if self._may_discard():
            super().reject()

    def load_year(self) -> None:
        year = self.current_year()
        self.table.setRowCount(0)
        for row in cal.year_days(self.ctx, year):
            self.add_day(row.day, row.kind, row.name)
        self._shown_year = year
        self._loaded = self.days()
        self.restore_button.setEnabled(year in cal.official_years())
        info = self.years.get(year)
        if info is None:
            self.status.setText(self.tr("{year}: not saved yet (provisional).").format(year=year))
        else:
            self.status.setText(
                self.tr(
                    "{year}: version {version}, from {source}; {holidays} holidays, {workdays} "
                    "make-up working days."
                ).format(
                    year=year,
                    version=info.version,
                    source=self.source_text(info.source),
                    holidays=info.holidays,
                    workdays=info.workdays,
                )
            )

    def source_text(self, source: str) -> str:
        if source == cal.OFFICIAL_SOURCE:
            return self.tr("the official schedule")
        if source.startswith("file:"):
            return self.tr("file {name}").format(name=source.removeprefix("file:"))
        return self.tr("entered by hand")

    def add_day(self, day: date | None, kind: DayKind, name: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        editor = FormDateEdit(self.table)
        editor.setDisplayFormat(weekday_date_edit_format())  # a holiday's weekday matters
        editor.setCalendarPopup(True)
        start = day or date(self.current_year(), 1, 1)
        editor.setDate(QDate(start.year, start.month, start.day))
        kinds = QComboBox(self.table)
        for value in DayKind:
            kinds.addItem(enum_label(value), value)
        kinds.setCurrentIndex(kinds.findData(kind))
        self.table.setCellWidget(row, 0, editor)
        self.table.setCellWidget(row, 1, kinds)
        self.table.setCellWidget(row, 2, QLineEdit(name, self.table))
        width = max(self.table.columnWidth(0), editor.sizeHint().width())
        self.table.setColumnWidth(0, width)  # the date and its weekday in full

    def remove_selected(self) -> None:
        for row in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(row)

    def days(self) -> list[cal.DayRow]:
        rows = []
        for row in range(self.table.rowCount()):
            day = self.table.cellWidget(row, 0).date()  # type: ignore[union-attr]
            kind = DayKind(self.table.cellWidget(row, 1).currentData())  # type: ignore[union-attr]
            name = self.table.cellWidget(row, 2).text()  # type: ignore[union-attr]
            rows.append(cal.DayRow(date(day.year(), day.month(), day.day()), kind, name))
        return rows

    def save(self) -> bool:
        year = self.current_year()
        try:
            version = cal.save_year(self.ctx, year, self.days())
        except ReqdeskError as error:
            show_error(self, self.windowTitle(), error)
            return False
        self.refresh_years(year)
        QMessageBox.information(
            self,
            self.windowTitle(),
            self.tr("{year} saved (version {version}).").format(year=year, version=version),
        )
        return True

    def restore_official(self) -> bool:
        year = self.current_year()
        answer = QMessageBox.question(
            self,
            self.windowTitle(),
            self.tr(
                "Replace the days of {year} with the official schedule shipped with the "
                "program? Days entered by hand for {year} are removed."
            ).format(year=year),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            version = cal.restore_official_year(self.ctx, year)
        except ReqdeskError as error:
            show_error(self, self.windowTitle(), error)
            return False
        self.refresh_years(year)
        QMessageBox.information(
            self,
            self.windowTitle(),
            self.tr("{year} saved (version {version}).").format(year=year, version=version),
        )
        return True

    def add_year(self) -> None:
        year, ok = QInputDialog.getInt(
            self, self.tr("Add year"), self.tr("Year"), self.today().year + 1, 2000, 2100
        )
        if ok:
            if self.year.findData(year) < 0:
                self.year.addItem(str(year), year)
            self.year.setCurrentIndex(self.year.findData(year))

    def import_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import calendar file"), "", self.tr("Calendar files (*.csv *.txt)")
        )
        if name:
            self.import_path(Path(name))

    def import_path(self, path: Path) -> dict[int, int] | None:
        if not self._may_discard():
            return None
        try:
            versions = cal.import_calendar_file(self.ctx, path)
        except ReqdeskError as error:
            show_error(self, self.windowTitle(), error)
            return None
        except OSError as error:
            show_error(self, self.windowTitle(), f"{path}: {error.strerror or error}")
            return None
        self.refresh_years(max(versions))
        QMessageBox.information(
            self,
            self.windowTitle(),
            self.tr(
                "Imported from {file}: {years}. The file's days were added; days it does not "
                "list were kept."
            ).format(
                file=path.name,
                years=", ".join(
                    self.tr("{year} (version {version})").format(year=y, version=v)
                    for y, v in sorted(versions.items())
                ),
            ),
        )
        return versions
