"""The catalogue of the administrator's people actions (Tools → Settings)."""

from __future__ import annotations

from reqdesk.models.enums import Role
from reqdesk.services.audit import Action as Audit
from reqdesk.services.departments import (
    activate_department,
    create_department,
    deactivate_department,
    department_overview,
    update_department,
)
from reqdesk.services.permissions import Permission as P
from reqdesk.services.users import disable_user, enable_user, update_user, user_accounts
from tests.services.permission_world import HELPER, Action, World


def helper_disabled(w: World) -> None:
    disable_user(w.as_role(Role.ADMIN), w.user(HELPER))


def desk_deactivated(w: World) -> None:
    """The service desk's department (operators only, no reviewers) is inactive."""
    deactivate_department(w.as_role(Role.ADMIN), w.department("DESK"))


PEOPLE: list[Action] = [
    Action(
        "user_accounts",
        user_accounts,
        P.MANAGE_USERS,
        lambda ctx, w, s: user_accounts(ctx),
        expect=lambda w, s, r: HELPER in {a.username for a in r},
    ),
    Action(
        "update_user",
        update_user,
        P.MANAGE_USERS,
        lambda ctx, w, s: update_user(
            ctx,
            w.user(HELPER),
            full_name="王芳芳",
            roles=[Role.OPERATOR],
            department_id=w.department("DESK"),
        ),
        audit=Audit.UPDATE,
    ),
    Action(
        "disable_user",
        disable_user,
        P.MANAGE_USERS,
        lambda ctx, w, s: disable_user(ctx, w.user(HELPER)),
        audit=Audit.UPDATE,
    ),
    Action(
        "enable_user",
        enable_user,
        P.MANAGE_USERS,
        lambda ctx, w, s: enable_user(ctx, w.user(HELPER)),
        helper_disabled,
        audit=Audit.UPDATE,
    ),
    Action(
        "department_overview",
        department_overview,
        P.MANAGE_USERS,
        lambda ctx, w, s: department_overview(ctx),
        expect=lambda w, s, r: "DESK" in {d.code for d in r},
    ),
    Action(
        "create_department",
        create_department,
        P.MANAGE_USERS,
        lambda ctx, w, s: create_department(ctx, code="LOG", name="物流部"),
        audit=Audit.CREATE,
    ),
    Action(
        "update_department",
        update_department,
        P.MANAGE_USERS,
        lambda ctx, w, s: update_department(
            ctx, w.department("DESK"), name="客户服务中心", review_aspect=None
        ),
        audit=Audit.UPDATE,
    ),
    Action(
        "deactivate_department",
        deactivate_department,
        P.MANAGE_USERS,
        lambda ctx, w, s: deactivate_department(ctx, w.department("DESK")),
        audit=Audit.UPDATE,
    ),
    Action(
        "activate_department",
        activate_department,
        P.MANAGE_USERS,
        lambda ctx, w, s: activate_department(ctx, w.department("DESK")),
        desk_deactivated,
        audit=Audit.UPDATE,
    ),
]
