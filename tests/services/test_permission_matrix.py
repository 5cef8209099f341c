"""The permission matrix, exhaustively: every role (and nobody) against every service
action of the catalogue. Allowed: the action takes effect. Refused: PermissionDenied,
and neither the database (audit log included) nor the output folder changes."""

from __future__ import annotations

import ast
import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

import reqdesk
from reqdesk.db import Database, open_database
from reqdesk.models import AuditEntry
from reqdesk.models.enums import Role
from reqdesk.services.context import Context
from reqdesk.services.errors import PermissionDenied
from reqdesk.services.setup import open_context
from tests.conftest import copy_db
from tests.services.permission_actions import CATALOGUE
from tests.services.permission_world import (
    HELPER,
    OTHER_REVIEWER,
    ROLE_USERS,
    Action,
    World,
    holders,
)
from tests.services.registration_inputs import NOW
from tests.services.review_inputs import SIGNERS
from tests.services.workflow_inputs import Clock, empty_template

ROLES: list[Role | None] = [*Role, None]  # None: nobody signed in
ROOT = Path(reqdesk.__file__).parent.parent
DB_NAME = "company.db"
# Public functions that write without asking the matrix, and why that is right.
UNGUARDED = {
    "reqdesk.services.auth.login": "signing in is how a user gets a role",
    "reqdesk.services.calendar.ensure_official_years": "copies shipped schedules on opening",
    "reqdesk.services.setup.initialise": "sets up an empty database only",
    "reqdesk.services.demo.generate_demo": "fills an empty database only",
    "reqdesk.services.backups.restore_database": "puts back a damaged file before sign-in",
}


def db_fingerprint(db: Database) -> dict[str, str]:
    """Every table's rows (sorted, hashed) by table: equal fingerprints, equal contents."""
    fingerprint: dict[str, str] = {}
    with db.engine.connect() as conn:
        tables = conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
        ).scalars()
        for table in list(tables):
            rows = sorted(
                repr(tuple(row)) for row in conn.exec_driver_sql(f'SELECT * FROM "{table}"')
            )
            digest = hashlib.sha256("\n".join(rows).encode()).hexdigest()[:16]
            fingerprint[table] = f"{len(rows)} rows {digest}"
    return fingerprint


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return empty_template(tmp_path_factory)


@pytest.fixture
def world(template: Path, tmp_path: Path) -> Iterator[World]:
    db = open_database(copy_db(template, tmp_path / DB_NAME))
    out = tmp_path / "out"
    out.mkdir()
    w = World(db, open_context(db), Clock(NOW), out=out)
    for username in {*ROLE_USERS.values(), OTHER_REVIEWER, HELPER, *SIGNERS.values()}:
        w.as_(username)  # signed in once per session, before anything is compared
    yield w
    db.dispose()


def files(w: World) -> list[str]:
    """The files beside the database (outputs, backups), the database itself left out."""
    root = w.out.parent
    return sorted(
        str(p.relative_to(root))
        for p in root.rglob("*")
        if p.is_file() and not p.name.startswith(DB_NAME)
    )


def last_audit_id(w: World) -> int:
    with w.base.reading() as session:
        return int(session.scalar(select(func.max(AuditEntry.id))) or 0)


def audited(w: World, after: int, ctx: Context, action: str) -> bool:
    assert ctx.actor is not None
    query = select(func.count(AuditEntry.id)).where(
        AuditEntry.id > after,
        AuditEntry.user_id == ctx.actor.user_id,
        AuditEntry.action == action,
    )
    with w.base.reading() as session:
        return bool(session.scalar(query))


def assert_done(w: World, ctx: Context, action: Action, situation: Any) -> None:
    after = last_audit_id(w)
    result = action.act(ctx, w, situation)
    if action.audit is not None:
        assert audited(w, after, ctx, action.audit), f"no {action.audit} audited"
    if action.expect is not None:
        assert action.expect(w, situation, result), f"unexpected result {result!r}"


def assert_refused(w: World, ctx: Context, action: Action, situation: Any) -> None:
    before, written = db_fingerprint(w.db), files(w)
    with pytest.raises(PermissionDenied):
        action.act(ctx, w, situation)
    assert db_fingerprint(w.db) == before
    assert files(w) == written


def cases() -> list[Any]:
    return list(_cases())


