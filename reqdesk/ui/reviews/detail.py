"""One review on screen: where it stands, who has signed, and its whole record."""

from __future__ import annotations

from datetime import datetime
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reqdesk.i18n import enum_label
from reqdesk.models.enums import Decision, SignOffKind
from reqdesk.services.reviews.items import ReviewItems
from reqdesk.services.reviews.views import ReviewView, RoundView, SignOffView
from reqdesk.ui.formatting import date_text, datetime_text

DECISION_COLOURS = {
    Decision.CAN_MEET: "#1b5e20",
    Decision.CONDITIONAL: "#8a5a00",
    Decision.CANNOT_MEET: "#b00020",
    Decision.ACCEPT: "#1b5e20",
    Decision.REJECT: "#b00020",
}


class ReviewDetail(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view: ReviewView | None = None
        self.header = QLabel(self)
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.signers = QTableWidget(0, 6, self)
        self.signers.setHorizontalHeaderLabels(
            [
                self.tr("Department"),
                self.tr("Due"),
                self.tr("Decision"),
                self.tr("Signed by"),
                self.tr("Signed at"),
                self.tr("Comment / conditions"),
            ]
        )
        self.signers.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.signers.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.signers.verticalHeader().setVisible(False)
        self.signers.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.signers.setMaximumHeight(210)
        self.record = QTextBrowser(self)
        self.record.setOpenLinks(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.signers)
        layout.addWidget(self.record, 1)

    def clear(self) -> None:
        self.view = None
        self.header.setText(self.tr("Choose a review on the left."))
        self.signers.setRowCount(0)
        self.record.clear()

    def show_review(self, view: ReviewView, now: datetime) -> None:
        self.view = view
        self.header.setText(self._header(view, now))
        self._fill_signers(view)
        self.record.setHtml(self._record(view))

    # Header and signers ---------------------------------------------------------------

    def _header(self, v: ReviewView, now: datetime) -> str:
        where = self.tr("{state}, round {round}").format(state=enum_label(v.state), round=v.round)
        kind = f"{enum_label(v.contract_type)} · {enum_label(v.routing)} · {where}"
        lines = [
            f"<b style='font-size:14px'>{escape(v.number)}</b>　{escape(kind)}",
            escape(f"{v.requirement_number}　{v.customer}：{v.requirement_title}"),
            escape(
                self.tr("Opened by {name} on {time}").format(
                    name=v.opened_by, time=datetime_text(v.opened_at)
                )
            ),
        ]
        if v.contract_type != v.proposed_type:
            lines.append(
                escape(
                    self.tr("The rules proposed {type}; reason for the change: {reason}").format(
                        type=enum_label(v.proposed_type), reason=v.type_reason
                    )
                )
            )
        if v.handover_note:
            referred = self.tr("Referred to the general manager: {note}").format(
                note=v.handover_note
            )
            lines.append(escape(referred))
        if v.supersedes:
            lines.append(
                escape(self.tr("Replaces the voided review {number}.").format(number=v.supersedes))
            )
        if v.superseded_by:
            lines.append(
                escape(
                    self.tr("Voided; replaced by review {number}.").format(number=v.superseded_by)
                )
            )
        if v.answer_due is not None and v.answered_at is None:
            text = escape(
                self.tr("Answer the customer by {time}.").format(time=datetime_text(v.answer_due))
            )
            colour = "#b00020" if v.answer_overdue(now) else "#5c4400"
            lines.append(f"<span style='color:{colour}'><b>{text}</b></span>")
        return "<br>".join(lines)

    def _fill_signers(self, v: ReviewView) -> None:
        rows: list[tuple[str, str, SignOffView | None]] = [
            (p.department, datetime_text(p.due_at), p.sign_off) for p in v.participants
        ]
        if v.gm_required:
            rows.append((self.tr("General manager (meeting)"), "", v.gm_sign_off))
        if v.arbitration is not None:
            rows.append((self.tr("General manager's arbitration"), "", v.arbitration))
        self.signers.setRowCount(len(rows))
        for row, (who, due, s) in enumerate(rows):
            cells = [
                who,
                due,
                enum_label(s.decision) if s else self.tr("waiting"),
                s.signer if s else "",
                datetime_text(s.signed_at) if s else "",
                "；".join(filter(None, [s.comment, s.conditions])) if s else "",
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 2 and s is not None:
                    item.setForeground(QColor(DECISION_COLOURS.get(s.decision, "#000")))
                self.signers.setItem(row, column, item)
        self.signers.resizeColumnsToContents()

    # The whole record -----------------------------------------------------------------

    def _record(self, v: ReviewView) -> str:
        heading = self.tr("Review items")
        parts = [f"<h3>{escape(heading)}</h3>", self._items(v.items)]
        parts += [self._round(r, v) for r in reversed(v.rounds)]
        parts.append(self._conclusion(v))
        if v.amendments:
            parts.append(self._amendments(v))
        return "".join(parts)

    def _conclusion(self, v: ReviewView) -> str:
        if v.concluded_at is None:
            return ""
        heading = self.tr("Conclusion")
        said = self.tr("{state} by {name} on {time}.").format(
            state=enum_label(v.state), name=v.concluded_by, time=datetime_text(v.concluded_at)
        )
        lines = [said, v.conclusion_note]
        if v.answered_at is not None:
            lines.append(
                self.tr("The customer was answered on {time} by {name}: {note}").format(
                    time=datetime_text(v.answered_at), name=v.answered_by, note=v.answer_note
                )
            )
        body = "<br>".join(escape(line) for line in lines if line)
        return f"<h3>{escape(heading)}</h3><p>{body}</p>"

    def _amendments(self, v: ReviewView) -> str:
        heading = self.tr("Amendments")
        html = [f"<h3>{escape(heading)}</h3><ul>"]
        for a in v.amendments:
            changes = "；".join(f"{k}: {old} → {new}" for k, (old, new) in a.changes.items())
            signatory = self.tr("Customer signatory: {name}").format(name=a.customer_signatory)
            successor = self.tr("New review: {number}").format(number=a.new_review)
            notified = self.tr("Notified: {names}").format(names=a.notified)
            bits = [
                f"{enum_label(a.kind)}（{datetime_text(a.at)}，{a.by}）",
                a.description,
                changes,
                signatory if a.customer_signatory else "",
                successor if a.new_review else "",
                notified if a.notified else "",
            ]
            html.append("<li>" + "<br>".join(escape(b) for b in bits if b) + "</li>")
        html.append("</ul>")
        return "".join(html)

    def _items(self, items: ReviewItems) -> str:
        quantity = "" if items.quantity is None else f"{items.quantity.normalize():f} {items.unit}"
        flags = [
            self.tr("New product") if items.is_new_product else "",
            self.tr("Precision above the top grade") if items.above_top_precision else "",
        ]
        pairs = [
            (self.tr("Contract / order no."), items.contract_no),
            (self.tr("Product name"), items.product_name),
            (self.tr("Specification / model"), items.spec_model),
            (self.tr("Drawing no."), items.drawing_no),
            (self.tr("Quality requirements"), items.quality_requirements),
            (self.tr("Unit price (yuan)"), "" if items.price is None else f"{items.price:f}"),
            (self.tr("Quantity"), quantity),
            (self.tr("Delivery date"), date_text(items.delivery_date)),
            (self.tr("Delivery place"), items.delivery_place),
            (self.tr("Delivery method"), items.delivery_method),
            (self.tr("Acceptance standard"), items.acceptance_standard),
            (self.tr("Settlement terms"), items.settlement_terms),
            (self.tr("Attachments"), items.attachments),
            (self.tr("Special features"), "、".join(f for f in flags if f)),
        ]
        rows = "".join(
            f"<tr><td style='color:#555;padding-right:12px'>{escape(k)}</td>"
            f"<td>{escape(str(value)).replace(chr(10), '<br>')}</td></tr>"
            for k, value in pairs
            if value
        )
        return f"<table cellspacing='2'>{rows}</table>"

    def _round(self, r: RoundView, v: ReviewView) -> str:
        title = self.tr("Round {round}, from {time} ({name})").format(
            round=r.round, time=datetime_text(r.started_at), name=r.started_by
        )
        html = [f"<h3>{escape(title)}</h3>"]
        if r.reason:
            revised = self.tr("Revised: {reason}").format(reason=r.reason)
            html.append(f"<p>{escape(revised)}</p>")
        if r.round != v.round:  # the items this earlier round signed
            html.append(self._items(r.items))
        html.append("<ul>")
        html += [f"<li>{self._sign_off(s)}</li>" for s in r.sign_offs]
        html.append("</ul>")
        for n in r.negotiations:
            talk = self.tr("Negotiation on {time} with {contact} ({by}): {summary}").format(
                time=datetime_text(n.at), contact=n.contact or "—", by=n.by, summary=n.summary
            )
            result = self.tr("Outcome: {outcome}").format(outcome=n.outcome) if n.outcome else ""
            html.append(f"<p>{escape(talk)}" + (f"<br>{escape(result)}" if result else "") + "</p>")
        return "".join(html)

    def _sign_off(self, s: SignOffView) -> str:
        who = s.department if s.kind == SignOffKind.DEPARTMENT else enum_label(s.kind)
        colour = DECISION_COLOURS.get(s.decision, "#000")
        text = (
            f"<b>{escape(who)}</b> · <span style='color:{colour}'>"
            f"{escape(enum_label(s.decision))}</span> · {escape(s.signer)} · "
            f"{escape(datetime_text(s.signed_at))}"
        )
        notes = [s.comment, s.conditions]
        if s.supersedes_id:
            notes.append(
                self.tr("Corrects an earlier sign-off: {reason}").format(reason=s.supersede_reason)
            )
        detail = "<br>".join(escape(n) for n in notes if n)
        item = f"{text}<br>{detail}" if detail else text
        if s.superseded:
            superseded = self.tr("superseded")
            item = f"<s style='color:#888'>{item}</s> ({escape(superseded)})"
        return item
