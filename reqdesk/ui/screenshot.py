"""Renders the main window on a fresh demo database to a PNG (the README's screenshot).

python -m reqdesk.ui.screenshot OUT.png [--tab N] [--lang zh_CN|en]
"""

from __future__ import annotations

import argparse
import os
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def render(out: Path, *, tab: int = 3, language: str = "zh_CN") -> Path:
    from PySide6.QtWidgets import QApplication

    from reqdesk import i18n
    from reqdesk.db import open_database
    from reqdesk.services import auth
    from reqdesk.services.demo import DEMO_PASSWORD, generate_demo
    from reqdesk.services.setup import company_name, open_context
    from reqdesk.ui.app import application
    from reqdesk.ui.main_window import MainWindow

    i18n.install(language)
    app = application()
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "screenshot.db")
        generate_demo(db, customers=80, requirements=1500, seed=7, as_of=date(2026, 11, 20))
        ctx = open_context(db)
        actor = auth.login(ctx, "zhuguan", DEMO_PASSWORD)
        window = MainWindow(ctx.as_actor(actor), company_name(ctx))
        window.resize(1360, 760)
        window.tabs.setCurrentIndex(tab)
        # The picture goes into the repository: show the file name, not this machine's path.
        window.database_label.setText(
            window.database_label.text().replace(str(Path(folder)) + os.sep, "")
        )
        window.show()
        for _ in range(5):
            QApplication.processEvents()
        out.parent.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(out))
        window.close()
        db.dispose()
    del app
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--tab", type=int, default=3)
    parser.add_argument("--lang", default="zh_CN")
    args = parser.parse_args()
    print(render(args.out, tab=args.tab, language=args.lang))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
