"""Provisional due times follow the calendar once the missing year's schedule arrives."""

from __future__ import annotations

from sqlalchemy import select

from reqdesk.models import Requirement
from reqdesk.services.audit import Action
from reqdesk.services.context import UnitOfWork
from reqdesk.services.customers.files import apply_values


def refresh_provisional_dues(uow: UnitOfWork) -> int:
    """Recompute the due times that were counted on weekends only; audited per record.

    Runs in the transaction that changed the calendar. Due times that were not
    provisional stay as they were promised. Returns how many records changed.
    """
    from reqdesk.services.requirements.registration import due_values

    session = uow.session
    changed = 0
    for requirement in session.scalars(
        select(Requirement).where(Requirement.due_provisional.is_(True))
    ):
        values = {
            "received_at": requirement.received_at,
            "urgency": requirement.urgency,
            "expected_date": requirement.expected_date,
        }
        changes = apply_values(requirement, due_values(session, values))
        if changes:
            changed += 1
            requirement.updated_at = uow.now
            uow.audit(
                Action.UPDATE,
                requirement,
                {"number": requirement.number, "reason": "calendar", **changes},
            )
    return changed
