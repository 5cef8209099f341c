"""Lock-out after wrong passwords, the administrator's reset, choosing a new password,
and passwords never written anywhere but as hashes."""

from __future__ import annotations

import logging
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from reqdesk.logsetup import log_file
from reqdesk.models import AuditEntry
from reqdesk.models.enums import Role
from reqdesk.services import auth, users
from reqdesk.services.context import Context
from reqdesk.services.errors import AuthenticationFailed, PermissionDenied, ValidationError
from tests.conftest import FIXED_NOW

DESK_PASSWORD = "desk-pass-1"
SECRETS = ("desk-pass-1", "wrong-guess-", "temp-pass-9", "own-choice-7")


@pytest.fixture
def desk(admin_ctx: Context) -> int:
    return users.create_user(
        admin_ctx, username="desk", full_name="前台", roles=[Role.OPERATOR], password=DESK_PASSWORD
    )


def at(ctx: Context, minutes: float) -> Context:
    moment = FIXED_NOW + timedelta(minutes=minutes)
    from dataclasses import replace

    return replace(ctx, actor=None, clock=lambda: moment)


def _actions(ctx: Context) -> list[str]:
    with ctx.reading() as session:
        return list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))


def test_five_wrong_passwords_lock_the_account_for_fifteen_minutes(
    admin_ctx: Context, desk: int
) -> None:
    for attempt in range(4):
        with pytest.raises(AuthenticationFailed, match="wrong password"):
            auth.login(at(admin_ctx, attempt), "desk", f"wrong-guess-{attempt}")
    with pytest.raises(AuthenticationFailed, match="locked") as caught:
        auth.login(at(admin_ctx, 4), "desk", "wrong-guess-4")
    assert caught.value.params["time"] == "10:19"  # 02:04 UTC + 15 min, in UTC+08:00
    with pytest.raises(AuthenticationFailed, match="locked"):  # even the right password
        auth.login(at(admin_ctx, 10), "desk", DESK_PASSWORD)
    assert auth.login(at(admin_ctx, 19.5), "desk", DESK_PASSWORD).username == "desk"
    assert _actions(admin_ctx)[-7:] == ["login_failed"] * 4 + [
        "login_locked",
        "login_failed",
        "login",
    ]


def test_wrong_passwords_spread_over_time_never_lock(admin_ctx: Context, desk: int) -> None:
    for attempt in range(12):  # one wrong password every twenty minutes
        with pytest.raises(AuthenticationFailed, match="wrong password"):
            auth.login(at(admin_ctx, attempt * 20), "desk", "wrong-guess-y")
    assert auth.login(at(admin_ctx, 240), "desk", DESK_PASSWORD).username == "desk"


def test_a_right_password_clears_the_count(admin_ctx: Context, desk: int) -> None:
    for round_ in range(3):
        for _attempt in range(4):
            with pytest.raises(AuthenticationFailed, match="wrong password"):
                auth.login(at(admin_ctx, round_), "desk", "wrong-guess-x")
        auth.login(at(admin_ctx, round_), "desk", DESK_PASSWORD)


def test_the_admin_resets_a_locked_out_password_and_it_is_audited(
    admin_ctx: Context, desk: int
) -> None:
    for _attempt in range(5):
        with pytest.raises(AuthenticationFailed):
            auth.login(at(admin_ctx, 0), "desk", "wrong-guess-z")
    users.reset_password(admin_ctx, desk, "temp-pass-9")
    with pytest.raises(AuthenticationFailed):
        auth.login(at(admin_ctx, 1), "desk", DESK_PASSWORD)  # the old one is gone
    actor = auth.login(at(admin_ctx, 1), "desk", "temp-pass-9")  # not locked any more
    signed_in = admin_ctx.as_actor(actor)
    assert users.must_change_password(signed_in)
    with admin_ctx.reading() as session:
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "password_reset")
        ).one()
    assert entry.username == "admin" and entry.entity_id == desk
    assert "temp-pass-9" not in entry.details


def test_only_the_admin_may_reset_and_the_policy_applies(admin_ctx: Context, desk: int) -> None:
    desk_ctx = admin_ctx.as_actor(auth.login(admin_ctx, "desk", DESK_PASSWORD))
    with pytest.raises(PermissionDenied):
        users.reset_password(desk_ctx, desk, "temp-pass-9")
    with pytest.raises(ValidationError):
        users.reset_password(admin_ctx, desk, "short")
    assert auth.login(admin_ctx, "desk", DESK_PASSWORD).username == "desk"


def test_choosing_a_new_password_after_a_reset(admin_ctx: Context, desk: int) -> None:
    users.reset_password(admin_ctx, desk, "temp-pass-9")
    ctx = admin_ctx.as_actor(auth.login(admin_ctx, "desk", "temp-pass-9"))
    with pytest.raises(AuthenticationFailed):
        users.change_own_password(ctx, "not-the-temp", "own-choice-7")
    with pytest.raises(ValidationError):
        users.change_own_password(ctx, "temp-pass-9", "temp-pass-9")
    with pytest.raises(ValidationError):
        users.change_own_password(ctx, "temp-pass-9", "short")
    users.change_own_password(ctx, "temp-pass-9", "own-choice-7")
    assert not users.must_change_password(ctx)
    assert auth.login(admin_ctx, "desk", "own-choice-7").username == "desk"
    assert _actions(admin_ctx)[-2:] == ["password_change", "login"]


def test_passwords_are_never_logged_or_stored_in_clear(
    admin_ctx: Context, desk: int, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    with pytest.raises(AuthenticationFailed):
        auth.login(admin_ctx, "desk", "wrong-guess-")
    users.reset_password(admin_ctx, desk, "temp-pass-9")
    ctx = admin_ctx.as_actor(auth.login(admin_ctx, "desk", "temp-pass-9"))
    users.change_own_password(ctx, "temp-pass-9", "own-choice-7")
    logged = caplog.text + (log_file().read_text("utf-8") if log_file().exists() else "")
    path = admin_ctx.db.sqlite_path
    assert path is not None
    admin_ctx.db.dispose()
    stored = _whole_database_text(path)
    for secret in SECRETS:
        assert secret not in logged
        assert secret not in stored


def _whole_database_text(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return "\n".join(conn.iterdump())
    finally:
        conn.close()


def test_the_command_line_asks_for_a_new_password_first(
    admin_ctx: Context,
    desk: int,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from reqdesk import cli

    users.reset_password(admin_ctx, desk, "temp-pass-9")
    address = admin_ctx.db.url.render_as_string(hide_password=False)
    admin_ctx.db.dispose()
    monkeypatch.setenv("REQDESK_PASSWORD", "temp-pass-9")
    target = tmp_path / "c.xlsx"
    args = ["export", "customers", str(target), "--db", address, "--user", "desk"]
    assert cli.main(args) == 1
    assert "设置新密码" in capsys.readouterr().err
    assert not target.exists()
