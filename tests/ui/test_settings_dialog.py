"""Tools → Settings…: the pages a role may use, and unsaved edits asked about."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from reqdesk.services.context import Context
from reqdesk.services.setup import company_name
from reqdesk.ui.main_window import MainWindow
from reqdesk.ui.settings.company_page import CompanyPage
from reqdesk.ui.settings.dialog import SettingsDialog
from tests.helpers import signed_in

EVERY_PAGE = [
    "公司",
    "服务时限",
    "评审阈值",
    "节假日日历",
    "部门",
    "用户",
    "数据库",
    "备份",
    "语言",
]


def dialog_for(qtbot: Any, ctx: Context) -> SettingsDialog:
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


@pytest.mark.parametrize(
    ("username", "pages"),
    [
        ("admin", EVERY_PAGE),
        ("kefu", ["语言"]),
        ("zhuguan", ["语言"]),
        ("xiaoshou", ["语言"]),
    ],
)
def test_each_role_sees_the_pages_it_may_use(
    qtbot: Any, demo_ctx: Context, username: str, pages: list[str]
) -> None:
    dialog = dialog_for(qtbot, signed_in(demo_ctx, username))
    assert list(dialog.pages) == pages
    assert [dialog.subjects.item(i).text() for i in range(dialog.subjects.count())] == pages
    assert all(not dialog.subjects.item(i).icon().isNull() for i in range(len(pages)))


def test_every_page_shows_when_chosen(qtbot: Any, demo_ctx: Context) -> None:
    dialog = dialog_for(qtbot, signed_in(demo_ctx, "admin"))
    for row, title in enumerate(EVERY_PAGE):
        dialog.subjects.setCurrentRow(row)
        assert dialog.stack.currentWidget() is dialog.pages[title]


def test_unsaved_edits_are_asked_about_before_switching_or_closing(
    qtbot: Any, demo_ctx: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = dialog_for(qtbot, signed_in(demo_ctx, "admin"))
    company = dialog.show_page("公司")
    assert isinstance(company, CompanyPage)
    company.name.setText("改了名还没保存的公司")
    answers: list[str] = []

    def cancel(*_args: Any, **_kwargs: Any) -> QMessageBox.StandardButton:
        answers.append("cancel")
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", staticmethod(cancel))
    dialog.subjects.setCurrentRow(EVERY_PAGE.index("语言"))
    assert dialog.stack.currentWidget() is company and dialog.subjects.currentRow() == 0
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and answers == ["cancel", "cancel"]
    assert company.name.text() == "改了名还没保存的公司"


def test_a_renamed_company_shows_in_the_window_title(
    qtbot: Any, demo_ctx: Context, on_dialog: Any
) -> None:
    ctx = signed_in(demo_ctx, "admin")
    window = MainWindow(ctx, company_name(ctx))
    qtbot.addWidget(window)

    def rename(dialog: SettingsDialog) -> None:
        page = dialog.show_page("公司")
        page.name.setText("华东精工新名称有限公司")  # type: ignore[attr-defined]
        page.save_button.click()  # type: ignore[attr-defined]
        dialog.reject()

    on_dialog(SettingsDialog, rename)
    result = window.edit_settings()
    assert result.result() == QDialog.DialogCode.Rejected
    assert company_name(ctx) == "华东精工新名称有限公司"
    assert window.windowTitle() == "reqdesk — 华东精工新名称有限公司"
