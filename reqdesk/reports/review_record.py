"""合同评审表: the contract review record as a PDF, in the ruled grid of the paper forms.

Every round is printed, oldest first, with all its sign-offs: a corrected sign-off
stays on the record, marked as superseded, above the one that corrects it. Long
texts split across pages (wide grid rows and list-table rows both split).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer, Table

from reqdesk.formatting import date_text, labelled, number_text
from reqdesk.models.enums import ContractType, SignOffKind, label_source
from reqdesk.reports.labels import label_cell
from reqdesk.reports.pdf import (
    PageFrame,
    Translate,
    build,
    content_width,
    list_table,
    para,
    styles,
)
from reqdesk.reports.requirement_forms import _boxes, _grid, _signatures, _title, _when
from reqdesk.services.reviews.items import ReviewItems
from reqdesk.services.reviews.views import (
    AmendmentView,
    NegotiationView,
    ReviewView,
    RoundView,
    SignOffView,
)
from reqdesk.textmarks import QT_TRANSLATE_NOOP

# The review items by field name: the grid's labels and an amendment's changes.
ITEM_LABELS = {
    "contract_no": QT_TRANSLATE_NOOP("ReviewRecord", "Contract no."),
    "product_name": QT_TRANSLATE_NOOP("ReviewRecord", "Product name"),
    "spec_model": QT_TRANSLATE_NOOP("ReviewRecord", "Specification / model"),
    "drawing_no": QT_TRANSLATE_NOOP("ReviewRecord", "Drawing no."),
    "quality_requirements": QT_TRANSLATE_NOOP("ReviewRecord", "Quality requirements"),
    "price": QT_TRANSLATE_NOOP("ReviewRecord", "Price"),
    "quantity": QT_TRANSLATE_NOOP("ReviewRecord", "Quantity"),
    "delivery_date": QT_TRANSLATE_NOOP("ReviewRecord", "Delivery date"),
    "acceptance_standard": QT_TRANSLATE_NOOP("ReviewRecord", "Acceptance standard"),
    "settlement_terms": QT_TRANSLATE_NOOP("ReviewRecord", "Settlement terms"),
    "attachments": QT_TRANSLATE_NOOP("ReviewRecord", "Attachments"),
    "is_new_product": QT_TRANSLATE_NOOP("ReviewRecord", "New product"),
    "above_top_precision": QT_TRANSLATE_NOOP("ReviewRecord", "Precision above the top grade"),
}

SUPERSEDED_SHADE = colors.HexColor("#e4e4e4")


@dataclass(frozen=True)
class ReviewSheet:
    """What the record prints: the review as the services show it, who prints it and when."""

    company: str
    printed_by: str
    printed_at: datetime
    review: ReviewView
    logo: bytes | None = None  # the company's, for the header


def _item_label(translate: Translate, field: str) -> str:
    return translate("ReviewRecord", ITEM_LABELS[field]) if field in ITEM_LABELS else field


def _label(translate: Translate, member: Any) -> str:
    return translate(*label_source(member)) if member is not None else ""


def _cell(text: object) -> Paragraph:
    return para(text, styles().cell)


def _heading(text: str) -> list[Flowable]:
    """A block's heading, moved to the next page with its block when too little room is left."""
    return [CondPageBreak(28 * mm), para(text, styles().heading)]


def _row(*pairs: tuple[str, object]) -> list[Any]:
    """A grid row of two label/value pairs; a single pair makes one wide row."""
    cells: list[Any] = []
    for name, value in pairs:
        cells += [label_cell(name), _cell(value)]
    return cells + [""] * (4 - len(cells))


def _ruled(rows: list[list[Any]]) -> list[Table]:
    """The paper forms' ruled grid; wide rows split across pages instead of overprinting."""
    spans = [(index, 1, 3) for index, row in enumerate(rows) if row[2] == ""]
    return _grid(rows, spans, content_width())


def _widths(fixed_mm: list[int]) -> list[float]:
    """Column widths in millimetres; the one given as 0 takes the rest of the page."""
    rest = content_width() - sum(fixed_mm) * mm
    return [value * mm if value else rest for value in fixed_mm]


def _amount(value: Decimal | None, places: int | None = None) -> str:
    """A price with its cents, a quantity without trailing zeros; "" when not given."""
    if value is None:
        return ""
    return number_text(value, places)


