"""Readable names for the tables and columns a sync package carries, and their values.

Packages and the conflict list name tables and columns as the database does
(``customer.address``); people read 客户档案 · 地址. Columns without a label here are
shown by their database name.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Date, DateTime, Enum

from reqdesk.formatting import date_text, datetime_text, number_text
from reqdesk.i18n import enum_label, translate
from reqdesk.models.base import UTCDateTime
from reqdesk.services.sync import tables as T
from reqdesk.textmarks import QT_TRANSLATE_NOOP

CONTEXT = "SyncLabels"
HIDDEN_COLUMNS = frozenset({"name_key"})  # derived from the name; never differs on its own

TABLES = {
    "customer": QT_TRANSLATE_NOOP("SyncLabels", "Customer files"),
    "customer_contact": QT_TRANSLATE_NOOP("SyncLabels", "Contacts"),
    "relationship_log_entry": QT_TRANSLATE_NOOP("SyncLabels", "Relationship log"),
    "customer_transaction": QT_TRANSLATE_NOOP("SyncLabels", "Past transactions"),
    "requirement": QT_TRANSLATE_NOOP("SyncLabels", "Requirements"),
    "requirement_event": QT_TRANSLATE_NOOP("SyncLabels", "Requirement history"),
    "requirement_assessment": QT_TRANSLATE_NOOP("SyncLabels", "Assessments"),
    "processing_plan": QT_TRANSLATE_NOOP("SyncLabels", "Processing plans"),
    "requirement_response": QT_TRANSLATE_NOOP("SyncLabels", "Responses"),
    "return_visit": QT_TRANSLATE_NOOP("SyncLabels", "Return visits"),
    "review": QT_TRANSLATE_NOOP("SyncLabels", "Reviews"),
    "review_round": QT_TRANSLATE_NOOP("SyncLabels", "Review rounds"),
    "review_participant": QT_TRANSLATE_NOOP("SyncLabels", "Review departments"),
    "sign_off": QT_TRANSLATE_NOOP("SyncLabels", "Sign-offs"),
    "review_negotiation": QT_TRANSLATE_NOOP("SyncLabels", "Negotiations"),
    "review_amendment": QT_TRANSLATE_NOOP("SyncLabels", "Amendments"),
    "review_notice": QT_TRANSLATE_NOOP("SyncLabels", "Amendment notices"),
    T.DEPARTMENT: QT_TRANSLATE_NOOP("SyncLabels", "Departments"),
    T.USER: QT_TRANSLATE_NOOP("SyncLabels", "Users"),
    T.TOMBSTONE: QT_TRANSLATE_NOOP("SyncLabels", "Deletions"),
    T.AUDIT: QT_TRANSLATE_NOOP("SyncLabels", "Audit log entries"),
}

COLUMNS = {
    "number": QT_TRANSLATE_NOOP("SyncLabels", "Number"),
    "code": QT_TRANSLATE_NOOP("SyncLabels", "Code"),
    "name": QT_TRANSLATE_NOOP("SyncLabels", "Name"),
    "short_name": QT_TRANSLATE_NOOP("SyncLabels", "Short name"),
    "credit_code": QT_TRANSLATE_NOOP("SyncLabels", "Unified social credit code"),
    "address": QT_TRANSLATE_NOOP("SyncLabels", "Address"),
    "website": QT_TRANSLATE_NOOP("SyncLabels", "Website"),
    "industry": QT_TRANSLATE_NOOP("SyncLabels", "Industry"),
    "credit_grade": QT_TRANSLATE_NOOP("SyncLabels", "Credit grade"),
    "customer_class": QT_TRANSLATE_NOOP("SyncLabels", "Customer class"),
    "custodian_id": QT_TRANSLATE_NOOP("SyncLabels", "Custodian"),
    "approval_state": QT_TRANSLATE_NOOP("SyncLabels", "Approval"),
    "customer_id": QT_TRANSLATE_NOOP("SyncLabels", "Customer"),
    "title": QT_TRANSLATE_NOOP("SyncLabels", "Title"),
    "phone": QT_TRANSLATE_NOOP("SyncLabels", "Phone"),
    "mobile": QT_TRANSLATE_NOOP("SyncLabels", "Mobile"),
    "email": QT_TRANSLATE_NOOP("SyncLabels", "Email"),
    "contact_name": QT_TRANSLATE_NOOP("SyncLabels", "Contact"),
    "contact_phone": QT_TRANSLATE_NOOP("SyncLabels", "Contact phone"),
    "channel": QT_TRANSLATE_NOOP("SyncLabels", "Channel"),
    "kind": QT_TRANSLATE_NOOP("SyncLabels", "Kind"),
    "category": QT_TRANSLATE_NOOP("SyncLabels", "Category"),
    "nature": QT_TRANSLATE_NOOP("SyncLabels", "Nature"),
    "urgency": QT_TRANSLATE_NOOP("SyncLabels", "Urgency"),
    "description": QT_TRANSLATE_NOOP("SyncLabels", "Description"),
    "summary": QT_TRANSLATE_NOOP("SyncLabels", "Summary"),
    "content": QT_TRANSLATE_NOOP("SyncLabels", "Content"),
    "note": QT_TRANSLATE_NOOP("SyncLabels", "Note"),
    "comment": QT_TRANSLATE_NOOP("SyncLabels", "Comment"),
    "comments": QT_TRANSLATE_NOOP("SyncLabels", "Comments"),
    "stage": QT_TRANSLATE_NOOP("SyncLabels", "Stage"),
    "state": QT_TRANSLATE_NOOP("SyncLabels", "State"),
    "department_id": QT_TRANSLATE_NOOP("SyncLabels", "Department"),
    "assignee_id": QT_TRANSLATE_NOOP("SyncLabels", "Assignee"),
    "received_at": QT_TRANSLATE_NOOP("SyncLabels", "Received at"),
    "expected_date": QT_TRANSLATE_NOOP("SyncLabels", "Expected date"),
    "contract_no": QT_TRANSLATE_NOOP("SyncLabels", "Contract no."),
    "product": QT_TRANSLATE_NOOP("SyncLabels", "Product"),
    "product_name": QT_TRANSLATE_NOOP("SyncLabels", "Product name"),
    "quantity": QT_TRANSLATE_NOOP("SyncLabels", "Quantity"),
    "unit": QT_TRANSLATE_NOOP("SyncLabels", "Unit"),
    "amount": QT_TRANSLATE_NOOP("SyncLabels", "Amount"),
    "price": QT_TRANSLATE_NOOP("SyncLabels", "Price"),
    "delivery_date": QT_TRANSLATE_NOOP("SyncLabels", "Delivery date"),
    "satisfaction": QT_TRANSLATE_NOOP("SyncLabels", "Satisfaction"),
    "person": QT_TRANSLATE_NOOP("SyncLabels", "Person"),
    "contact_date": QT_TRANSLATE_NOOP("SyncLabels", "Contact date"),
    "created_at": QT_TRANSLATE_NOOP("SyncLabels", "Created at"),
    "qualification_notes": QT_TRANSLATE_NOOP("SyncLabels", "Qualifications"),
    "credit_note": QT_TRANSLATE_NOOP("SyncLabels", "Credit note"),
    "production_process": QT_TRANSLATE_NOOP("SyncLabels", "Production process"),
    "production_scale": QT_TRANSLATE_NOOP("SyncLabels", "Production scale"),
    "raw_materials": QT_TRANSLATE_NOOP("SyncLabels", "Raw materials"),
    "production_investment": QT_TRANSLATE_NOOP("SyncLabels", "Production investment"),
    "approved_by_id": QT_TRANSLATE_NOOP("SyncLabels", "Approved by"),
    "approved_at": QT_TRANSLATE_NOOP("SyncLabels", "Approved at"),
    "approval_note": QT_TRANSLATE_NOOP("SyncLabels", "Approval note"),
    "is_primary": QT_TRANSLATE_NOOP("SyncLabels", "Primary contact"),
    "walk_in_name": QT_TRANSLATE_NOOP("SyncLabels", "Walk-in contact"),
    "received_by_id": QT_TRANSLATE_NOOP("SyncLabels", "Received by"),
    "category_detail": QT_TRANSLATE_NOOP("SyncLabels", "Category detail"),
    "is_special": QT_TRANSLATE_NOOP("SyncLabels", "Special contract"),
    "first_response_due": QT_TRANSLATE_NOOP("SyncLabels", "First response due"),
    "first_response_at": QT_TRANSLATE_NOOP("SyncLabels", "First response at"),
    "plan_due": QT_TRANSLATE_NOOP("SyncLabels", "Plan due"),
    "resolution_due": QT_TRANSLATE_NOOP("SyncLabels", "Resolution due"),
    "resolved_at": QT_TRANSLATE_NOOP("SyncLabels", "Resolved at"),
    "closed_at": QT_TRANSLATE_NOOP("SyncLabels", "Closed at"),
    "merged_into_id": QT_TRANSLATE_NOOP("SyncLabels", "Merged into"),
    "spec_model": QT_TRANSLATE_NOOP("SyncLabels", "Specification / model"),
    "drawing_no": QT_TRANSLATE_NOOP("SyncLabels", "Drawing no."),
    "quality_requirements": QT_TRANSLATE_NOOP("SyncLabels", "Quality requirements"),
    "delivery_place": QT_TRANSLATE_NOOP("SyncLabels", "Delivery place"),
    "delivery_method": QT_TRANSLATE_NOOP("SyncLabels", "Delivery method"),
    "acceptance_standard": QT_TRANSLATE_NOOP("SyncLabels", "Acceptance standard"),
    "settlement_terms": QT_TRANSLATE_NOOP("SyncLabels", "Settlement terms"),
    "contract_type": QT_TRANSLATE_NOOP("SyncLabels", "Contract type"),
    "contract_date": QT_TRANSLATE_NOOP("SyncLabels", "Contract date"),
    "visit_date": QT_TRANSLATE_NOOP("SyncLabels", "Visit date"),
    "method": QT_TRANSLATE_NOOP("SyncLabels", "Method"),
    "schedule": QT_TRANSLATE_NOOP("SyncLabels", "Schedule"),
    "commitment": QT_TRANSLATE_NOOP("SyncLabels", "Commitment"),
    "decision": QT_TRANSLATE_NOOP("SyncLabels", "Decision"),
    "conditions": QT_TRANSLATE_NOOP("SyncLabels", "Conditions"),
    "outcome": QT_TRANSLATE_NOOP("SyncLabels", "Outcome"),
    "requirement_id": QT_TRANSLATE_NOOP("SyncLabels", "Requirement"),
    "review_id": QT_TRANSLATE_NOOP("SyncLabels", "Review"),
}


def table_label(table: str) -> str:
    source = TABLES.get(table)
    return translate(CONTEXT, source) if source else table


def column_label(column: str) -> str:
    source = COLUMNS.get(column)
    return translate(CONTEXT, source) if source else column


def columns_of(table: str, data: dict[str, Any]) -> list[str]:
    """The columns to show for a version of a ``table`` record, in the table's order."""
    known = T.RECORD_TABLES.get(table)
    order = [c.name for c in T.data_columns(known)] if known is not None else sorted(data)
    extra = sorted(set(data) - set(order))
    return [name for name in [*order, *extra] if name not in HIDDEN_COLUMNS]


