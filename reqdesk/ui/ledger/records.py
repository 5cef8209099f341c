"""The detail pane's records as HTML: reviews, processing plans, responses, return visit."""

from __future__ import annotations

from html import escape

from reqdesk.i18n import enum_label, translate
from reqdesk.models.enums import ReviewState
from reqdesk.services.requirements.tracking import (
    PlanView,
    ResponseView,
    ReviewSummary,
    VisitView,
)
from reqdesk.textmarks import QT_TRANSLATE_NOOP
from reqdesk.ui.formatting import date_text, datetime_text, spaced

SATISFACTION = (
    QT_TRANSLATE_NOOP("Satisfaction", "Very dissatisfied"),
    QT_TRANSLATE_NOOP("Satisfaction", "Dissatisfied"),
    QT_TRANSLATE_NOOP("Satisfaction", "Fair"),
    QT_TRANSLATE_NOOP("Satisfaction", "Satisfied"),
    QT_TRANSLATE_NOOP("Satisfaction", "Very satisfied"),
)
LATE = "#b00020"
MUTED = "#666"


def satisfaction_text(score: int) -> str:
    """ "4 满意": the score with its word."""
    return f"{score} {translate('Satisfaction', SATISFACTION[score - 1])}"


def _none(text: str) -> str:
    return f"<p style='color:{MUTED};'>{escape(text)}</p>"


def _lines(text: str) -> str:
    return escape(text).replace("\n", "<br>")


def _table(pairs: list[tuple[str, str]]) -> str:
    rows = "".join(
        f"<tr><td style='color:{MUTED}; padding-right:10px; white-space:nowrap;'>"
        f"{escape(k)}</td><td>{_lines(v)}</td></tr>"
        for k, v in pairs
        if v
    )
    return f"<table cellspacing='2'>{rows}</table>"


def reviews_html(reviews: tuple[ReviewSummary, ...]) -> str:
    if not reviews:
        return _none(translate("LedgerRecords", "No contract review."))
    return "".join(_review(r) for r in reviews)


def _review(r: ReviewSummary) -> str:
    kind = f"{enum_label(r.contract_type)} · {enum_label(r.routing)}"
    state = translate("LedgerRecords", "{state}, round {round}").format(
        state=enum_label(r.state), round=r.round
    )
    signed = translate("LedgerRecords", "{signed} of {expected} signed").format(
        signed=r.signed, expected=r.expected
    )
    pairs = [
        (translate("LedgerRecords", "Type"), kind),
        (translate("LedgerRecords", "State"), state),
    ]
    if r.state in (ReviewState.SIGNING, ReviewState.NEGOTIATING):
        pairs.append((translate("LedgerRecords", "Sign-offs"), signed))
    if r.concluded_at is not None:
        conclusion = spaced(datetime_text(r.concluded_at), r.conclusion_note)
        pairs.append((translate("LedgerRecords", "Conclusion"), conclusion))
    html = f"<p><b>{escape(r.number)}</b></p>{_table(pairs)}"
    if r.answered_at is not None:
        answered = translate("LedgerRecords", "Customer answered on {time}.").format(
            time=datetime_text(r.answered_at)
        )
        html += f"<p>{escape(answered)}</p>"
    elif r.answer_due is not None:
        due = translate("LedgerRecords", "Answer the customer by {time}.").format(
            time=datetime_text(r.answer_due)
        )
        style = f"color:{LATE}; font-weight:bold;" if r.answer_late else ""
        html += f"<p style='{style}'>{escape(due)}</p>"
    return html


def plans_html(plans: tuple[PlanView, ...]) -> str:
    if not plans:
        return _none(translate("LedgerRecords", "No processing plan recorded yet."))
    parts = []
    for p in plans:
        heading = translate("LedgerRecords", "{time}, by {name}").format(
            time=datetime_text(p.recorded_at), name=p.recorded_by
        )
        pairs = [
            (translate("LedgerRecords", "Method"), p.method),
            (translate("LedgerRecords", "Schedule"), p.schedule),
            (translate("LedgerRecords", "Commitment"), p.commitment),
        ]
        parts.append(f"<p><b>{escape(heading)}</b></p>{_table(pairs)}")
    return "".join(parts)


def responses_html(responses: tuple[ResponseView, ...]) -> str:
    if not responses:
        return _none(translate("LedgerRecords", "No response logged yet."))
    parts = []
    for r in responses:
        heading = " · ".join((datetime_text(r.responded_at), enum_label(r.channel), r.responded_by))
        parts.append(f"<p><b>{escape(heading)}</b><br>{_lines(r.content)}</p>")
    return "".join(parts)


def visit_html(visit: VisitView | None) -> str:
    if visit is None:
        return _none(translate("LedgerRecords", "No return visit yet; it follows the resolution."))
    pairs = [
        (translate("LedgerRecords", "Visit date"), date_text(visit.visit_date)),
        (translate("LedgerRecords", "Visited by"), visit.visited_by),
        (translate("LedgerRecords", "Channel"), enum_label(visit.channel)),
        (translate("LedgerRecords", "Satisfaction"), satisfaction_text(visit.satisfaction)),
        (translate("LedgerRecords", "Comments"), visit.comments),
    ]
    return _table(pairs)
