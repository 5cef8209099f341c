"""``reqdesk check``: the database file's integrity, the search index and the audit chain."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from reqdesk.db import Database
from reqdesk.services.audit import iter_chain_problems
from reqdesk.services.seal_check import seal_problems


@dataclass
class CheckReport:
    problems: list[str] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def run_check(db: Database) -> CheckReport:
    """Run every check; a problem is one line naming what is broken."""
    report = CheckReport()
    if db.is_sqlite:
        with db.engine.connect() as conn:
            rows = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check").all()]
            if rows != ["ok"]:
                report.problems.extend(f"integrity_check: {row}" for row in rows)
            for table, rowid, parent, _fk in conn.exec_driver_sql("PRAGMA foreign_key_check").all():
                report.problems.append(
                    f"foreign key: {table} row {rowid} points to a missing {parent} row"
                )
        report.checked.append("sqlite integrity")
        with db.engine.connect() as conn:
            report.problems.extend(search_index_problems(conn))
        report.checked.append("search index")
    with db.read_sessions() as session:
        session.execute(text("SELECT 1"))
        report.problems.extend(str(p) for p in iter_chain_problems(session))
        report.problems.extend(seal_problems(session))
    report.checked.append("audit chain")
    report.checked.append("sign-off seals")
    return report


def search_index_problems(conn: Connection) -> list[str]:
    """The FTS5 index of titles and descriptions agrees with the requirement table.

    ``integrity-check`` with rank 1 also compares an external-content index with its
    table; a mismatch comes back as SQLITE_CORRUPT_VTAB ("database disk image is
    malformed"), though the file itself is sound.
    """
    present = conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'requirement_fts'"
    ).first()
    if present is None:
        return ["search index: the table requirement_fts is missing; searches cannot run"]
    try:
        conn.exec_driver_sql(
            "INSERT INTO requirement_fts(requirement_fts, rank) VALUES ('integrity-check', 1)"
        )
    except DBAPIError as exc:
        return [
            "search index: requirement_fts does not match the requirements' titles and "
            f"descriptions (it was changed outside reqdesk); searches may miss rows ({exc.orig})"
        ]
    return []
