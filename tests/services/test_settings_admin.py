"""Tools → Settings, the services: company name and logo, service levels, backup folder and
rotation, the daily backup and the start-up lookup that follow them, the audit of the
settings each PC keeps, and Test connection."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from reqdesk import backups, paths
from reqdesk.backups import BackupKind, Rotation
from reqdesk.db import Database, DatabaseError, DatabaseUnavailable, NotAReqdeskDatabase
from reqdesk.models import AuditEntry, Setting
from reqdesk.models.enums import Urgency
from reqdesk.services import backup_settings, company, settings, sla_settings
from reqdesk.services.backups import back_up_now, list_backups
from reqdesk.services.context import Context
from reqdesk.services.customers.forms import FormInvalid
from reqdesk.services.database_probe import probe_database
from reqdesk.services.errors import PermissionDenied, ValidationError
from reqdesk.services.requirements.registration import register_requirement
from reqdesk.services.requirements.views import get_requirement
from reqdesk.services.sla import BUSINESS_TZ, DEFAULT_POLICY, SlaPolicy, Target
from tests.helpers import signed_in
from tests.logo_pictures import gif_picture, jpeg_logo, png_logo
from tests.reliability.test_backups import corrupt_pages
from tests.services.registration_inputs import at_now, form


def audits(ctx: Context, entity_type: str = "setting") -> list[dict[str, Any]]:
    with ctx.reading() as session:
        entries = session.scalars(
            select(AuditEntry).where(AuditEntry.entity_type == entity_type).order_by(AuditEntry.id)
        ).all()
        return [{"user": e.username, "action": e.action, **json.loads(e.details)} for e in entries]


def stored(ctx: Context, key: str) -> Any:
    with ctx.reading() as session:
        return settings.read_setting(session, key)


def db_file(ctx: Context) -> Path:
    path = ctx.db.sqlite_path
    assert path is not None
    return path


# --- company ------------------------------------------------------------------------------


def test_name_and_logo_are_saved_and_audited_without_the_picture(admin_ctx: Context) -> None:
    """The audit names the logo by size and hash; the picture itself stays in settings."""
    assert company.save_company(
        admin_ctx, company_name="  苏州  精工机械有限公司 ", logo=png_logo()
    )
    info = company.get_company(admin_ctx)
    assert info.company_name == "苏州 精工机械有限公司"
    assert info.site_code == "SH01"
    assert info.logo is not None and (info.logo.format, info.logo.width) == ("PNG", 600)
    with admin_ctx.reading() as session:
        assert settings.company_logo(session) == info.logo.data
    entry = audits(admin_ctx)[-1]
    assert entry["user"] == "admin" and entry["action"] == "update"
    assert entry["company_name"] == {
        "before": "测试精密机械有限公司",
        "after": "苏州 精工机械有限公司",
    }
    assert entry["logo"]["before"] is None
    assert entry["logo"]["after"]["sha256"] == info.logo.sha256
    assert "data" not in json.dumps(entry)


def test_saving_the_same_again_changes_nothing(admin_ctx: Context) -> None:
    """The page hands back the stored logo: no new audit entry, nothing rewritten."""
    company.save_company(admin_ctx, company_name="甲公司", logo=jpeg_logo())
    stored_logo = company.get_company(admin_ctx).logo
    assert stored_logo is not None
    count = len(audits(admin_ctx))
    assert not company.save_company(admin_ctx, company_name="甲公司", logo=stored_logo.data)
    assert len(audits(admin_ctx)) == count
    assert company.get_company(admin_ctx).logo == stored_logo


def test_removing_the_logo_deletes_it(admin_ctx: Context) -> None:
    company.save_company(admin_ctx, company_name="甲公司", logo=png_logo())
    assert company.save_company(admin_ctx, company_name="甲公司", logo=None)
    assert company.get_company(admin_ctx).logo is None
    assert stored(admin_ctx, settings.Key.COMPANY_LOGO) is None
    assert audits(admin_ctx)[-1]["logo"]["after"] is None


def test_a_large_logo_is_scaled_down_and_its_metadata_dropped() -> None:
    """A photo-sized JPEG is stored at 800 pixels on the long side, still a JPEG."""
    logo = company.check_logo(jpeg_logo(3000, 1500))
    assert (logo.format, logo.width, logo.height) == ("JPEG", 800, 400)
    assert logo.data[:2] == b"\xff\xd8"


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (gif_picture(), "PNG or JPEG"),
        (b"\x89PNG\r\n\x1a\n" + b"not really a picture" * 10, "PNG or JPEG"),
        (png_logo(8, 8), "16 to 4000"),
        (png_logo(4100, 20), "16 to 4000"),
        (b"\x00" * (company.MAX_LOGO_BYTES + 1), "at most 1024 KB"),
    ],
    ids=["gif", "png-header-only", "tiny", "huge", "too-many-bytes"],
)
def test_a_logo_is_judged_by_its_content(
    admin_ctx: Context, tmp_path: Path, data: bytes, words: str
) -> None:
    """Pictures are decoded, never trusted by name: the file is called logo.png each time."""
    path = tmp_path / "logo.png"
    path.write_bytes(data)
    with pytest.raises(ValidationError) as refused:
        company.read_logo_file(path)
    assert refused.value.field == "logo" and words in str(refused.value)
    with pytest.raises(ValidationError):
        company.save_company(admin_ctx, company_name="甲公司", logo=data)
    assert company.get_company(admin_ctx).company_name == "测试精密机械有限公司"


def test_only_the_administrator_changes_the_company(demo_ctx: Context) -> None:
    desk = signed_in(demo_ctx, "kefu")
    with pytest.raises(PermissionDenied):
        company.save_company(desk, company_name="别的公司", logo=None)


# --- service levels -----------------------------------------------------------------------


def faster_urgent(hours: float = 2) -> SlaPolicy:
    return SlaPolicy(
        first_response={**DEFAULT_POLICY.first_response, Urgency.URGENT: Target(hours=hours)},
        plan=DEFAULT_POLICY.plan,
        workday_end=time(18, 0),
    )


def test_new_targets_apply_to_requirements_registered_afterwards(demo_ctx: Context) -> None:
    """A requirement registered before keeps its due time; one registered after gets the
    new target (urgent: 2 hours instead of 4), and the change is audited."""
    desk = at_now(signed_in(demo_ctx, "kefu"))
    before = register_requirement(desk, form(urgency=Urgency.URGENT))
    admin = signed_in(demo_ctx, "admin")
    assert sla_settings.save_sla_policy(admin, faster_urgent())
    after = register_requirement(desk, form(urgency=Urgency.URGENT, title="另一项需求"))
    due = [get_requirement(desk, r.id).first_response_due for r in (before, after)]
    assert [d.astimezone(BUSINESS_TZ).strftime("%H:%M") for d in due if d] == ["14:00", "12:00"]
    assert sla_settings.get_sla_policy(admin) == faster_urgent()
    entry = audits(admin)[-1]
    assert entry["key"] == "sla_policy" and entry["user"] == "admin"
    assert entry["before"]["first_response"]["urgent"] == {"hours": 4}
    assert entry["after"]["first_response"]["urgent"] == {"hours": 2}
    assert entry["after"]["workday_end"] == "18:00"
    assert not sla_settings.save_sla_policy(admin, faster_urgent())  # unchanged: no entry
    assert audits(admin)[-1] == entry


def test_bad_targets_are_all_named_and_nothing_is_saved(admin_ctx: Context) -> None:
    bad = SlaPolicy(
        first_response={
            Urgency.URGENT: Target(hours=0),
            Urgency.IMPORTANT: Target(working_days=0),
            Urgency.GENERAL: Target(hours=1000),
        },
        plan={
            Urgency.URGENT: Target(hours=0.5),
            Urgency.IMPORTANT: Target(working_days=61),
            Urgency.GENERAL: Target(hours=1, working_days=1),
        },
        workday_end=time(9, 0),
    )
    with pytest.raises(FormInvalid) as refused:
        sla_settings.save_sla_policy(admin_ctx, bad)
    problems = {p.field: str(p) for p in refused.value.problems}
    assert problems == {
        "first_response.urgent": "Enter 0.5 to 720 hours.",
        "first_response.important": "Enter 1 to 60 working days.",
        "first_response.general": "Enter 0.5 to 720 hours.",
        "plan.important": "Enter 1 to 60 working days.",
        "plan.general": "Give the target in hours or in working days.",
        "workday_end": "The working day must end between 12:00 and 23:59.",
    }
    assert sla_settings.get_sla_policy(admin_ctx) == DEFAULT_POLICY


def test_a_plan_cannot_fall_due_before_the_first_response(admin_ctx: Context) -> None:
    policy = SlaPolicy(
        first_response={**DEFAULT_POLICY.first_response, Urgency.URGENT: Target(hours=8)},
        plan={**DEFAULT_POLICY.plan, Urgency.URGENT: Target(hours=4)},
    )
    with pytest.raises(FormInvalid) as refused:
        sla_settings.save_sla_policy(admin_ctx, policy)
    assert [p.field for p in refused.value.problems] == ["plan.urgent"]


# --- backup folder and rotation ----------------------------------------------------------


def test_backups_go_to_the_chosen_folder_and_are_listed_from_both(
    admin_ctx: Context, tmp_path: Path
) -> None:
    """A missing folder is created; Back up now writes there; the list also shows older
    backups beside the database; the change is audited with before and after."""
    earlier = back_up_now(admin_ctx)
    folder = tmp_path / "elsewhere" / "reqdesk-backups"
    assert backup_settings.save_backup_settings(admin_ctx, folder, Rotation(3, 2, 6))
    made = back_up_now(admin_ctx)
    assert made.parent == folder and earlier.parent == paths.backups_dir(db_file(admin_ctx))
    assert {b.path for b in list_backups(admin_ctx)} == {made, earlier}
    entry = audits(admin_ctx)[-1]
    assert entry["key"] == "backups"
    assert entry["before"] == {"folder": None, "daily": 7, "weekly": 4, "monthly": 12}
    assert entry["after"] == {"folder": str(folder), "daily": 3, "weekly": 2, "monthly": 6}


def test_the_default_folder_is_stored_as_none(admin_ctx: Context) -> None:
    """Choosing the folder beside the database means "beside the database", wherever the
    file moves later."""
    default = paths.backups_dir(db_file(admin_ctx))
    backup_settings.save_backup_settings(admin_ctx, default, Rotation(7, 4, 12))
    assert backup_settings.get_backup_settings(admin_ctx).folder is None
    assert stored(admin_ctx, settings.Key.BACKUPS) is None  # nothing changed: not written


@pytest.mark.parametrize(
    ("folder", "rotation", "fields"),
    [
        ("inside-a-file/sub", Rotation(), ["folder"]),
        ("relative", Rotation(), ["folder"]),
        (None, Rotation(0, -1, 121), ["daily", "weekly", "monthly"]),
    ],
    ids=["unwritable", "relative", "counts"],
)
def test_bad_backup_settings_are_refused(
    admin_ctx: Context, tmp_path: Path, folder: str | None, rotation: Rotation, fields: list[str]
) -> None:
    (tmp_path / "inside-a-file").write_text("a file, not a folder")
    chosen = None
    if folder == "relative":
        chosen = Path("backups-here")
    elif folder is not None:
        chosen = tmp_path / folder
    with pytest.raises(ValidationError) as refused:
        backup_settings.save_backup_settings(admin_ctx, chosen, rotation)
    error = refused.value
    named = [p.field for p in error.problems] if isinstance(error, FormInvalid) else [error.field]
    assert named == fields
    assert backup_settings.get_backup_settings(admin_ctx) == backup_settings.DEFAULT
    assert not Path("backups-here").exists()


def test_backup_settings_need_the_backup_permission(demo_ctx: Context, tmp_path: Path) -> None:
    with pytest.raises(PermissionDenied):
        backup_settings.save_backup_settings(
            signed_in(demo_ctx, "zhuguan"), tmp_path / "x", Rotation()
        )
    assert not (tmp_path / "x").exists()


def _old_dailies(db: Path, folder: Path, today: datetime, days: int) -> list[Path]:
    return [
        backups.take_backup(db, kind=BackupKind.DAILY, now=today - timedelta(days=n), folder=folder)
        for n in range(1, days + 1)
    ]


def test_the_daily_backup_follows_the_folder_and_rotation(
    admin_ctx: Context, tmp_path: Path
) -> None:
    """Today's backup goes to the chosen folder, and the rotation keeps 2 daily copies."""
    folder = tmp_path / "copies"
    backup_settings.save_backup_settings(admin_ctx, folder, Rotation(2, 0, 0))
    today = datetime(2026, 11, 20, 9, 0)
    _old_dailies(db_file(admin_ctx), folder, today, 4)
    done = backup_settings.daily_backup(admin_ctx.db, now=today)
    assert done is not None and done.made is not None and done.fell_back_from is None
    assert done.folder == folder and done.made.parent == folder
    kept = backups.list_backups(db_file(admin_ctx), folder)
    assert [b.taken_at.date().isoformat() for b in kept] == ["2026-11-20", "2026-11-19"]
    again = backup_settings.daily_backup(admin_ctx.db, now=today + timedelta(hours=3))
    assert again is not None and again.made is None


