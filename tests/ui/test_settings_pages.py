"""Settings pages driven as a user would: Company, Service levels, Backups, Language and
Database; refusals keep the input; the daily backup and the start-up dialog follow the
backup settings."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTime
from PySide6.QtWidgets import QFileDialog, QLabel, QLineEdit, QMainWindow
from sqlalchemy import select

from reqdesk import backups, i18n, local_settings, paths
from reqdesk.backups import BackupKind, Rotation
from reqdesk.db import Database
from reqdesk.models import AuditEntry
from reqdesk.models.enums import Urgency
from reqdesk.services import backup_settings, company, sla_settings
from reqdesk.services.backups import back_up_now
from reqdesk.services.context import Context
from reqdesk.services.database_probe import CONTEXT as PROBE
from reqdesk.services.sla import DEFAULT_POLICY, Target
from reqdesk.ui.settings.backup_page import BackupPage
from reqdesk.ui.settings.company_page import CompanyPage
from reqdesk.ui.settings.local_page import DatabasePage, LanguagePage
from reqdesk.ui.settings.sla_page import HOURS, SlaPage
from reqdesk.ui.startup import StartupProblemBox, open_or_recover, start_daily_backup
from tests.helpers import signed_in
from tests.logo_pictures import png_logo
from tests.reliability.test_backups import corrupt_pages
from tests.ui.test_startup_recovery import _answer_yes, _choose


@pytest.fixture(autouse=True)
def own_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This test's own data folder, so that its settings file starts empty."""
    folder = tmp_path / "data"
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(folder))
    monkeypatch.delenv(local_settings.DB_ENV, raising=False)
    return folder


def page_of(qtbot: Any, factory: Callable[[Context], Any], ctx: Context) -> Any:
    page = factory(ctx)
    qtbot.addWidget(page)
    page.show()
    return page


def pick_file(path: Path) -> Callable[[QFileDialog], None]:
    def pick(dialog: QFileDialog) -> None:  # types the path, as a user would
        dialog.findChild(QLineEdit, "fileNameEdit").setText(str(path))
        dialog.accept()

    return pick


def field_error(page: Any, name: str) -> str:
    label = page.findChild(QLabel, f"error_{name}")
    return label.text() if label is not None and label.isVisibleTo(page) else ""


def audited(ctx: Context, entity_type: str) -> list[dict[str, Any]]:
    with ctx.reading() as session:
        rows = session.scalars(
            select(AuditEntry).where(AuditEntry.entity_type == entity_type).order_by(AuditEntry.id)
        ).all()
        return [{"user": r.username, **json.loads(r.details)} for r in rows]


# --- Company ------------------------------------------------------------------------------


def test_company_name_and_a_chosen_logo_are_saved(
    qtbot: Any, admin_ctx: Context, on_dialog: Any, tmp_path: Path
) -> None:
    logo_file = tmp_path / "logo.png"
    logo_file.write_bytes(png_logo())
    page = page_of(qtbot, CompanyPage, admin_ctx)
    assert page.site.text() == "SH01" and "SH01-RQ-2026-00001" in page.site_reason.text()
    assert not page.save_button.isEnabled() and not page.remove_button.isEnabled()
    page.name.setText("苏州精工机械有限公司")
    on_dialog(QFileDialog, pick_file(logo_file))
    page.choose_button.click()
    assert not page.preview.pixmap().isNull() and page.remove_button.isEnabled()
    with qtbot.waitSignal(page.saved, timeout=1000):
        page.save_button.click()
    info = company.get_company(admin_ctx)
    assert info.company_name == "苏州精工机械有限公司"
    assert info.logo is not None and info.logo.width == 600
    assert page.notice.text() and not page.save_button.isEnabled()
    assert audited(admin_ctx, "setting")[-1]["logo"]["after"]["width"] == 600


def test_a_file_that_is_no_picture_is_refused_and_the_logo_kept(
    qtbot: Any, admin_ctx: Context, on_dialog: Any, tmp_path: Path
) -> None:
    company.save_company(admin_ctx, company_name="测试精密机械有限公司", logo=png_logo())
    fake = tmp_path / "logo.png"
    fake.write_text("a text file with a picture's name")
    page = page_of(qtbot, CompanyPage, admin_ctx)
    page.name.setText("改过的名称")
    on_dialog(QFileDialog, pick_file(fake))
    page.choose_button.click()
    assert "PNG" in field_error(page, "logo")
    assert not page.preview.pixmap().isNull()
    assert page.name.text() == "改过的名称" and page.is_modified()


