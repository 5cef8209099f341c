"""Tools → Sync driven as a supervisor would: real sites, real package files, real
conflicts (tests/services/sync_world.py), files chosen through the file dialog."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QLineEdit, QMenu, QTableWidget

from reqdesk.i18n import error_text
from reqdesk.models import Customer
from reqdesk.services.sync.conflicts import count_open_conflicts, list_conflicts
from reqdesk.services.sync.importing import import_package, preview_package
from reqdesk.services.sync.package import PackageRefused
from reqdesk.ui.form_fields import ERROR_STYLE
from reqdesk.ui.main_window import MainWindow
from reqdesk.ui.sync.dialog import SyncDialog
from reqdesk.ui.sync.import_box import ImportBox
from reqdesk.ui.sync.labels import column_label, table_label
from tests.services.sync_world import Site
from tests.services.workflow_inputs import empty_template


@pytest.fixture
def sites(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Site]:
    template = empty_template(tmp_path_factory)
    return {code: Site.copied(template, tmp_path / code, code) for code in ("HQ", "BJ", "SZ")}


def open_dialog(qtbot: Any, site: Site, username: str = "zhuguan") -> SyncDialog:
    dialog = SyncDialog(site.as_(username))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def type_file(path: Path, seen: list[str] | None = None) -> Callable[[QFileDialog], None]:
    """Types ``path`` into the file dialog, as a user would; ``seen`` gets the name it offered."""

    def pick(dialog: QFileDialog) -> None:
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        assert name is not None
        if seen is not None:
            seen.append(name.text())
        name.setText(str(path))
        dialog.accept()

    return pick


def choose(qtbot: Any, on_dialog: Any, box: ImportBox, path: Path) -> None:
    on_dialog(QFileDialog, type_file(path))
    box.choose_button.click()
    qtbot.waitUntil(lambda: not box.runner.busy, timeout=10_000)


def numbers(text: str) -> list[int]:
    return [int(n.replace(",", "")) for n in re.findall(r"\d[\d,]*", text)]


def texts(table: QTableWidget) -> list[list[str]]:
    return [
        [item.text() if (item := table.item(r, c)) else "" for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def make_conflict(hq: Site, bj: Site) -> Path:
    """A BJ customer that HQ has; both then change its address: BJ's next package conflicts."""
    customer = bj.new_customer()
    hq.import_(bj.export_to("HQ"))
    bj.edit_customer(customer, "北京市海淀区中关村大街1号")
    hq.edit_customer(customer, "上海市浦东新区张江路2号")
    return bj.export_to("HQ")


def test_export_writes_a_package_that_another_site_imports(
    qtbot: Any, sites: dict[str, Site], on_dialog: Any, tmp_path: Path
) -> None:
    """Typed "hq" becomes HQ, the file dialog offers BJ-to-HQ-<date>.reqsync, the written
    package brings BJ's new customer to HQ, and the sites list counts the export."""
    hq, bj = sites["HQ"], sites["BJ"]
    customer = bj.new_customer()
    dialog = open_dialog(qtbot, bj)
    box = dialog.export_box
    box.site_edit.clear()
    qtbot.keyClicks(box.site_edit, "hq")
    assert box.site.currentText() == "HQ"
    target, offered = tmp_path / "out" / "to-head-office.reqsync", list[str]()
    target.parent.mkdir()
    on_dialog(QFileDialog, type_file(target, offered))
    with qtbot.waitSignal(box.exported, timeout=10_000) as done:
        box.export_button.click()
    assert re.fullmatch(r"BJ-to-HQ-\d{8}\.reqsync", offered[0])
    result = done.args[0]
    assert target.exists() and result.path == target and result.target_site == "HQ"
    assert str(target) in box.message.text()
    assert str(result.sequence) in box.message.text()
    assert f"{result.records:,}" in box.message.text()
    assert dialog.peers.row_texts()[0][:2] == ["HQ", "1"]

    summary = hq.import_(target)
    assert summary.source_site == "BJ" and summary.new >= 1
    assert hq.maybe_id(Customer, customer) is not None