def test_an_unusable_folder_does_not_cost_the_days_backup(
    admin_ctx: Context, tmp_path: Path
) -> None:
    """The folder chosen is gone (a drive unplugged): the backup goes beside the database
    and says where it fell back from, and why."""
    folder = tmp_path / "usb"
    backup_settings.save_backup_settings(admin_ctx, folder, Rotation())
    shutil.rmtree(folder)
    folder.write_text("the drive letter now names a file")
    done = backup_settings.daily_backup(admin_ctx.db, now=datetime(2026, 11, 20, 9, 0))
    assert done is not None and done.made is not None
    assert done.fell_back_from == folder and done.problem is not None
    assert done.folder == paths.backups_dir(db_file(admin_ctx)) == done.made.parent


def test_the_start_up_lookup_reads_the_folder_from_a_damaged_file(
    admin_ctx: Context, tmp_path: Path
) -> None:
    """Nobody is signed in and the file is damaged: the chosen folder is still read from
    it where possible, the backup there is found; a folder that is gone is named."""
    folder = tmp_path / "copies"
    backup_settings.save_backup_settings(admin_ctx, folder, Rotation())
    path = db_file(admin_ctx)
    made = back_up_now(admin_ctx)
    admin_ctx.db.dispose()
    place = backup_settings.startup_folders(path)
    assert place.folders == [folder, paths.backups_dir(path)] and place.unreachable is None
    latest = backups.latest_good_backup(path, place.folders)
    assert latest is not None and latest.path == made
    shutil.rmtree(folder)
    gone = backup_settings.startup_folders(path, remembered=tmp_path)
    assert gone.unreachable == folder
    assert gone.folders == [tmp_path, paths.backups_dir(path)]


