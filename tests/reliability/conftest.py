"""Reliability fixtures: a small set-up demo company without requirements."""

from __future__ import annotations

from pathlib import Path

import pytest

from reqdesk.db import open_database
from reqdesk.services.demo import generate_demo
from tests.conftest import copy_db


@pytest.fixture(scope="session")
def company_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo company's departments, people (password demo1234) and 6 customers."""
    path = tmp_path_factory.mktemp("company") / "company.db"
    database = open_database(path)
    generate_demo(database, customers=6, requirements=0, seed=11)
    database.dispose()
    return path


@pytest.fixture
def company_file(company_template: Path, tmp_path: Path) -> Path:
    """A copy of the company database for one test; no connection left open."""
    return copy_db(company_template, tmp_path / "reqdesk.db")
