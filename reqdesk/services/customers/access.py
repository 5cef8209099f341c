"""Who may open a customer's confidential sections (seed 003 §5.1.3).

The custodian, supervisors, the general manager and users the GM granted access
to that customer. Everyone else sees the identity and the contacts only.
"""

from __future__ import annotations

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from reqdesk.models import Customer, CustomerAccessGrant
from reqdesk.services.context import Actor
from reqdesk.services.errors import PermissionDenied
from reqdesk.services.permissions import Permission, can
from reqdesk.textmarks import QT_TRANSLATE_NOOP

CONFIDENTIAL = QT_TRANSLATE_NOOP(
    "Errors",
    "This part of the customer file is confidential. Only the custodian, supervisors, the "
    "general manager and users granted access may open it.",
)


def may_open_confidential(session: Session, actor: Actor | None, customer: Customer) -> bool:
    if actor is None:
        return False
    if can(actor, Permission.VIEW_ALL_CONFIDENTIAL) or customer.custodian_id == actor.user_id:
        return True
    return bool(
        session.scalar(
            select(
                exists().where(
                    CustomerAccessGrant.customer_id == customer.id,
                    CustomerAccessGrant.user_id == actor.user_id,
                )
            )
        )
    )


def require_confidential(session: Session, actor: Actor | None, customer: Customer) -> None:
    if not may_open_confidential(session, actor, customer):
        raise PermissionDenied(CONFIDENTIAL)


def accessible_condition(actor: Actor):  # type: ignore[no-untyped-def]
    """A SQL condition: customers whose confidential sections ``actor`` may open."""
    if can(actor, Permission.VIEW_ALL_CONFIDENTIAL):
        return Customer.id.is_not(None)
    granted = (
        select(CustomerAccessGrant.id)
        .where(
            CustomerAccessGrant.customer_id == Customer.id,
            CustomerAccessGrant.user_id == actor.user_id,
        )
        .exists()
    )
    return (Customer.custodian_id == actor.user_id) | granted