def _cases() -> Iterator[Any]:
    for action in CATALOGUE:
        for role in ROLES:
            refused = role not in action.roles
            marks = (
                [pytest.mark.xfail(strict=True, reason=action.gap)]
                if action.gap and refused
                else []
            )
            name = role.value if role else "nobody"
            yield pytest.param(role, action, id=f"{name}-{action.name}", marks=marks)


@pytest.mark.parametrize(("role", "action"), cases())
def test_each_role_may_do_what_the_matrix_says(
    world: World, role: Role | None, action: Action
) -> None:
    """Allowed: the action takes effect; refused: PermissionDenied and nothing changes."""
    ctx = world.as_role(role)
    situation = action.prepare(world)
    if role in action.roles:
        assert_done(world, ctx, action, situation)
    else:
        assert_refused(world, ctx, action, situation)


def by_name(actions: list[Action]) -> Any:
    return pytest.mark.parametrize("action", actions, ids=[a.name for a in actions])


@by_name([a for a in CATALOGUE if a.department_bound])
def test_a_reviewer_of_another_department_is_refused(world: World, action: Action) -> None:
    """Where Sales may act as the department concerned, Technical may not."""
    assert Role.REVIEWER in action.roles
    situation = action.prepare(world)
    assert_refused(world, world.as_(OTHER_REVIEWER), action, situation)


@by_name([a for a in CATALOGUE if a.owner])
def test_the_custodian_may_act_on_their_own_file(world: World, action: Action) -> None:
    """An operator (no right to every confidential file) acts on a file they keep."""
    assert Role.OPERATOR not in action.roles
    world.custodian = ROLE_USERS[Role.OPERATOR]
    situation = action.prepare(world)
    assert_done(world, world.as_role(Role.OPERATOR), action, situation)


@by_name([a for a in CATALOGUE if a.owner])
def test_a_granted_user_may_open_but_not_hand_over(world: World, action: Action) -> None:
    """Access granted by the general manager opens and edits the confidential sections;
    handing the file to another custodian stays with the custodian."""
    world.grantee = ROLE_USERS[Role.OPERATOR]
    situation = action.prepare(world)
    operator = world.as_role(Role.OPERATOR)
    if action.owner == "custodian_or_grant":
        assert_done(world, operator, action, situation)
    else:
        assert_refused(world, operator, action, situation)


def test_the_catalogue_explains_itself() -> None:
    """Names are unique; every action shows an effect; a departure from the matrix has
    a rule."""
    names = [a.name for a in CATALOGUE]
    assert len(names) == len(set(names))
    for action in CATALOGUE:
        assert action.audit or action.expect, action.name
        if action.roles != holders(action.permission) or action.department_bound:
            assert action.rule, action.name
        assert action.owner in ("", "custodian", "custodian_or_grant"), action.name


def _called_name(call: ast.Call) -> str:
    func = call.func
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")


def service_actions() -> set[str]:
    """Public functions of the services (and reports) that a user calls with a context
    and that ask for a permission, directly or through a helper, or that write."""
    functions: dict[str, tuple[ast.FunctionDef, set[str]]] = {}
    for folder in ("reqdesk/services", "reqdesk/reports"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
            for node in ast.parse(path.read_text(encoding="utf-8")).body:
                if isinstance(node, ast.FunctionDef):
                    called = {_called_name(c) for c in ast.walk(node) if isinstance(c, ast.Call)}
                    functions[f"{module.removesuffix('.__init__')}.{node.name}"] = (node, called)
    guarded = {"require", "PermissionDenied"}
    grown = True
    while grown:  # a function calling a guarded one is guarded (matched by name)
        grown = False
        for node, called in functions.values():
            if node.name not in guarded and called & guarded:
                guarded.add(node.name)
                grown = True
    found = set()
    for qualified, (node, called) in functions.items():
        takes_ctx = bool(node.args.args) and node.args.args[0].arg == "ctx"
        asks = takes_ctx and node.name in guarded
        if not node.name.startswith("_") and (asks or "unit_of_work" in called):
            found.add(qualified)
    return found


def test_every_service_action_is_in_the_catalogue() -> None:
    """A new action (a service asking for a permission, or writing) needs an entry here;
    a catalogued one that stopped asking is named too."""
    catalogued = {f"{a.service.__module__}.{a.service.__name__}" for a in CATALOGUE}
    found = service_actions() - set(UNGUARDED)
    assert sorted(found - catalogued) == [], "add these to the catalogue"
    assert sorted(catalogued - found) == [], "these no longer ask for a permission"