def _yes_no(translate: Translate, value: bool) -> str:
    yes = translate("ReviewRecord", "Yes")
    no = translate("ReviewRecord", "No")
    return f"{'■' if value else '□'}{yes}  {'□' if value else '■'}{no}"


def _contract_type(review: ReviewView, translate: Translate) -> str:
    """Ticked contract type; the proposal and the reason when the organiser chose otherwise."""
    detail = ""
    if review.contract_type != review.proposed_type:
        detail = translate("ReviewRecord", "proposed: {type}, reason: {reason}").format(
            type=_label(translate, review.proposed_type), reason=review.type_reason
        )
    return _boxes(translate, list(ContractType), review.contract_type, detail)


def _header(review: ReviewView, translate: Translate) -> list[Any]:
    rows = [
        _row(
            (translate("ReviewRecord", "Review no."), review.number),
            (translate("ReviewRecord", "State"), _label(translate, review.state)),
        ),
        _row(
            (translate("ReviewRecord", "Requirement no."), review.requirement_number),
            (translate("ReviewRecord", "Customer"), review.customer),
        ),
        _row((translate("ReviewRecord", "Requirement"), review.requirement_title)),
        _row(
            (_item_label(translate, "contract_no"), review.items.contract_no),
            (translate("ReviewRecord", "Routing"), _label(translate, review.routing)),
        ),
        _row((translate("ReviewRecord", "Contract type"), _contract_type(review, translate))),
        _row(
            (translate("ReviewRecord", "Opened by"), review.opened_by),
            (translate("ReviewRecord", "Opened at"), _when(review.opened_at)),
        ),
    ]
    if review.supersedes or review.superseded_by:
        rows.append(
            _row(
                (translate("ReviewRecord", "Replaces review"), review.supersedes),
                (translate("ReviewRecord", "Replaced by review"), review.superseded_by),
            )
        )
    return _ruled(rows)


def _items(items: ReviewItems, translate: Translate) -> list[Any]:
    def pair(field: str, value: object) -> tuple[str, object]:
        return _item_label(translate, field), value

    place = " / ".join(v for v in (items.delivery_place, items.delivery_method) if v)
    delivery = date_text(items.delivery_date)
    quantity = f"{_amount(items.quantity)} {items.unit}".strip()
    rows = [
        _row(pair("product_name", items.product_name), pair("spec_model", items.spec_model)),
        _row(pair("drawing_no", items.drawing_no), pair("contract_no", items.contract_no)),
        _row(pair("quality_requirements", items.quality_requirements)),
        _row(pair("price", _amount(items.price, 2)), pair("quantity", quantity)),
        _row(
            pair("delivery_date", delivery),
            (translate("ReviewRecord", "Delivery place and method"), place),
        ),
        _row(pair("acceptance_standard", items.acceptance_standard)),
        _row(pair("settlement_terms", items.settlement_terms)),
        _row(pair("attachments", items.attachments)),
        _row(
            pair("is_new_product", _yes_no(translate, items.is_new_product)),
            pair("above_top_precision", _yes_no(translate, items.above_top_precision)),
        ),
    ]
    return _ruled(rows)


def _round(round_: RoundView, current: ReviewItems, translate: Translate) -> list[Any]:
    """One round: who started it (and why, from round 2), its items if since changed,
    every sign-off and the negotiations with the customer."""
    lines = [
        translate("ReviewRecord", "Started {time} by {name}").format(
            time=_when(round_.started_at), name=round_.started_by
        )
    ]
    if round_.round >= 2:
        lines.append(
            translate("ReviewRecord", "Reason for revision: {reason}").format(reason=round_.reason)
        )
    story: list[Any] = [
        *_heading(translate("ReviewRecord", "Round {n}").format(n=round_.round)),
        _cell("\n".join(lines)),
        Spacer(1, 1.5 * mm),
    ]
    if round_.items != current:
        story += [
            _cell(translate("ReviewRecord", "The review items of this round:")),
            *_items(round_.items, translate),
            Spacer(1, 1.5 * mm),
        ]
    story.append(_sign_offs(round_.sign_offs, translate))
    if round_.negotiations:
        story += [Spacer(1, 1.5 * mm), _negotiations(round_.negotiations, translate)]
    return story


