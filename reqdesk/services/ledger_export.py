"""Exporting the tracking ledger: who may, the filter in words, and the audit entry."""

from __future__ import annotations

from dataclasses import fields
from datetime import date
from enum import StrEnum
from typing import Any

from reqdesk.models import Customer, Department, Requirement, User
from reqdesk.services.audit import Action
from reqdesk.services.context import Actor, Context
from reqdesk.services.ledger_list import LedgerFilter
from reqdesk.services.permissions import Permission, require
from reqdesk.textmarks import QT_TRANSLATE_NOOP

# The filter's fields as the export's notes name them (context "LedgerWorkbook").
FILTER_LABELS: dict[str, str] = {
    "text": QT_TRANSLATE_NOOP("LedgerWorkbook", "Search"),
    "stage": QT_TRANSLATE_NOOP("LedgerWorkbook", "Stage"),
    "stages": QT_TRANSLATE_NOOP("LedgerWorkbook", "Stages"),
    "requirement_id": QT_TRANSLATE_NOOP("LedgerWorkbook", "Requirement"),
    "received_from": QT_TRANSLATE_NOOP("LedgerWorkbook", "Received from"),
    "received_to": QT_TRANSLATE_NOOP("LedgerWorkbook", "Received to"),
    "open_from": QT_TRANSLATE_NOOP("LedgerWorkbook", "Open from"),
    "open_to": QT_TRANSLATE_NOOP("LedgerWorkbook", "Open to"),
    "department_id": QT_TRANSLATE_NOOP("LedgerWorkbook", "Department"),
    "assignee_id": QT_TRANSLATE_NOOP("LedgerWorkbook", "Person"),
    "urgency": QT_TRANSLATE_NOOP("LedgerWorkbook", "Urgency"),
    "category": QT_TRANSLATE_NOOP("LedgerWorkbook", "Category"),
    "channel": QT_TRANSLATE_NOOP("LedgerWorkbook", "Channel"),
    "customer_id": QT_TRANSLATE_NOOP("LedgerWorkbook", "Customer"),
    "overdue_only": QT_TRANSLATE_NOOP("LedgerWorkbook", "Overdue only"),
    "due_soon": QT_TRANSLATE_NOOP("LedgerWorkbook", "Due soon"),
    "due_today": QT_TRANSLATE_NOOP("LedgerWorkbook", "Due today"),
}
FilterValue = str | date | bool | StrEnum | tuple[StrEnum, ...]


def may_export(ctx: Context) -> Actor:
    """The signed-in user, if they may export the ledger; else PermissionDenied."""
    require(ctx.actor, Permission.VIEW_LEDGER)
    return require(ctx.actor, Permission.PRINT_REPORTS)


def _set_fields(flt: LedgerFilter) -> dict[str, Any]:
    default = LedgerFilter()
    return {
        f.name: getattr(flt, f.name)
        for f in fields(LedgerFilter)
        if getattr(flt, f.name) != getattr(default, f.name)
    }


def filter_terms(ctx: Context, flt: LedgerFilter) -> list[tuple[str, FilterValue]]:
    """The filter's set fields as (label source text, value); ids become names."""
    models: dict[str, Any] = {
        "department_id": (Department, "name"),
        "assignee_id": (User, "full_name"),
        "customer_id": (Customer, "name"),
        "requirement_id": (Requirement, "number"),
    }
    terms: list[tuple[str, FilterValue]] = []
    with ctx.reading() as session:
        for name, value in _set_fields(flt).items():
            if name in models:
                model, attribute = models[name]
                record = session.get(model, value)
                value = getattr(record, attribute) if record is not None else f"#{value}"
            elif name == "stages":
                value = tuple(sorted(value))
            terms.append((FILTER_LABELS[name], value))
    return terms


def record_ledger_export(ctx: Context, flt: LedgerFilter, *, file_name: str, rows: int) -> None:
    """The audit entry of a ledger export: the file's name, its rows and the filter."""
    may_export(ctx)
    used = {
        name: sorted(value) if isinstance(value, frozenset) else value
        for name, value in _set_fields(flt).items()
    }
    with ctx.unit_of_work() as uow:
        uow.audit(
            Action.EXPORT,
            entity_type="requirement",
            details={"file": file_name, "rows": rows, "filter": used},
        )
        uow.commit()