def test_exporting_to_this_sites_own_code_is_refused_in_the_dialog(
    qtbot: Any, sites: dict[str, Site]
) -> None:
    """The service's sentence shows under the site; no file is written, no box pops up."""
    dialog = open_dialog(qtbot, sites["BJ"])
    box = dialog.export_box
    box.site.setEditText("BJ")
    target = sites["BJ"].out / "self.reqsync"
    box.export_to(target)
    qtbot.waitUntil(lambda: not box.runner.busy, timeout=10_000)
    assert "BJ" in box.message.text() and box.message.styleSheet() == ERROR_STYLE
    assert not target.exists() and box.last is None


def test_import_previews_then_shows_the_services_summary(
    qtbot: Any, sites: dict[str, Site], on_dialog: Any, message_boxes: Any
) -> None:
    """Choosing a package changes nothing and shows where it is from; Import then shows the
    same figures the service gives another site for the same package."""
    hq, bj, sz = sites["HQ"], sites["BJ"], sites["SZ"]
    customer = bj.new_customer()
    bj.dispatch(bj.register(customer))
    package = bj.export_to(None)
    dialog = open_dialog(qtbot, hq)
    box = dialog.import_box
    choose(qtbot, on_dialog, box, package)
    manifest = preview_package(hq.as_("zhuguan"), package)
    assert box.manifest == manifest and box.import_button.isEnabled()
    assert "BJ" in box.preview.text() and f"{sum(manifest.counts.values()):,}" in box.preview.text()
    assert table_label("customer") in box.preview.text()
    assert hq.maybe_id(Customer, customer) is None  # nothing applied yet

    with qtbot.waitSignal(box.imported, timeout=10_000):
        box.import_button.click()
    expected = import_package(sz.as_("zhuguan"), package)  # the same package, a twin site
    assert hq.maybe_id(Customer, customer) is not None
    first_line = box.message.text().splitlines()[0]
    assert numbers(first_line) == [
        expected.sequence,
        expected.new,
        expected.updated,
        expected.conflicts,
        expected.skipped,
        expected.deleted,
    ]
    assert texts(box.by_table) == [
        [table_label(name), str(c.new), str(c.updated), str(c.conflicts), str(c.skipped)]
        for name, c in expected.by_table.items()
    ]
    assert not box.import_button.isEnabled() and not box.conflicts_button.isVisible()
    assert dialog.peers.row_texts()[0][0] == "BJ" and dialog.peers.row_texts()[0][3] == "1"
    assert message_boxes == []


def test_a_damaged_file_shows_the_refusal_and_changes_nothing(
    qtbot: Any, sites: dict[str, Site], on_dialog: Any, message_boxes: Any, tmp_path: Path
) -> None:
    """A text file named .reqsync: the service's one sentence in the dialog, no traceback,
    no Import button, the database as it was."""
    hq = sites["HQ"]
    damaged = tmp_path / "from-branch.reqsync"
    damaged.write_text("这不是同步包\n", encoding="utf-8")
    with pytest.raises(PackageRefused) as refused:
        preview_package(hq.as_("zhuguan"), damaged)
    before = hq.snapshot()
    dialog = open_dialog(qtbot, hq)
    box = dialog.import_box
    choose(qtbot, on_dialog, box, damaged)
    assert box.message.text() == error_text(refused.value)
    assert box.message.styleSheet() == ERROR_STYLE and box.message.isVisible()
    assert "Traceback" not in box.message.text()
    assert not box.import_button.isEnabled() and box.manifest is None
    assert message_boxes == []
    assert hq.snapshot() == before
    assert dialog.peers.rowCount() == 0


def test_a_package_for_another_site_is_refused_before_importing(
    qtbot: Any, sites: dict[str, Site], on_dialog: Any
) -> None:
    """A package BJ wrote for SZ, chosen at HQ: the refusal names SZ; nothing to import."""
    package = sites["BJ"].export_to("SZ")
    dialog = open_dialog(qtbot, sites["HQ"])
    choose(qtbot, on_dialog, dialog.import_box, package)
    assert "SZ" in dialog.import_box.message.text()
    assert not dialog.import_box.import_button.isEnabled()