def _signatory(sign_off: SignOffView, translate: Translate) -> str:
    if sign_off.kind == SignOffKind.GENERAL_MANAGER:
        return translate("ReviewRecord", "General manager")
    if sign_off.kind == SignOffKind.ARBITRATION:
        return translate("ReviewRecord", "GM arbitration")
    if sign_off.kind == SignOffKind.AMENDMENT:
        return translate(*label_source(sign_off.kind))
    return sign_off.department


def _sign_off_text(
    sign_off: SignOffView, same_round: dict[int, SignOffView], translate: Translate
) -> str:
    """Comment, conditions and, for a correction, which sign-off it corrects and why."""
    parts = [sign_off.comment] if sign_off.comment else []
    if sign_off.conditions:
        parts.append(
            translate("ReviewRecord", "Conditions: {conditions}").format(
                conditions=sign_off.conditions
            )
        )
    if sign_off.supersedes_id is not None:
        corrected = same_round.get(sign_off.supersedes_id)
        parts.append(
            translate("ReviewRecord", "(corrects the sign-off of {time}: {reason})").format(
                time=_when(corrected.signed_at) if corrected else "",
                reason=sign_off.supersede_reason,
            )
        )
    return "\n".join(parts)


def _decision_text(sign_off: SignOffView, translate: Translate) -> str:
    decision = _label(translate, sign_off.decision)
    if sign_off.superseded:
        return decision + "\n" + translate("ReviewRecord", "(superseded)")
    return decision


def _sign_offs(sign_offs: tuple[SignOffView, ...], translate: Translate) -> Table:
    """One row per sign-off, superseded ones shaded and marked."""
    by_id = {s.id: s for s in sign_offs}
    header = [
        translate("ReviewRecord", "Department"),
        translate("ReviewRecord", "Decision"),
        translate("ReviewRecord", "Comment and conditions"),
        translate("ReviewRecord", "Signed by"),
        translate("ReviewRecord", "Signed at"),
    ]
    rows: list[list[object]] = [
        [
            _signatory(s, translate),
            _decision_text(s, translate),
            _sign_off_text(s, by_id, translate),
            s.signer,
            _when(s.signed_at),
        ]
        for s in sign_offs
    ]
    table = list_table(header, rows, _widths([24, 27, 0, 22, 29]))
    for index, s in enumerate(sign_offs, start=1):  # row 0 is the header
        if s.superseded:
            table.setStyle([("BACKGROUND", (0, index), (-1, index), SUPERSEDED_SHADE)])
    return table


def _negotiations(negotiations: tuple[NegotiationView, ...], translate: Translate) -> Table:
    header = [
        translate("ReviewRecord", "Negotiated at"),
        translate("ReviewRecord", "Customer contact"),
        translate("ReviewRecord", "Summary"),
        translate("ReviewRecord", "Outcome"),
        translate("ReviewRecord", "Recorded by"),
    ]
    rows: list[list[object]] = [
        [_when(n.at), n.contact, n.summary, n.outcome, n.by] for n in negotiations
    ]
    return list_table(header, rows, _widths([29, 24, 0, 45, 22]))


def _arbitration(review: ReviewView, translate: Translate) -> list[Any]:
    ruling = review.arbitration
    if ruling is None:
        return []
    rows = [
        _row((translate("ReviewRecord", "Referred by Sales"), review.handover_note)),
        _row(
            (translate("ReviewRecord", "Ruling"), _label(translate, ruling.decision)),
            (translate("ReviewRecord", "Signed by"), ruling.signer),
        ),
        _row((translate("ReviewRecord", "Signed at"), _when(ruling.signed_at))),
        _row((translate("ReviewRecord", "Reason"), ruling.comment)),
    ]
    return [*_heading(translate("ReviewRecord", "General manager's arbitration")), *_ruled(rows)]


def _conclusion(review: ReviewView, translate: Translate) -> list[Any]:
    concluded_by = review.concluded_by if review.concluded_at else ""
    rows = [
        _row(
            (translate("ReviewRecord", "State"), _label(translate, review.state)),
            (translate("ReviewRecord", "Concluded by"), concluded_by),
        ),
        _row((translate("ReviewRecord", "Concluded at"), _when(review.concluded_at))),
        _row((translate("ReviewRecord", "Note"), review.conclusion_note)),
    ]
    return [*_heading(translate("ReviewRecord", "Conclusion")), *_ruled(rows)]