def test_an_unreadable_file_falls_back_to_the_default_folder(admin_ctx: Context) -> None:
    path = db_file(admin_ctx)
    admin_ctx.db.dispose()
    corrupt_pages(path)
    path.write_bytes(path.read_bytes()[:100])
    place = backup_settings.startup_folders(path)
    assert place.folders == [paths.backups_dir(path)] and place.unreachable is None


# --- settings kept per PC -----------------------------------------------------------------


def test_a_language_change_is_audited_for_anyone_signed_in(demo_ctx: Context) -> None:
    desk = signed_in(demo_ctx, "kefu")
    assert settings.record_language_change(desk, None, "en") == "en"
    entry = audits(desk, "local_setting")[-1]
    assert (entry["user"], entry["key"], entry["before"], entry["after"]) == (
        "kefu",
        "language",
        "",
        "en",
    )
    assert entry["computer"]
    with pytest.raises(ValidationError):
        settings.record_language_change(desk, "en", "fr")
    with pytest.raises(PermissionDenied):
        settings.record_language_change(desk.as_actor(None), "en", "zh_CN")


def test_a_database_change_is_audited_without_the_password(admin_ctx: Context) -> None:
    after = settings.record_database_change(
        admin_ctx, None, " postgresql://desk:secret@db.example.com:5432/reqdesk "
    )
    assert after == "postgresql+psycopg://desk:secret@db.example.com:5432/reqdesk"
    entry = audits(admin_ctx, "local_setting")[-1]
    assert entry["after"] == "postgresql+psycopg://desk:***@db.example.com:5432/reqdesk"
    assert "secret" not in json.dumps(entry)
    assert settings.record_database_change(admin_ctx, after, None) is None
    assert audits(admin_ctx, "local_setting")[-1]["after"] == ""


