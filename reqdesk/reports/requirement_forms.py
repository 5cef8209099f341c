"""顾客服务信息登记表 and 内部联络单: the paper forms as PDFs, in a ruled grid.

Choices print as boxes (■ chosen, □ not), the way the paper forms are ticked.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from reqdesk.formatting import blank_date, date_text, datetime_text, labelled, with_note
from reqdesk.models.enums import (
    Category,
    CategoryDetail,
    Channel,
    Kind,
    Nature,
    Urgency,
    label_source,
)
from reqdesk.reports.labels import label_cell
from reqdesk.reports.pdf import GRID, PageFrame, Translate, build, content_width, para, styles


@dataclass(frozen=True)
class RequirementSheet:
    """What both forms print (plain values; the services fill it in)."""

    company: str
    printed_by: str
    printed_at: datetime
    number: str
    customer: str
    contact_name: str
    contact_phone: str
    received_at: datetime
    received_by: str
    channel: Channel
    kind: Kind
    category: Category
    category_detail: CategoryDetail | None
    nature: Nature
    urgency: Urgency
    title: str
    description: str
    expected_date: date | None
    is_special: bool
    contract_no: str
    department: str
    assignee: str
    first_response_due: datetime | None
    plan_due: datetime | None
    due_provisional: bool
    assessment: str  # already worded, "" when not assessed
    dispatched_at: datetime | None = None
    dispatched_by: str = ""
    dispatch_note: str = ""
    sender_department: str = ""
    logo: bytes | None = None  # the company's, for the header


def _when(value: datetime | None) -> str:
    return datetime_text(value)


def _boxes(translate: Translate, members: list[StrEnum], chosen: object, detail: str = "") -> str:
    """Tick boxes for ``members``; ``detail`` follows the chosen one in brackets."""
    return "  ".join(
        f"■{with_note(translate(*label_source(member)), detail)}"
        if member == chosen
        else f"□{translate(*label_source(member))}"
        for member in members
    )


SHADE = colors.HexColor("#eef1f5")


def _grid(
    rows: list[list[Any]],
    spans: list[tuple[int, int, int]],
    width: float,
    tall: dict[int, float] | None = None,
) -> list[Table]:
    """A ruled grid of label/value pairs; ``spans`` (row, 1, 3) make a row one wide value.

    Wide rows are drawn as a two-column table stacked flush between the four-column
    parts: a two-column row can split across pages, so a long description continues
    on the next page instead of overprinting (reportlab cannot split a spanned row).
    ``tall``: the paper form's height for a row, grown when its text needs more.
    """
    label = 27 * mm
    wide = {row for row, first, last in spans if (first, last) == (1, 3)}
    parts: list[Table] = []
    pending: list[list[Any]] = []

    def flush() -> None:
        if pending:
            value = (width - 2 * label) / 2
            parts.append(_part(pending, [label, value, label, value], {}, shade=(0, 2)))
            pending.clear()

    for index, row in enumerate(rows):
        if index not in wide:
            pending.append(row)
            continue
        flush()
        least = (tall or {}).get(index)
        if least is not None and _needed_height(row[1], width - label) > least:
            least = None  # the text needs more than the paper form's space
        parts.append(_part([row[:2]], [label, width - label], {0: least}, shade=(0,)))
    flush()
    return parts


def _part(
    rows: list[list[Any]],
    widths: list[float],
    heights: dict[int, float | None],
    shade: tuple[int, ...],
) -> Table:
    row_heights = [heights.get(i) for i in range(len(rows))]
    table = Table(rows, colWidths=widths, rowHeights=row_heights, splitInRow=1)
    style = TableStyle(GRID.getCommands())
    for column in shade:
        style.add("BACKGROUND", (column, 0), (column, -1), SHADE)
    style.add("VALIGN", (0, 0), (-1, -1), "MIDDLE")
    if heights:
        style.add("VALIGN", (1, 0), (-1, -1), "TOP")  # text starts at the top of tall cells
    table.setStyle(style)
    return table


def _needed_height(cell: Any, width: float) -> float:
    """The height a spanned value cell needs, with the grid's padding (text never overprints)."""
    if not hasattr(cell, "wrap"):
        return 0.0
    _w, height = cell.wrap(width - 8, 10_000 * mm)
    return float(height) + 2 * 2.5 + 2


