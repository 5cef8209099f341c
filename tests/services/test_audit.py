"""The audit log's hash chain: it verifies, and edits behind the program's back are named."""

from __future__ import annotations

from sqlalchemy import select, text

from reqdesk.models import AuditEntry
from reqdesk.models.enums import Role
from reqdesk.services.check import run_check
from reqdesk.services.context import Context
from reqdesk.services.users import create_user


def _make_history(ctx: Context) -> list[int]:
    for n in range(3):
        create_user(
            ctx,
            username=f"user{n}",
            full_name=f"用户{n}",
            roles=[Role.SUPERVISOR],
            password="password-1",
        )
    with ctx.reading() as session:
        return list(session.scalars(select(AuditEntry.id).order_by(AuditEntry.id)))


def test_actions_are_recorded_with_user_entity_and_changes(admin_ctx: Context) -> None:
    """A created user is audited with who did it and what was created."""
    _make_history(admin_ctx)
    with admin_ctx.reading() as session:
        entry = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert entry is not None
    assert (entry.action, entry.entity_type, entry.username) == ("create", "app_user", "admin")
    assert '"username":"user2"' in entry.details
    assert "password" not in entry.details


def test_untouched_chain_verifies(admin_ctx: Context) -> None:
    """check reports nothing on a database only reqdesk wrote."""
    _make_history(admin_ctx)
    report = run_check(admin_ctx.db)
    assert report.ok, report.problems


def test_an_edited_entry_is_named(admin_ctx: Context) -> None:
    """Changing one entry's details with plain SQL is detected at that entry."""
    ids = _make_history(admin_ctx)
    victim = ids[-2]
    with admin_ctx.db.engine.begin() as conn:
        conn.execute(
            text("UPDATE audit_entry SET details = :d WHERE id = :i"),
            {"d": '{"username":"someone-else"}', "i": victim},
        )
    report = run_check(admin_ctx.db)
    assert report.problems == [f"audit entry #{victim}: content was altered outside reqdesk"]


def test_a_deleted_entry_breaks_the_chain_at_the_next_one(admin_ctx: Context) -> None:
    """Removing an entry is detected at the entry that followed it."""
    ids = _make_history(admin_ctx)
    with admin_ctx.db.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_entry WHERE id = :i"), {"i": ids[2]})
    report = run_check(admin_ctx.db)
    assert len(report.problems) == 1
    assert report.problems[0].startswith(f"audit entry #{ids[3]}: does not follow")


def test_rehashing_an_edited_entry_still_breaks_the_next_link(admin_ctx: Context) -> None:
    """Recomputing the edited entry's own hash does not hide the edit."""
    ids = _make_history(admin_ctx)
    with admin_ctx.db.engine.begin() as conn:
        conn.execute(
            text("UPDATE audit_entry SET username='mallory', entry_hash=:h WHERE id=:i"),
            {"h": "f" * 64, "i": ids[1]},
        )
    problems = run_check(admin_ctx.db).problems
    assert f"audit entry #{ids[1]}: content was altered outside reqdesk" in problems
    assert any(p.startswith(f"audit entry #{ids[2]}: does not follow") for p in problems)


def test_rolled_back_actions_leave_no_audit_entry(admin_ctx: Context) -> None:
    """Audit entries are written in the action's own transaction."""
    with admin_ctx.reading() as session:
        before = session.scalar(select(AuditEntry.id).order_by(AuditEntry.id.desc()))
    with admin_ctx.unit_of_work() as uow:
        uow.audit("update", entity_type="setting", details={"x": 1})
        # leaving without commit
    with admin_ctx.reading() as session:
        after = session.scalar(select(AuditEntry.id).order_by(AuditEntry.id.desc()))
    assert after == before