def test_an_empty_name_is_refused_beside_the_field(qtbot: Any, admin_ctx: Context) -> None:
    page = page_of(qtbot, CompanyPage, admin_ctx)
    page.name.setText("   ")
    assert not page.save()
    assert field_error(page, "company_name") and page.name.text() == "   "
    assert company.get_company(admin_ctx).company_name == "测试精密机械有限公司"


def test_leaving_with_unsaved_edits_asks_and_discarding_restores(
    qtbot: Any, admin_ctx: Context, message_boxes: list[tuple[str, str]]
) -> None:
    company.save_company(admin_ctx, company_name="测试精密机械有限公司", logo=png_logo())
    page = page_of(qtbot, CompanyPage, admin_ctx)
    page.remove_button.click()
    assert page.preview.pixmap().isNull() and page.is_modified()
    assert page.may_leave()  # the test's message boxes answer Discard
    assert message_boxes[-1][0] == "question"
    assert not page.preview.pixmap().isNull() and not page.is_modified()
    assert company.get_company(admin_ctx).logo is not None


# --- Service levels -----------------------------------------------------------------------


def test_service_levels_are_saved(qtbot: Any, admin_ctx: Context) -> None:
    page = page_of(qtbot, SlaPage, admin_ctx)
    urgent = page.first[Urgency.URGENT]
    assert urgent.unit.currentData() == HOURS and urgent.amount.value() == 4
    urgent.amount.setValue(2)
    page.workday_end.setTime(QTime(18, 0))
    assert page.save_button.isEnabled()
    page.save_button.click()
    policy = sla_settings.get_sla_policy(admin_ctx)
    assert policy.first_response[Urgency.URGENT] == Target(hours=2)
    assert policy.workday_end == time(18, 0)
    assert policy.plan == DEFAULT_POLICY.plan
    assert audited(admin_ctx, "setting")[-1]["key"] == "sla_policy"


def test_a_plan_before_the_first_response_is_refused_and_kept(
    qtbot: Any, admin_ctx: Context
) -> None:
    page = page_of(qtbot, SlaPage, admin_ctx)
    plan = page.plan[Urgency.URGENT]
    plan.unit.setCurrentIndex(plan.unit.findData(HOURS))
    plan.amount.setValue(1)  # the first response is due in 4 hours
    page.workday_end.setTime(QTime(9, 0))
    page.save_button.click()
    assert field_error(page, "plan.urgent")
    assert field_error(page, "workday_end")
    assert plan.amount.value() == 1 and page.workday_end.time() == QTime(9, 0)
    assert sla_settings.get_sla_policy(admin_ctx) == DEFAULT_POLICY


def test_a_plan_step_can_be_switched_off(qtbot: Any, admin_ctx: Context) -> None:
    page = page_of(qtbot, SlaPage, admin_ctx)
    plan = page.plan[Urgency.IMPORTANT]
    plan.unit.setCurrentIndex(plan.unit.findData("none"))
    assert not plan.amount.isEnabled()
    assert page.save()
    assert sla_settings.get_sla_policy(admin_ctx).plan[Urgency.IMPORTANT] is None


# --- Backups ------------------------------------------------------------------------------


def test_backup_folder_and_rotation_are_saved(
    qtbot: Any, admin_ctx: Context, tmp_path: Path, on_dialog: Any
) -> None:
    page = page_of(qtbot, BackupPage, admin_ctx)
    assert str(paths.backups_dir(admin_ctx.db.sqlite_path)) in page.folder.placeholderText()  # type: ignore[arg-type]
    folder = tmp_path / "copies"
    folder.mkdir()
    on_dialog(QFileDialog, pick_file(folder))
    page.browse_button.click()
    assert Path(page.folder.text()) == folder
    page.daily.setValue(3)
    page.save_button.click()
    stored = backup_settings.get_backup_settings(admin_ctx)
    assert stored.folder == folder and stored.rotation == Rotation(3, 4, 12)
    assert str(folder) in page.notice.text()
    page.default_button.click()
    assert page.save()
    assert backup_settings.get_backup_settings(admin_ctx).folder is None


def test_a_folder_that_cannot_be_written_is_refused(
    qtbot: Any, admin_ctx: Context, tmp_path: Path
) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the folder should be")
    page = page_of(qtbot, BackupPage, admin_ctx)
    page.folder.setText(str(blocker / "backups"))
    assert not page.save()
    assert str(blocker) in field_error(page, "folder")
    assert page.folder.text() == str(blocker / "backups") and page.is_modified()
    assert backup_settings.get_backup_settings(admin_ctx) == backup_settings.DEFAULT


def _wait_for_backup(qtbot: Any, window: QMainWindow, db: Database) -> None:
    task = start_daily_backup(db, window)
    assert task is not None
    qtbot.waitUntil(lambda: bool(window.statusBar().currentMessage()), timeout=15_000)