def _signatures(signers: list[str], day: str) -> Table:
    """A line to sign on paper for each of ``signers``, each with a date to write by hand."""
    s = styles()
    rows = [
        [
            Paragraph(labelled(signer, "__________________"), s.body),
            Paragraph(labelled(day, blank_date()), s.body),
        ]
        for signer in signers
    ]
    table = Table(rows, colWidths=[content_width() / 2] * 2)
    table.setStyle(TableStyle([("TOPPADDING", (0, 0), (-1, -1), 10)]))
    return table


def _title(text: str, number_label: str, number: str) -> list[Any]:
    s = styles()
    return [para(text, s.title), para(labelled(number_label, number), s.body), Spacer(1, 2 * mm)]


def write_registration_form(path: Path, sheet: RequirementSheet, translate: Translate) -> Path:
    """The registration form (顾客服务信息登记表) with every field and signature lines."""
    s = styles()
    c = s.cell
    due_note = (
        translate("RegistrationForm", "(provisional: no holiday schedule for that year)")
        if sheet.due_provisional
        else ""
    )
    detail = sheet.category_detail
    category = _boxes(
        translate,
        list(Category),
        sheet.category,
        translate(*label_source(detail)) if detail else "",
    )
    rows = [
        [
            label_cell(translate("RegistrationForm", "Customer")),
            para(sheet.customer, c),
            label_cell(translate("RegistrationForm", "Contact person")),
            para(sheet.contact_name, c),
        ],
        [
            label_cell(translate("RegistrationForm", "Telephone")),
            para(sheet.contact_phone, c),
            label_cell(translate("RegistrationForm", "Received at")),
            para(_when(sheet.received_at), c),
        ],
        [
            label_cell(translate("RegistrationForm", "Received by")),
            para(sheet.received_by, c),
            label_cell(translate("RegistrationForm", "Contract / order no.")),
            para(sheet.contract_no, c),
        ],
        [
            label_cell(translate("RegistrationForm", "Channel")),
            label_cell(_boxes(translate, list(Channel), sheet.channel)),
            "",
            "",
        ],
        [
            label_cell(translate("RegistrationForm", "Kind")),
            label_cell(_boxes(translate, list(Kind), sheet.kind)),
            "",
            "",
        ],
        [label_cell(translate("RegistrationForm", "Category")), label_cell(category), "", ""],
        [
            label_cell(translate("RegistrationForm", "Nature")),
            label_cell(_boxes(translate, list(Nature), sheet.nature)),
            label_cell(translate("RegistrationForm", "Urgency")),
            label_cell(_boxes(translate, list(Urgency), sheet.urgency)),
        ],
        [
            label_cell(translate("RegistrationForm", "Special requirement")),
            para(
                ("■" if sheet.is_special else "□")
                + translate("RegistrationForm", "Yes")
                + "  "
                + ("□" if sheet.is_special else "■")
                + translate("RegistrationForm", "No"),
                c,
            ),
            label_cell(translate("RegistrationForm", "Expected date")),
            para(date_text(sheet.expected_date), c),
        ],
        [label_cell(translate("RegistrationForm", "Title")), para(sheet.title, c), "", ""],
        [
            label_cell(translate("RegistrationForm", "Requirement")),
            para(sheet.description, c),
            "",
            "",
        ],
        [
            label_cell(translate("RegistrationForm", "Responsible department")),
            para(sheet.department, c),
            label_cell(translate("RegistrationForm", "Responsible person")),
            para(sheet.assignee, c),
        ],
        [
            label_cell(translate("RegistrationForm", "First response due")),
            para(f"{_when(sheet.first_response_due)} {due_note}", c),
            label_cell(translate("RegistrationForm", "Plan / resolution due")),
            para(_when(sheet.plan_due), c),
        ],
        [
            label_cell(translate("RegistrationForm", "Assessment")),
            para(sheet.assessment, c),
            "",
            "",
        ],
        [label_cell(translate("RegistrationForm", "Handling result")), "", "", ""],
        [label_cell(translate("RegistrationForm", "Return visit")), "", "", ""],
    ]
    spans = [
        (3, 1, 3),
        (4, 1, 3),
        (5, 1, 3),
        (8, 1, 3),
        (9, 1, 3),
        (12, 1, 3),
        (13, 1, 3),
        (14, 1, 3),
    ]
    width = content_width()
    story = [
        *_title(
            translate("RegistrationForm", "Customer service information registration form"),
            translate("RegistrationForm", "No."),
            sheet.number,
        ),
        *_grid(rows, spans, width, {9: 48 * mm, 13: 22 * mm, 14: 16 * mm}),
        Spacer(1, 6 * mm),
        _signatures(
            [
                translate("RegistrationForm", "Registered by (signature)"),
                translate("RegistrationForm", "Head of department (signature)"),
            ],
            translate("RegistrationForm", "Date"),
        ),
    ]
    frame = PageFrame(
        sheet.company,
        translate("RegistrationForm", "Customer service information registration form"),
        sheet.printed_by,
        sheet.printed_at,
        translate,
        sheet.logo,
    )
    return build(path, story, frame)