def value_text(table: str, column: str, value: Any) -> str:
    """A packaged value as the screens show it: dates in the language, codes as labels."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return translate("SyncLabels", "Yes") if value else translate("SyncLabels", "No")
    kind = _column_type(table, column)
    try:
        if isinstance(kind, UTCDateTime | DateTime):
            return datetime_text(datetime.fromisoformat(str(value)))
        if isinstance(kind, Date):
            return date_text(date.fromisoformat(str(value)))
        if isinstance(kind, Enum) and kind.enum_class is not None:
            member = kind.enum_class(value)
            return enum_label(member) if isinstance(member, StrEnum) else str(value)
    except (ValueError, KeyError):
        return str(value)
    return str(value)


def _column_type(table: str, column: str) -> Any:
    known = T.RECORD_TABLES.get(table)
    if known is None or column not in known.c:
        return None
    return known.c[column].type


def counts_text(counts: dict[str, int]) -> str:
    """ "Customer files 3, Requirements 12, …" in the package's table order."""
    order = {name: index for index, name in enumerate(T.PACKAGE_TABLES)}
    parts = [
        f"{table_label(name)} {number_text(count)}"
        for name, count in sorted(counts.items(), key=lambda item: order.get(item[0], 99))
        if count
    ]
    return translate("SyncLabels", ", ").join(parts)
