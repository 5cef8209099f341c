"""CLI fixtures: a copy of the demo database, its password in the environment."""

from __future__ import annotations

from pathlib import Path

import pytest

from reqdesk.services.demo import DEMO_PASSWORD


@pytest.fixture
def demo_file(demo_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("REQDESK_PASSWORD", DEMO_PASSWORD)
    path = tmp_path / "demo.db"
    path.write_bytes(demo_template.read_bytes())
    return path