def test_the_daily_backup_at_start_uses_the_folder_and_rotation(
    qtbot: Any, admin_ctx: Context, tmp_path: Path
) -> None:
    """Three older daily backups in the chosen folder; the rotation keeps two in all."""
    folder = tmp_path / "copies"
    backup_settings.save_backup_settings(admin_ctx, folder, Rotation(2, 0, 0))
    db_file = admin_ctx.db.sqlite_path
    assert db_file is not None
    now = datetime.now()
    for days in (1, 2, 3):
        backups.take_backup(
            db_file, kind=BackupKind.DAILY, now=now - timedelta(days=days), folder=folder
        )
    window = QMainWindow()
    qtbot.addWidget(window)
    _wait_for_backup(qtbot, window, admin_ctx.db)
    kept = backups.list_backups(db_file, folder)
    assert [b.taken_at.date() for b in kept] == [now.date(), (now - timedelta(days=1)).date()]
    assert kept[0].path.name in window.statusBar().currentMessage()
    assert not backups.list_backups(db_file)  # nothing beside the database
    assert local_settings.remembered_backup_folder(db_file) == folder


def test_an_unusable_folder_at_start_is_told_and_the_backup_made_anyway(
    qtbot: Any, admin_ctx: Context, tmp_path: Path, message_boxes: list[tuple[str, str]]
) -> None:
    folder = tmp_path / "usb"
    backup_settings.save_backup_settings(admin_ctx, folder, Rotation())
    shutil.rmtree(folder)
    folder.write_text("not a folder any more")
    window = QMainWindow()
    qtbot.addWidget(window)
    _wait_for_backup(qtbot, window, admin_ctx.db)
    db_file = admin_ctx.db.sqlite_path
    assert db_file is not None
    assert len(backups.list_backups(db_file)) == 1  # beside the database
    assert message_boxes[0][0] == "warning" and str(folder) in message_boxes[0][1]


