"""The catalogue of actions on requirements, and ``CATALOGUE``: every action a user can
take, joined from the customer, requirement, review, ledger and administration parts.
Each entry names the permission the matrix must grant; ``allowed``/``rule`` say where
more decides."""

from __future__ import annotations

from datetime import date

from reqdesk.models.enums import ContactChannel, Feasibility, Stage
from reqdesk.services.audit import Action as Audit
from reqdesk.services.permissions import Permission as P
from reqdesk.services.requirements.duplicates import find_duplicates
from reqdesk.services.requirements.forms import AssessmentInput
from reqdesk.services.requirements.printing import print_requirement_form
from reqdesk.services.requirements.registration import (
    dispatch_requirement,
    merge_requirements,
    register_requirement,
    save_assessment,
    update_registration,
)
from reqdesk.services.requirements.tracking import tracking_detail
from reqdesk.services.requirements.views import get_requirement, get_requirement_by_number
from reqdesk.services.requirements.workflow import (
    PlanInput,
    ResponseInput,
    VisitInput,
    change_stage,
    log_response,
    record_plan,
    record_return_visit,
)
from reqdesk.services.sla import BUSINESS_TZ
from tests.services.permission_admin_actions import ADMIN_AND_LEDGER
from tests.services.permission_customer_actions import CUSTOMERS
from tests.services.permission_people_actions import PEOPLE
from tests.services.permission_review_actions import REVIEWS
from tests.services.permission_settings_actions import SETTINGS
from tests.services.permission_sync_actions import SYNC
from tests.services.permission_world import (
    HELPER,
    Action,
    World,
    dispatched,
    registered,
    resolved,
    translate,
)
from tests.services.registration_inputs import form

OWN_DEPARTMENT = "a department moves only the requirements sent to it (Sales here)"


def today(w: World) -> date:
    return w.clock().astimezone(BUSINESS_TZ).date()


REQUIREMENTS = [
    Action(
        "register_requirement",
        register_requirement,
        P.REGISTER_REQUIREMENTS,
        lambda ctx, w, s: register_requirement(ctx, form()),
        audit=Audit.CREATE,
    ),
    Action(
        "update_registration",
        update_registration,
        P.EDIT_REQUIREMENTS,
        lambda ctx, w, s: update_registration(ctx, s, form(title="要求提供材质证明及检测报告")),
        registered,
        audit=Audit.UPDATE,
    ),
    Action(
        "dispatch_requirement",
        dispatch_requirement,
        P.DISPATCH,
        lambda ctx, w, s: dispatch_requirement(ctx, s, w.department("TECH"), None),
        registered,
        audit=Audit.STAGE,
    ),
    Action(
        "merge_requirements",
        merge_requirements,
        P.EDIT_REQUIREMENTS,
        lambda ctx, w, s: merge_requirements(ctx, *s),
        lambda w: (registered(w, "补充：材质证明需盖章"), registered(w)),
        audit=Audit.STAGE,
    ),
    Action(
        "save_assessment",
        save_assessment,
        P.ASSESS,
        lambda ctx, w, s: save_assessment(
            ctx, s, AssessmentInput(technical=Feasibility.FEASIBLE, value_score=4)
        ),
        registered,
        audit=Audit.UPDATE,
    ),
    Action(
        "start_work",
        change_stage,
        P.CHANGE_STAGE,
        lambda ctx, w, s: change_stage(ctx, s, Stage.IN_PROGRESS),
        dispatched,
        audit=Audit.STAGE,
        rule=OWN_DEPARTMENT,
        department_bound=True,
    ),
    Action(
        "cancel_requirement",
        change_stage,
        P.DISPATCH,
        lambda ctx, w, s: change_stage(ctx, s, Stage.CANCELLED, "客户撤回"),
        dispatched,
        audit=Audit.STAGE,
        rule="the desk's decision: refused to the handling department too",
    ),
    Action(
        "record_plan",
        record_plan,
        P.CHANGE_STAGE,
        lambda ctx, w, s: record_plan(ctx, s, PlanInput("更换供应商", "两周内", "月底前交付")),
        dispatched,
        audit=Audit.CREATE,
        rule=OWN_DEPARTMENT,
        department_bound=True,
    ),
    Action(
        "log_response",
        log_response,
        P.CHANGE_STAGE,
        lambda ctx, w, s: log_response(
            ctx, s, ResponseInput(w.clock(), ContactChannel.CALL, "已告知客户处理方案")
        ),
        dispatched,
        audit=Audit.CREATE,
        rule=OWN_DEPARTMENT,
        department_bound=True,
    ),
    Action(
        "record_return_visit",
        record_return_visit,
        P.RECORD_RETURN_VISIT,
        lambda ctx, w, s: record_return_visit(
            ctx, s, VisitInput(today(w), ContactChannel.CALL, 5, "满意")
        ),
        resolved,
        audit=Audit.CREATE,
    ),
    Action(
        "print_requirement_form",
        print_requirement_form,
        P.PRINT_REPORTS,
        lambda ctx, w, s: print_requirement_form(
            ctx, w.file("requirement.pdf"), translate, requirement_id=s
        ),
        registered,
        audit=Audit.PRINT,
    ),
    Action(
        "find_duplicates",
        find_duplicates,
        P.VIEW_LEDGER,
        lambda ctx, w, s: find_duplicates(ctx, customer_id=1, title="要求提供精密轴承材质证明"),
        registered,
        expect=lambda w, s, r: [c.id for c in r] == [s],
    ),
    Action(
        "get_requirement",
        get_requirement,
        P.VIEW_LEDGER,
        lambda ctx, w, s: get_requirement(ctx, s),
        registered,
        expect=lambda w, s, r: r.id == s,
    ),
    Action(
        "get_requirement_by_number",
        get_requirement_by_number,
        P.VIEW_LEDGER,
        lambda ctx, w, s: get_requirement_by_number(ctx, s),
        lambda w: register_requirement(w.as_(HELPER), form()).number,
        expect=lambda w, s, r: r.number == s,
    ),
    Action(
        "tracking_detail",
        tracking_detail,
        P.VIEW_LEDGER,
        lambda ctx, w, s: tracking_detail(ctx, s),
        dispatched,
        expect=lambda w, s, r: r.id == s,
    ),
]

CATALOGUE: list[Action] = [
    *CUSTOMERS,
    *REQUIREMENTS,
    *ADMIN_AND_LEDGER,
    *REVIEWS,
    *PEOPLE,
    *SETTINGS,
    *SYNC,
]
