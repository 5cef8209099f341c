"""The README's pictures: each tab of the main window and printed forms, rendered from a
fresh demo database (``python3 dev.py screenshot``).

python -m reqdesk.ui.screenshot OUT_DIR [--lang zh_CN|en]
"""

from __future__ import annotations

import argparse
import os
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

AS_OF = date(2026, 11, 20)
TABS = ("customers", "registration", "reviews", "ledger")


def _settle(rounds: int = 8) -> None:
    from PySide6.QtWidgets import QApplication

    for _ in range(rounds):
        QApplication.processEvents()


def _wait(done: Callable[[], bool], rounds: int = 400) -> None:
    import time

    for _ in range(rounds):
        _settle(1)
        if done():
            return
        time.sleep(0.01)
    raise RuntimeError("the screenshot timed out")


def render_pdf_page(pdf: Path, out: Path, *, page: int = 0, width: int = 1100) -> Path:
    """Page ``page`` of ``pdf`` as a PNG ``width`` pixels wide (QtPdf)."""
    from PySide6.QtCore import QSize
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    document.load(str(pdf))
    size = document.pagePointSize(page)
    height = round(width * size.height() / size.width())
    document.render(page, QSize(width, height)).save(str(out))
    document.close()
    return out


def _window(folder: Path):  # type: ignore[no-untyped-def]
    from reqdesk.db import open_database
    from reqdesk.services import auth
    from reqdesk.services.demo import DEMO_PASSWORD, generate_demo
    from reqdesk.services.setup import company_name, open_context
    from reqdesk.ui.main_window import MainWindow

    db = open_database(folder / "screenshot.db")
    generate_demo(db, customers=80, requirements=1500, seed=7, as_of=AS_OF)
    ctx = open_context(db)
    actor = auth.login(ctx, "zhuguan", DEMO_PASSWORD)
    window = MainWindow(ctx.as_actor(actor), company_name(ctx))
    window.resize(1360, 800)
    # The pictures go into the repository: show the file name, not this machine's path.
    window.database_label.setText(window.database_label.text().replace(str(folder) + os.sep, ""))
    return db, window


def _tab_pictures(window, out_dir: Path) -> list[Path]:  # type: ignore[no-untyped-def]
    made = []
    for index, name in enumerate(TABS):
        window.tabs.setCurrentIndex(index)
        _settle()
        tab = window.tabs.currentWidget()
        if tab is window.reviews_tab:  # the supervisor signs nothing: show all reviews
            tab.all_button.click()
            _settle()
        panel = getattr(tab, "panel", None)
        if panel is not None and panel.model.rowCount():
            panel.table.selectRow(0)
            _settle()
        path = out_dir / f"tab-{name}.png"
        window.grab().save(str(path))
        made.append(path)
    return made


def _printed_forms(window, out_dir: Path) -> list[Path]:  # type: ignore[no-untyped-def]
    """The registration form of the selected requirement and the weekly ledger, as printed."""
    from reqdesk.services.requirements.printing import FORM_REGISTRATION

    made = []
    registration = window.registration_tab
    window.tabs.setCurrentWidget(registration)
    registration.panel.table.selectRow(0)
    _settle()
    registration.print(FORM_REGISTRATION)
    _wait(lambda: getattr(registration, "preview", None) is not None)
    preview = registration.preview
    _settle()
    preview.grab().save(str(out_dir / "preview.png"))
    made.append(out_dir / "preview.png")
    made.append(render_pdf_page(preview.path, out_dir / "form-registration.png"))
    preview.close()
    outputs = window.ledger_tab.outputs
    year, week, _ = AS_OF.isocalendar()
    outputs.print_weekly(year, week)
    _wait(lambda: outputs.preview is not None)
    made.append(render_pdf_page(outputs.preview.path, out_dir / "form-weekly-ledger.png"))
    outputs.preview.close()
    return made


def render(out_dir: Path, *, language: str = "zh_CN") -> list[Path]:
    from reqdesk import i18n
    from reqdesk.ui.app import application

    i18n.install(language)
    app = application()
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        db, window = _window(Path(folder))
        window.show()
        _settle()
        made = _tab_pictures(window, out_dir)
        made += _printed_forms(window, out_dir)
        window.close()
        window.deleteLater()
        _settle()
        db.dispose()
    del app
    return made


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--lang", default="zh_CN")
    args = parser.parse_args()
    for path in render(args.out_dir, language=args.lang):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
