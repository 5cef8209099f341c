"""The main window shell on a demo database."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from reqdesk import i18n
from reqdesk.services.context import Context
from reqdesk.ui.main_window import MainWindow
from tests.helpers import signed_in


def make_window(qtbot, ctx: Context) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(ctx, "华东精工示范有限公司")
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    return window


def test_four_tabs_in_chinese_with_menus_and_status(qtbot, demo_ctx: Context) -> None:  # type: ignore[no-untyped-def]
    """Tabs 客户档案, 需求登记, 评审会签, 跟踪台账; status bar names user, site and database."""
    window = make_window(qtbot, signed_in(demo_ctx, "zhuguan"))
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles == ["客户档案", "需求登记", "评审会签", "跟踪台账"]
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["文件(&F)", "视图(&V)", "工具(&T)", "帮助(&H)"]
    assert "陈明" in window.user_label.text() and "主管" in window.user_label.text()
    assert window.site_label.text() == "站点：HQ"
    assert str(demo_ctx.db.sqlite_path) in window.database_label.text()


def test_customer_and_ledger_tabs_list_real_records(qtbot, demo_ctx: Context) -> None:  # type: ignore[no-untyped-def]
    """The first tab shows customers from the database; the ledger loads when opened."""
    window = make_window(qtbot, signed_in(demo_ctx, "kefu"))
    customers = window.customers_tab.panel
    assert customers.model.rowCount() == 40
    assert customers.model.data(customers.model.index(0, 0)) == "HQ-C-00001"
    assert customers.count_label.text() == "共 40 个客户"
    ledger = window.ledger_tab.panel
    assert ledger.model.rowCount() == 0  # not loaded before it is shown
    window.tabs.setCurrentIndex(3)
    assert ledger.model.rowCount() == 600
    assert ledger.model.data(ledger.model.index(0, 0)).startswith("HQ-RQ-2026-")


def test_search_box_filters_with_chinese_text(qtbot, demo_ctx: Context) -> None:  # type: ignore[no-untyped-def]
    """Typing Chinese in the search box narrows the list after a short pause."""
    window = make_window(qtbot, signed_in(demo_ctx, "kefu"))
    panel = window.customers_tab.panel
    name = panel.model.data(panel.model.index(3, 1))
    panel.search.setText(name)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=3000)
    assert panel.model.data(panel.model.index(0, 1)) == name


def test_ctrl_f_focuses_the_search_box(qtbot, demo_ctx: Context) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+F puts the cursor into the current tab's search box."""
    window = make_window(qtbot, signed_in(demo_ctx, "kefu"))
    with qtbot.waitActive(window):
        window.activateWindow()
    window.customers_tab.panel.table.setFocus()
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.customers_tab.panel.search.hasFocus, timeout=2000)


def test_ledger_stage_filter(qtbot, demo_ctx: Context) -> None:  # type: ignore[no-untyped-def]
    """Choosing a stage shows only requirements in that stage."""
    window = make_window(qtbot, signed_in(demo_ctx, "zhuguan"))
    window.tabs.setCurrentIndex(3)
    tab = window.ledger_tab
    tab.filters.stage.setCurrentIndex(tab.filters.stage.findText("已回访"))
    model = tab.panel.model
    assert 0 < model.rowCount() < 600
    assert {model.data(model.index(r, 8)) for r in range(model.rowCount())} == {"已回访"}


def test_english_is_available(qtbot, demo_ctx: Context) -> None:  # type: ignore[no-untyped-def]
    """With the English language the same window speaks English."""
    i18n.install("en")
    window = make_window(qtbot, signed_in(demo_ctx, "kefu"))
    assert window.tabs.tabText(0) == "Customer files"
    assert window.customers_tab.panel.model.headerData(1, Qt.Orientation.Horizontal) == (
        "Customer name"
    )


def test_window_renders_chinese(qtbot, demo_ctx: Context, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A grab of the window is a real picture (the bundled font is loaded by the app)."""
    from reqdesk.ui.app import application

    application()
    window = make_window(qtbot, signed_in(demo_ctx, "kefu"))
    image = window.grab().toImage()
    assert image.width() > 600 and image.height() > 400
    path = tmp_path / "window.png"
    assert image.save(str(path)) and path.stat().st_size > 10_000