@pytest.mark.parametrize(
    ("target", "words"),
    [
        ("", "Name a database file"),
        ("reqdesk.db", "full path"),
        ("{tmp}", "is a folder"),
        ("{tmp}/missing/reqdesk.db", "does not exist"),
        ("mysql://user@host/db", "neither"),
        ("postgresql+psycopg2://user@host/db", "postgresql+psycopg://"),
        ("postgresql+psycopg://user@/db", "Name the server"),
        ("postgresql+psycopg://user@server", "Name the server"),
        ("postgresql+psycopg://user@server:port/db", "not a valid database address"),
    ],
)
def test_a_database_location_is_checked_before_it_is_recorded(
    admin_ctx: Context, tmp_path: Path, target: str, words: str
) -> None:
    count = len(audits(admin_ctx, "local_setting"))
    with pytest.raises(ValidationError) as refused:
        settings.record_database_change(admin_ctx, None, target.format(tmp=tmp_path))
    assert refused.value.field == "database" and words in str(refused.value)
    assert len(audits(admin_ctx, "local_setting")) == count


def test_only_the_administrator_moves_the_database(demo_ctx: Context, tmp_path: Path) -> None:
    with pytest.raises(PermissionDenied):
        settings.record_database_change(
            signed_in(demo_ctx, "zongjingli"), None, str(tmp_path / "x.db")
        )