def test_a_conflicting_import_lists_the_conflict_until_it_is_reviewed(
    qtbot: Any, sites: dict[str, Site], on_dialog: Any
) -> None:
    """Both sites changed one address: the import counts one conflict, the conflicts tab
    shows both addresses side by side with the address marked as the difference, and Mark
    as reviewed takes it off the open list (it stays under "show reviewed", with the note)."""
    hq, bj = sites["HQ"], sites["BJ"]
    package = make_conflict(hq, bj)
    dialog = open_dialog(qtbot, hq)
    box, page = dialog.import_box, dialog.conflicts
    assert page.table.rowCount() == 0
    choose(qtbot, on_dialog, box, package)
    with qtbot.waitSignal(box.imported, timeout=10_000) as done:
        box.import_button.click()
    assert done.args[0].conflicts == 1 and box.conflicts_button.isVisible()
    box.conflicts_button.click()
    assert dialog.tabs.currentWidget() is page
    assert "1" in dialog.tabs.tabText(dialog.tabs.indexOf(page))

    [conflict] = list_conflicts(hq.as_("zhuguan"))
    assert page.table.rowCount() == 1 and conflict.label in texts(page.table)[0][1]
    detail = page.detail
    assert detail.differing_rows() == [column_label("address")]
    assert texts(detail.versions)[0][1:] == [
        conflict.kept.data["address"],
        conflict.other.data["address"],
    ]
    assert {conflict.kept.data["address"], conflict.other.data["address"]} == {
        "北京市海淀区中关村大街1号",
        "上海市浦东新区张江路2号",
    }
    assert conflict.kept.site in detail.rule.text() and conflict.home_site in detail.rule.text()

    detail.note.setText("已电话核实，以北京地址为准")
    detail.review_button.click()
    assert page.table.rowCount() == 0 and count_open_conflicts(hq.as_("zhuguan")) == 0
    assert not detail.review_button.isEnabled()
    assert dialog.tabs.tabText(dialog.tabs.indexOf(page)) == dialog.conflicts_title(0)
    page.show_reviewed.setChecked(True)
    assert page.table.rowCount() == 1 and not page.table.isColumnHidden(5)
    assert "已电话核实" in detail.reviewed.text() and not detail.review_button.isEnabled()


def test_escape_closes_the_dialog_and_the_site_has_the_focus(
    qtbot: Any, sites: dict[str, Site]
) -> None:
    """The site to send to has the cursor at first; Esc closes."""
    dialog = open_dialog(qtbot, sites["HQ"])
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    assert dialog.focusWidget() is dialog.export_box.site
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_the_dialog_stays_open_while_a_package_is_written(
    qtbot: Any, sites: dict[str, Site]
) -> None:
    """Close (and Esc) wait for the export running in the background; then they close."""
    dialog = open_dialog(qtbot, sites["BJ"])
    box = dialog.export_box
    box.site.setEditText("HQ")
    with qtbot.waitSignal(box.exported, timeout=10_000):
        box.export_to(sites["BJ"].out / "busy.reqsync")
        dialog.reject()  # the result reaches the GUI thread only after this
        assert dialog.isVisible() and dialog.busy()
    dialog.reject()
    assert not dialog.isVisible()


def sync_action(window: MainWindow) -> list[QAction]:
    text = QCoreApplication.translate("MainWindow", "S&ync…")
    menus = [m for a in window.menuBar().actions() if isinstance(m := a.menu(), QMenu)]
    return [action for menu in menus for action in menu.actions() if action.text() == text]


def test_the_sync_menu_entry_is_there_for_the_supervisor_only(
    qtbot: Any, sites: dict[str, Site], on_dialog: Any
) -> None:
    """An operator has no Tools → Sync; the supervisor's opens the dialog, with an icon."""
    hq = sites["HQ"]
    operator = MainWindow(hq.as_("kefu"), "华东精工")
    qtbot.addWidget(operator)
    assert sync_action(operator) == []
    supervisor = MainWindow(hq.as_("zhuguan"), "华东精工")
    qtbot.addWidget(supervisor)
    [action] = sync_action(supervisor)
    assert not action.icon().isNull()
    opened: list[str] = []

    def look_and_close(dialog: SyncDialog) -> None:
        opened.append(dialog.windowTitle())
        dialog.reject()

    on_dialog(SyncDialog, look_and_close)
    action.trigger()
    assert opened and "HQ" in opened[0]
