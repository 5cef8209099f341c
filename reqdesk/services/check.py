"""``reqdesk check``: the database file's integrity and the audit chain."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import text

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
    with db.read_sessions() as session:
        session.execute(text("SELECT 1"))
        report.problems.extend(str(p) for p in iter_chain_problems(session))
        report.problems.extend(seal_problems(session))
    report.checked.append("audit chain")
    report.checked.append("sign-off seals")
    return report
