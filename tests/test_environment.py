"""The libraries underneath behave as reqdesk needs (a bad release is caught here)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication


def test_processing_events_keeps_references_to_none(qapp: QCoreApplication) -> None:
    """PySide6 6.12.0 dropped a reference to None at every processEvents(); a long
    session (or test run) then aborted with "deallocating None". pyproject.toml
    excludes that release; this fails if such a release comes back."""
    before = sys.getrefcount(None)
    for _ in range(500):
        QCoreApplication.processEvents()
    assert sys.getrefcount(None) >= before - 50