# --- Test connection ----------------------------------------------------------------------


def test_probing_a_new_file_an_existing_database_and_a_stranger(
    admin_ctx: Context, tmp_path: Path
) -> None:
    new = probe_database(str(tmp_path / "branch.db"))
    assert "no database" in new.message and not (tmp_path / "branch.db").exists()
    found = probe_database(str(db_file(admin_ctx)))
    assert found.params["company"] == "测试精密机械有限公司" and found.params["site"] == "SH01"
    stranger = tmp_path / "notes.db"
    stranger.write_text("meeting notes, not a database" * 50)
    with pytest.raises(NotAReqdeskDatabase):
        probe_database(str(stranger))
    with pytest.raises(ValidationError):
        probe_database("relative.db")


def test_probing_a_server_that_does_not_answer_says_so() -> None:
    """Port 1 on this machine refuses at once: a clear refusal, no hang."""
    with pytest.raises(DatabaseUnavailable) as refused:
        probe_database("postgresql+psycopg://reqdesk:pw@127.0.0.1:1/reqdesk")
    assert "pw" not in str(refused.value).replace("psycopg", "")
    assert "127.0.0.1" in str(refused.value)


def test_probing_postgresql_empty_then_set_up(postgres_url: str) -> None:
    """An empty PostgreSQL database is reported as empty; after set-up, its company."""
    from reqdesk.db import open_database
    from reqdesk.services.setup import initialise

    assert "empty" in probe_database(postgres_url).message
    db: Database = open_database(postgres_url)
    try:
        initialise(
            db,
            company_name="总部机械有限公司",
            site_code="HQ",
            admin_username="admin",
            admin_full_name="管理员",
            admin_password="admin-secret-1",
            clock=lambda: datetime(2026, 11, 20, tzinfo=UTC),
        )
    finally:
        db.dispose()
    result = probe_database(postgres_url)
    assert (result.params["company"], result.params["site"]) == ("总部机械有限公司", "HQ")


def test_a_postgresql_database_has_no_backup_settings(postgres_url: str) -> None:
    from reqdesk.db import open_database
    from reqdesk.services.setup import initialise

    db = open_database(postgres_url)
    try:
        ctx, _ = initialise(
            db,
            company_name="总部机械有限公司",
            site_code="HQ",
            admin_username="admin",
            admin_full_name="管理员",
            admin_password="admin-secret-1",
        )
        with pytest.raises(DatabaseError):
            backup_settings.save_backup_settings(ctx, None, Rotation())
        assert backup_settings.daily_backup(db, now=datetime(2026, 11, 20, 9, 0)) is None
    finally:
        db.dispose()


def test_the_settings_table_holds_one_row_per_key(admin_ctx: Context) -> None:
    """Logo and backups each take one row in the settings table (no migration needed)."""
    company.save_company(admin_ctx, company_name="甲公司", logo=png_logo())
    backup_settings.save_backup_settings(admin_ctx, None, Rotation(5, 4, 12))
    with admin_ctx.reading() as session:
        keys = set(session.scalars(select(Setting.key)))
    assert {settings.Key.COMPANY_LOGO, settings.Key.BACKUPS} <= keys