def test_start_up_recovery_restores_from_the_chosen_folder(
    qtbot: Any,
    on_dialog: Any,
    admin_ctx: Context,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The file is too damaged to read its settings: this PC remembers the folder chosen
    on the Backups page, and the backup there is offered."""
    folder = tmp_path / "copies"
    page = page_of(qtbot, BackupPage, admin_ctx)
    page.folder.setText(str(folder))
    assert page.save()
    made = back_up_now(admin_ctx)
    path = admin_ctx.db.sqlite_path
    assert path is not None and made.parent == folder
    admin_ctx.db.dispose()
    corrupt_pages(path)
    _answer_yes(monkeypatch, [])
    choose = _choose("restore_button")
    on_dialog(StartupProblemBox, choose)
    db = open_or_recover(path)
    assert db is not None
    db.dispose()
    _text, informative, offered = choose.seen[0]  # type: ignore[attr-defined]
    assert offered and str(made) in informative


def test_start_up_recovery_names_a_folder_that_is_gone(
    qtbot: Any, on_dialog: Any, admin_ctx: Context, tmp_path: Path
) -> None:
    """The folder chosen on this PC is unreachable: the dialog says so and searches beside
    the file."""
    folder = tmp_path / "usb"
    page = page_of(qtbot, BackupPage, admin_ctx)
    page.folder.setText(str(folder))
    assert page.save()
    path = admin_ctx.db.sqlite_path
    assert path is not None
    beside = backups.take_backup(path, kind=BackupKind.DAILY, now=datetime(2026, 11, 20, 8, 0))
    admin_ctx.db.dispose()
    shutil.rmtree(folder)
    corrupt_pages(path)
    choose = _choose("quit_button")
    on_dialog(StartupProblemBox, choose)
    assert open_or_recover(path) is None
    _text, informative, offered = choose.seen[0]  # type: ignore[attr-defined]
    assert offered and beside.name in informative and str(folder) in informative


# --- Language and database (this PC) -----------------------------------------------------


def test_anyone_chooses_the_language_for_the_next_start(qtbot: Any, demo_ctx: Context) -> None:
    desk = signed_in(demo_ctx, "kefu")
    page = page_of(qtbot, LanguagePage, desk)
    assert page.language.currentData() == "zh_CN"
    page.language.setCurrentIndex(page.language.findData("en"))
    page.save_button.click()
    assert local_settings.language() == "en"
    assert i18n.choose_language(None) == "en"
    assert i18n.current_language() == "zh_CN"  # applies after a restart
    assert "English" in page.notice.text()
    entry = audited(desk, "local_setting")[-1]
    assert (entry["user"], entry["key"], entry["after"]) == ("kefu", "language", "en")


def test_a_settings_file_that_cannot_be_written_is_refused(
    qtbot: Any, admin_ctx: Context, own_data_folder: Path
) -> None:
    own_data_folder.write_text("the data folder's place is taken by a file")
    page = page_of(qtbot, LanguagePage, admin_ctx)
    page.language.setCurrentIndex(page.language.findData("en"))
    assert not page.save()
    assert "reqdesk.ini" in page.message.text() and page.is_modified()
    assert audited(admin_ctx, "local_setting") == []


def test_the_database_is_chosen_tested_and_saved(
    qtbot: Any, admin_ctx: Context, tmp_path: Path, on_dialog: Any
) -> None:
    page = page_of(qtbot, DatabasePage, admin_ctx)
    assert page.kind() == "default" and not page.file.isEnabled()
    page.sqlite_choice.click()
    branch = tmp_path / "branch.db"
    on_dialog(QFileDialog, pick_file(branch))
    page.browse_button.click()
    assert page.file.text() == str(branch)
    page.test_button.click()
    qtbot.waitUntil(lambda: page.test_button.isEnabled(), timeout=10_000)
    expected = i18n.translate(
        PROBE,
        "There is no database at {db} yet. reqdesk will create a new one there at the "
        "next start and ask for the company, site and administrator.",
    ).format(db=branch)
    assert page.test_result.text() == expected
    page.save_button.click()
    assert local_settings.database() == str(branch)
    assert local_settings.choose_database(None) == str(branch)
    assert str(branch) in page.notice.text()
    entry = audited(admin_ctx, "local_setting")[-1]
    assert (entry["key"], entry["before"], entry["after"]) == ("database", "", str(branch))


def test_testing_the_open_database_names_the_company(qtbot: Any, admin_ctx: Context) -> None:
    page = page_of(qtbot, DatabasePage, admin_ctx)
    page.sqlite_choice.click()
    page.file.setText(str(admin_ctx.db.sqlite_path))
    page.test_button.click()
    qtbot.waitUntil(lambda: page.test_button.isEnabled(), timeout=10_000)
    assert "测试精密机械有限公司" in page.test_result.text()


def test_a_bad_address_is_refused_beside_the_field_and_kept(qtbot: Any, admin_ctx: Context) -> None:
    page = page_of(qtbot, DatabasePage, admin_ctx)
    page.postgresql_choice.click()
    page.address.setText("mysql://desk@server/reqdesk")
    page.test_button.click()
    qtbot.waitUntil(lambda: page.test_button.isEnabled(), timeout=10_000)
    assert "mysql" in page.test_result.text()
    assert not page.save()
    assert "mysql" in field_error(page, "database")
    assert page.address.text() == "mysql://desk@server/reqdesk" and page.is_modified()
    assert local_settings.database() is None
    assert audited(admin_ctx, "local_setting") == []


def test_a_stored_postgresql_address_is_shown_as_such(qtbot: Any, admin_ctx: Context) -> None:
    local_settings.set_database("postgresql+psycopg://desk@server/reqdesk")
    page = page_of(qtbot, DatabasePage, admin_ctx)
    assert page.kind() == "postgresql" and page.address.isEnabled()
    assert page.address.text() == "postgresql+psycopg://desk@server/reqdesk"
    page.default_choice.click()
    assert page.save()
    assert local_settings.database() is None


def test_the_chosen_language_is_spoken_at_the_next_start(
    qtbot: Any, admin_ctx: Context, own_data_folder: Path
) -> None:
    """English chosen on the page: the program started afterwards speaks English, in the
    window's texts and on the command line; Chinese chosen again, Chinese again."""
    import os
    import subprocess
    import sys

    from reqdesk.ui.main_window import MainWindow

    page = page_of(qtbot, LanguagePage, admin_ctx)

    def choose(language: str) -> None:
        page.language.setCurrentIndex(page.language.findData(language))
        page.save_button.click()

    def next_start_says() -> str:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")  # REQDESK_DATA_DIR: this test's
        env.pop(i18n.LANG_ENV, None)
        done = subprocess.run(
            [sys.executable, "-m", "reqdesk", "check", "--db", str(admin_ctx.db.sqlite_path)],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            stdin=subprocess.DEVNULL,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    choose("en")
    assert "no problems found" in next_start_says()
    i18n.install(i18n.choose_language(None))  # what the program does when it starts
    try:
        window = MainWindow(admin_ctx, "Company")
        qtbot.addWidget(window)
        assert window.tabs.tabText(0) == "Customer files"
    finally:
        i18n.install("zh_CN")
    choose("zh_CN")
    assert "未发现问题" in next_start_says()
