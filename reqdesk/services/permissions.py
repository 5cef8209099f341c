"""The permission matrix: which role may do what. Every service that needs it asks here."""

from __future__ import annotations

from enum import StrEnum

from reqdesk.models.enums import Role
from reqdesk.services.context import Actor
from reqdesk.services.errors import PermissionDenied, Text
from reqdesk.textmarks import QT_TRANSLATE_NOOP


class Permission(StrEnum):
    VIEW_CUSTOMERS = "view_customers"
    EDIT_CUSTOMERS = "edit_customers"
    APPROVE_CUSTOMERS = "approve_customers"
    VIEW_ALL_CONFIDENTIAL = "view_all_confidential"
    GRANT_CUSTOMER_ACCESS = "grant_customer_access"
    REGISTER_REQUIREMENTS = "register_requirements"
    EDIT_REQUIREMENTS = "edit_requirements"
    DISPATCH = "dispatch"
    ASSESS = "assess"
    OPEN_REVIEWS = "open_reviews"
    SIGN_OFF = "sign_off"
    ARBITRATE = "arbitrate"
    VIEW_LEDGER = "view_ledger"
    CHANGE_STAGE = "change_stage"
    RECORD_RETURN_VISIT = "record_return_visit"
    PRINT_REPORTS = "print_reports"
    MANAGE_USERS = "manage_users"
    MANAGE_SETTINGS = "manage_settings"
    MANAGE_CALENDAR = "manage_calendar"
    BACKUP_RESTORE = "backup_restore"
    VIEW_AUDIT = "view_audit"
    SYNC = "sync"


P = Permission

PERMISSION_LABELS: dict[Permission, str] = {
    P.VIEW_CUSTOMERS: QT_TRANSLATE_NOOP("Permission", "view customer files"),
    P.EDIT_CUSTOMERS: QT_TRANSLATE_NOOP("Permission", "edit customer files"),
    P.APPROVE_CUSTOMERS: QT_TRANSLATE_NOOP("Permission", "approve customer files"),
    P.VIEW_ALL_CONFIDENTIAL: QT_TRANSLATE_NOOP("Permission", "open every confidential file"),
    P.GRANT_CUSTOMER_ACCESS: QT_TRANSLATE_NOOP("Permission", "grant access to customer files"),
    P.REGISTER_REQUIREMENTS: QT_TRANSLATE_NOOP("Permission", "register requirements"),
    P.EDIT_REQUIREMENTS: QT_TRANSLATE_NOOP("Permission", "edit requirements"),
    P.DISPATCH: QT_TRANSLATE_NOOP("Permission", "dispatch requirements"),
    P.ASSESS: QT_TRANSLATE_NOOP("Permission", "assess requirements"),
    P.OPEN_REVIEWS: QT_TRANSLATE_NOOP("Permission", "open contract reviews"),
    P.SIGN_OFF: QT_TRANSLATE_NOOP("Permission", "sign reviews"),
    P.ARBITRATE: QT_TRANSLATE_NOOP("Permission", "arbitrate reviews"),
    P.VIEW_LEDGER: QT_TRANSLATE_NOOP("Permission", "view the tracking ledger"),
    P.CHANGE_STAGE: QT_TRANSLATE_NOOP("Permission", "change a requirement's stage"),
    P.RECORD_RETURN_VISIT: QT_TRANSLATE_NOOP("Permission", "record return visits"),
    P.PRINT_REPORTS: QT_TRANSLATE_NOOP("Permission", "print and export reports"),
    P.MANAGE_USERS: QT_TRANSLATE_NOOP("Permission", "manage users"),
    P.MANAGE_SETTINGS: QT_TRANSLATE_NOOP("Permission", "change settings"),
    P.MANAGE_CALENDAR: QT_TRANSLATE_NOOP("Permission", "edit the holiday calendar"),
    P.BACKUP_RESTORE: QT_TRANSLATE_NOOP("Permission", "back up and restore"),
    P.VIEW_AUDIT: QT_TRANSLATE_NOOP("Permission", "read the audit log"),
    P.SYNC: QT_TRANSLATE_NOOP("Permission", "exchange sync packages with other sites"),
}
_EVERYONE = {P.VIEW_CUSTOMERS, P.VIEW_LEDGER}

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.OPERATOR: frozenset(
        _EVERYONE
        | {
            P.EDIT_CUSTOMERS,
            P.REGISTER_REQUIREMENTS,
            P.EDIT_REQUIREMENTS,
            P.DISPATCH,
            P.ASSESS,
            P.OPEN_REVIEWS,
            P.CHANGE_STAGE,
            P.RECORD_RETURN_VISIT,
            P.PRINT_REPORTS,
        }
    ),
    Role.REVIEWER: frozenset(_EVERYONE | {P.SIGN_OFF, P.ASSESS, P.CHANGE_STAGE}),
    Role.SUPERVISOR: frozenset(
        _EVERYONE
        | {
            P.EDIT_CUSTOMERS,
            P.VIEW_ALL_CONFIDENTIAL,
            P.REGISTER_REQUIREMENTS,
            P.EDIT_REQUIREMENTS,
            P.DISPATCH,
            P.ASSESS,
            P.OPEN_REVIEWS,
            P.CHANGE_STAGE,
            P.RECORD_RETURN_VISIT,
            P.PRINT_REPORTS,
            P.VIEW_AUDIT,
            P.SYNC,
        }
    ),
    Role.GENERAL_MANAGER: frozenset(
        _EVERYONE
        | {
            P.APPROVE_CUSTOMERS,
            P.VIEW_ALL_CONFIDENTIAL,
            P.GRANT_CUSTOMER_ACCESS,
            P.SIGN_OFF,
            P.ARBITRATE,
            P.PRINT_REPORTS,
            P.VIEW_AUDIT,
        }
    ),
    Role.ADMIN: frozenset(
        _EVERYONE
        | {
            P.MANAGE_USERS,
            P.MANAGE_SETTINGS,
            P.MANAGE_CALENDAR,
            P.BACKUP_RESTORE,
            P.VIEW_AUDIT,
            P.SYNC,
        }
    ),
}


def permissions_of(roles: frozenset[Role]) -> frozenset[Permission]:
    granted: set[Permission] = set()
    for role in roles:
        granted |= ROLE_PERMISSIONS[role]
    return frozenset(granted)


def can(actor: Actor | None, permission: Permission) -> bool:
    return actor is not None and permission in permissions_of(actor.roles)


def require(actor: Actor | None, permission: Permission) -> Actor:
    """Return the actor if they hold ``permission``; refuse otherwise."""
    if actor is None:
        raise PermissionDenied(QT_TRANSLATE_NOOP("Errors", "Please sign in first."))
    if not can(actor, permission):
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("Errors", "Your role does not allow you to {permission}."),
            permission=Text("Permission", PERMISSION_LABELS[permission]),
        )
    return actor
