"""The catalogue of the administrator's settings actions (Tools → Settings): company,
service levels, backups, and the settings each PC keeps (language, database)."""

from __future__ import annotations

from reqdesk.backups import Rotation
from reqdesk.models.enums import Role, Urgency
from reqdesk.services.audit import Action as Audit
from reqdesk.services.backup_settings import save_backup_settings
from reqdesk.services.company import save_company
from reqdesk.services.permissions import Permission as P
from reqdesk.services.settings import record_database_change, record_language_change
from reqdesk.services.sla import DEFAULT_POLICY, SlaPolicy, Target
from reqdesk.services.sla_settings import save_sla_policy
from tests.logo_pictures import png_logo
from tests.services.permission_world import Action

FASTER = SlaPolicy(
    first_response={**DEFAULT_POLICY.first_response, Urgency.URGENT: Target(hours=2)},
    plan=DEFAULT_POLICY.plan,
    workday_end=DEFAULT_POLICY.workday_end,
)

SETTINGS: list[Action] = [
    Action(
        "save_company",
        save_company,
        P.MANAGE_SETTINGS,
        lambda ctx, w, s: save_company(ctx, company_name="苏州精工机械有限公司", logo=png_logo()),
        audit=Audit.UPDATE,
    ),
    Action(
        "save_sla_policy",
        save_sla_policy,
        P.MANAGE_SETTINGS,
        lambda ctx, w, s: save_sla_policy(ctx, FASTER),
        audit=Audit.UPDATE,
    ),
    Action(
        "save_backup_settings",
        save_backup_settings,
        P.BACKUP_RESTORE,
        lambda ctx, w, s: save_backup_settings(ctx, w.file("copies"), Rotation(10, 8, 24)),
        audit=Audit.UPDATE,
    ),
    Action(
        "record_database_change",
        record_database_change,
        P.MANAGE_SETTINGS,
        lambda ctx, w, s: record_database_change(ctx, None, str(w.file("branch.db"))),
        audit=Audit.UPDATE,
    ),
    Action(
        "record_language_change",
        record_language_change,
        P.MANAGE_SETTINGS,
        lambda ctx, w, s: record_language_change(ctx, None, "en"),
        audit=Audit.UPDATE,
        allowed=frozenset(Role),
        rule="the language is a personal preference: anyone signed in chooses their PC's",
    ),
]