def write_liaison_form(path: Path, sheet: RequirementSheet, translate: Translate) -> Path:
    """The internal liaison form (内部联络单) that dispatches a requirement to a department."""
    s = styles()
    c = s.cell
    customer = translate("LiaisonForm", "Customer")
    contact = translate("LiaisonForm", "Contact")
    urgency = translate("LiaisonForm", "Urgency")
    expected = translate("LiaisonForm", "Expected date")
    lines = [
        labelled(customer, sheet.customer),
        labelled(contact, f"{sheet.contact_name} {sheet.contact_phone}"),
        labelled(urgency, translate(*label_source(sheet.urgency))),
    ]
    if sheet.expected_date:
        lines.append(labelled(expected, date_text(sheet.expected_date)))
    matter = "\n".join([*lines, "", sheet.description])
    rows = [
        [
            label_cell(translate("LiaisonForm", "From department")),
            para(sheet.sender_department, c),
            label_cell(translate("LiaisonForm", "To department")),
            para(sheet.department, c),
        ],
        [
            label_cell(translate("LiaisonForm", "Sent by")),
            para(sheet.dispatched_by, c),
            label_cell(translate("LiaisonForm", "Addressee")),
            para(sheet.assignee, c),
        ],
        [
            label_cell(translate("LiaisonForm", "Sent on")),
            para(_when(sheet.dispatched_at), c),
            label_cell(translate("LiaisonForm", "Reply due")),
            para(_when(sheet.first_response_due), c),
        ],
        [
            label_cell(translate("LiaisonForm", "Subject")),
            para(with_note(sheet.title, sheet.number), c),
            "",
            "",
        ],
        [label_cell(translate("LiaisonForm", "Matter")), para(matter, c), "", ""],
        [
            label_cell(translate("LiaisonForm", "Instructions")),
            para(sheet.dispatch_note or "", c),
            "",
            "",
        ],
        [
            label_cell(translate("LiaisonForm", "Note")),
            para(
                translate(
                    "LiaisonForm",
                    "For long tasks, send the service desk a processing plan (method, schedule, "
                    "commitment) within two working days.",
                ),
                c,
            ),
            "",
            "",
        ],
        [label_cell(translate("LiaisonForm", "Reply")), "", "", ""],
    ]
    spans = [(3, 1, 3), (4, 1, 3), (5, 1, 3), (6, 1, 3), (7, 1, 3)]
    story = [
        *_title(
            translate("LiaisonForm", "Internal liaison form"),
            translate("LiaisonForm", "No."),
            sheet.number,
        ),
        *_grid(rows, spans, content_width(), {4: 60 * mm, 7: 50 * mm}),
        Spacer(1, 6 * mm),
        _signatures(
            [
                translate("LiaisonForm", "Sender (signature)"),
                translate("LiaisonForm", "Received by (signature)"),
            ],
            translate("LiaisonForm", "Date"),
        ),
    ]
    frame = PageFrame(
        sheet.company,
        translate("LiaisonForm", "Internal liaison form"),
        sheet.printed_by,
        sheet.printed_at,
        translate,
        sheet.logo,
    )
    return build(path, story, frame)