def _answer_late(review: ReviewView, now: datetime) -> bool:
    """Answered after the due time, or still unanswered after it."""
    due = review.answer_due
    if due is None:
        return False
    return review.answered_at > due if review.answered_at is not None else now > due


def _customer_answer(review: ReviewView, now: datetime, translate: Translate) -> list[Any]:
    answered = _when(review.answered_at)
    if review.answered_at is None and review.answer_due is not None:
        answered = translate("ReviewRecord", "not answered yet")
    if _answer_late(review, now):
        answered += " " + translate("ReviewRecord", "(late)")
    answered_by = review.answered_by if review.answered_at else ""
    rows = [
        _row(
            (translate("ReviewRecord", "Answer due"), _when(review.answer_due)),
            (translate("ReviewRecord", "Answered at"), answered),
        ),
        _row((translate("ReviewRecord", "Answered by"), answered_by)),
        _row((translate("ReviewRecord", "Note"), review.answer_note)),
    ]
    return [*_heading(translate("ReviewRecord", "Answer to the customer")), *_ruled(rows)]


def _change_value(field: str, value: str) -> str:
    """A changed value as the items grid shows it (amounts without stored trailing zeros)."""
    if field in ("price", "quantity") and value:
        try:
            return _amount(Decimal(value), 2 if field == "price" else None)
        except InvalidOperation:
            return value
    if field == "delivery_date" and value:
        try:
            return date_text(date.fromisoformat(value))
        except ValueError:
            return value
    return value or "—"


def _changes(changes: dict[str, list[str]], translate: Translate) -> str:
    lines = []
    for field, (old, new) in changes.items():
        before, after = _change_value(field, old), _change_value(field, new)
        lines.append(labelled(_item_label(translate, field), f"{before} → {after}"))
    return "\n".join(lines)


def _amendment(amendment: AmendmentView, translate: Translate) -> list[Any]:
    rows = [
        _row(
            (translate("ReviewRecord", "Kind"), _label(translate, amendment.kind)),
            (translate("ReviewRecord", "Amended at"), _when(amendment.at)),
        ),
        _row(
            (translate("ReviewRecord", "Amended by"), amendment.by),
            (translate("ReviewRecord", "Customer signatory"), amendment.customer_signatory),
        ),
        _row((translate("ReviewRecord", "Description"), amendment.description)),
        _row((translate("ReviewRecord", "Changes"), _changes(amendment.changes, translate))),
        _row(
            (translate("ReviewRecord", "Departments notified"), amendment.notified),
            (translate("ReviewRecord", "New review no."), amendment.new_review),
        ),
    ]
    return [*_ruled(rows), Spacer(1, 1.5 * mm)]


def _amendments(review: ReviewView, translate: Translate) -> list[Any]:
    if not review.amendments:
        return []
    story: list[Any] = [*_heading(translate("ReviewRecord", "Amendments"))]
    for amendment in review.amendments:
        story += _amendment(amendment, translate)
    return story


def _signature_lines(translate: Translate) -> list[Any]:
    return [
        Spacer(1, 6 * mm),
        _signatures(
            [
                translate("ReviewRecord", "Sales (signature)"),
                translate("ReviewRecord", "General manager (signature)"),
            ],
            translate("ReviewRecord", "Date"),
        ),
    ]


def write_review_record(path: Path, sheet: ReviewSheet, translate: Translate) -> Path:
    """The contract review record (合同评审表): header, items, every round, the outcome."""
    review = sheet.review
    title = translate("ReviewRecord", "Contract review record")
    story: list[Any] = [
        *_title(title, translate("ReviewRecord", "No."), review.number),
        *_header(review, translate),
        *_heading(translate("ReviewRecord", "Review items")),
        *_items(review.items, translate),
    ]
    for round_ in review.rounds:
        story += _round(round_, review.items, translate)
    story += [
        *_arbitration(review, translate),
        *_conclusion(review, translate),
        *_customer_answer(review, sheet.printed_at, translate),
        *_amendments(review, translate),
        *_signature_lines(translate),
    ]
    frame = PageFrame(
        sheet.company, title, sheet.printed_by, sheet.printed_at, translate, sheet.logo
    )
    return build(path, story, frame)
