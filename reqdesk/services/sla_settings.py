"""Tools → Settings → Service levels: the SLA targets per urgency and the end of the
working day.

A requirement's due times are computed from the policy when it is registered (and again
when its received time, urgency or expected date is edited); due times already promised
to customers stay as they were.
"""

from __future__ import annotations

from datetime import time

from reqdesk.models.enums import Urgency
from reqdesk.services import settings, sla
from reqdesk.services.audit import Action
from reqdesk.services.context import Context
from reqdesk.services.customers.forms import Problems
from reqdesk.services.permissions import Permission, require
from reqdesk.services.sla import SlaPolicy, Target
from reqdesk.textmarks import QT_TRANSLATE_NOOP

MIN_HOURS, MAX_HOURS = 0.5, 720.0
MIN_WORKING_DAYS, MAX_WORKING_DAYS = 1, 60
EARLIEST_WORKDAY_END, LATEST_WORKDAY_END = time(12, 0), time(23, 59)


def first_response_field(urgency: Urgency) -> str:
    return f"first_response.{urgency.value}"


def plan_field(urgency: Urgency) -> str:
    return f"plan.{urgency.value}"


def get_sla_policy(ctx: Context) -> SlaPolicy:
    with ctx.reading() as session:
        return sla.policy_from_json(settings.read_setting(session, settings.Key.SLA_POLICY))


def save_sla_policy(ctx: Context, policy: SlaPolicy) -> bool:
    """The administrator changes the targets; audited with the old and new policy.

    Returns False when nothing changed.
    """
    require(ctx.actor, Permission.MANAGE_SETTINGS)
    check_policy(policy)
    after = sla.policy_to_json(policy)
    with ctx.unit_of_work() as uow:
        stored = settings.read_setting(uow.session, settings.Key.SLA_POLICY)
        before = sla.policy_to_json(sla.policy_from_json(stored))
        if before == after:
            return False
        settings.write_setting(uow.session, settings.Key.SLA_POLICY, after)
        uow.audit(
            Action.UPDATE,
            entity_type="setting",
            details={"key": settings.Key.SLA_POLICY, "before": before, "after": after},
        )
        uow.commit()
    return True


def check_policy(policy: SlaPolicy) -> None:
    """Every urgency has a first-response target; targets are positive and bounded; a
    plan is not due before the first response; the working day ends in the afternoon or
    evening. All problems are reported at once, each under its field."""
    p = Problems()
    for urgency in Urgency:
        first = policy.first_response.get(urgency)
        if first is None:
            p.add(
                first_response_field(urgency),
                QT_TRANSLATE_NOOP("Errors", "Every urgency needs a first-response target."),
            )
        else:
            _check_target(p, first_response_field(urgency), first)
        plan = policy.plan.get(urgency)
        plan_valid = plan is not None and _check_target(p, plan_field(urgency), plan)
        if plan_valid and plan is not None and first is not None and _sooner(plan, first):
            p.add(
                plan_field(urgency),
                QT_TRANSLATE_NOOP("Errors", "The plan cannot be due before the first response."),
            )
    if not EARLIEST_WORKDAY_END <= policy.workday_end <= LATEST_WORKDAY_END:
        p.add(
            "workday_end",
            QT_TRANSLATE_NOOP("Errors", "The working day must end between 12:00 and 23:59."),
        )
    p.raise_if_any()


def _check_target(p: Problems, field: str, target: Target) -> bool:
    """Record what is wrong with ``target``; True when nothing is."""
    count = len(p.items)
    if (target.hours is None) == (target.working_days is None):
        p.add(field, QT_TRANSLATE_NOOP("Errors", "Give the target in hours or in working days."))
    elif target.hours is not None and not MIN_HOURS <= target.hours <= MAX_HOURS:
        p.add(
            field,
            QT_TRANSLATE_NOOP("Errors", "Enter {low} to {high} hours."),
            low=MIN_HOURS,
            high=int(MAX_HOURS),
        )
    elif target.working_days is not None and not (
        MIN_WORKING_DAYS <= target.working_days <= MAX_WORKING_DAYS
    ):
        p.add(
            field,
            QT_TRANSLATE_NOOP("Errors", "Enter {low} to {high} working days."),
            low=MIN_WORKING_DAYS,
            high=MAX_WORKING_DAYS,
        )
    return len(p.items) == count


def _sooner(plan: Target, first: Target) -> bool:
    """Comparable only in the same unit (hours against working days depends on the day)."""
    if plan.hours is not None and first.hours is not None:
        return plan.hours < first.hours
    if plan.working_days is not None and first.working_days is not None:
        return plan.working_days < first.working_days
    return False
