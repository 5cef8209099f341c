"""Bad input typed into the windows: the customer form, the registration form, the
transaction dialog, the PDF preview's "save as", the import dialog and the export. Each
shows a clear message where the user looks, keeps what was typed, and changes nothing."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import QDateEdit, QDialog

from reqdesk.i18n import translate
from reqdesk.models.enums import Urgency
from reqdesk.services.context import Context
from reqdesk.services.customers.card import print_customer_card
from reqdesk.services.customers.forms import ContactInput
from reqdesk.services.customers.sections import TransactionInput, save_transaction
from reqdesk.ui.customers.editor import CustomerEditor
from reqdesk.ui.customers.import_dialog import ImportDialog
from reqdesk.ui.customers.records import TransactionDialog
from reqdesk.ui.customers.tab import CustomersTab
from reqdesk.ui.pdf_preview import PdfPreviewDialog
from reqdesk.ui.registration.form import BEIJING
from reqdesk.ui.registration.tab import RegistrationTab
from tests.reliability import bad_inputs as bad
from tests.reliability.bad_inputs import (  # noqa: F401
    People,
    clear_text,
    company_actors_fixture,
    db_file,
    people_fixture,
    unchanged,
)
from tests.ui.conftest import message_boxes  # noqa: F401  (autouse: boxes answer at once)

LONG = "长" * 100_000


@pytest.fixture
def desk(people: People) -> Context:
    return people("kefu")


@pytest.fixture
def boxes(message_boxes: list[tuple[str, str]]) -> list[tuple[str, str]]:  # noqa: F811
    """(kind, text) of each message box shown (they answer at once)."""
    return message_boxes


@pytest.fixture
def frozen(desk: Context) -> Iterator[None]:
    """The block (the typing and the save) leaves the database as it was."""
    with unchanged(db_file(desk)):
        yield


def shown(text: str) -> str:
    """A message the user sees: clear, not empty."""
    return clear_text(text)


# --- the customer form ----------------------------------------------------------------


NAME = "嘉兴某某有限公司"
CUSTOMER_FORM: dict[str, tuple[str, dict[str, str]]] = {  # the field refused, what is typed
    "name-NUL": ("name", {"name": "华东\x00精工有限公司"}),
    "name-100000-characters": ("name", {"name": LONG}),
    "name-emoji": ("name", {"name": "笑脸😀精工有限公司"}),
    "credit-code-wrong-check": ("credit_code", {"name": NAME, "credit_code": "91350100M000100Y44"}),
    "website-with-spaces": ("website", {"name": NAME, "website": "www example com"}),
}


@pytest.mark.parametrize(("field", "typed"), CUSTOMER_FORM.values(), ids=CUSTOMER_FORM)
def test_the_customer_form_explains_a_bad_field(  # type: ignore[no-untyped-def]
    qtbot, desk: Context, frozen: None, field: str, typed: dict[str, str]
) -> None:
    """Save on a bad field: its message under it, the typed text still there, no file."""
    editor = CustomerEditor(desk, None)
    qtbot.addWidget(editor)
    for name, text in typed.items():
        getattr(editor, name).setText(text)
    assert not editor.save()
    assert editor.customer_id is None
    shown(editor.errors.message(field))
    assert shown(editor.message.text())
    for name, text in typed.items():  # a line edit holds at most 32,767 characters
        assert getattr(editor, name).text() == text[:32767]


def test_the_customer_form_explains_a_phone_of_letters(qtbot, desk: Context, frozen: None) -> None:  # type: ignore[no-untyped-def]
    """A contact's phone typed as letters is explained in the contacts tab; the row stays."""
    editor = CustomerEditor(desk, None)
    qtbot.addWidget(editor)
    editor.name.setText("嘉兴某某有限公司")
    editor.contacts.add_contact(ContactInput(name="王工", phone="abcdefgh"))
    assert not editor.save()
    assert "abcdefgh" not in shown(editor.contacts.message.text())
    assert editor.contacts.contacts()[0].phone == "abcdefgh"
    assert editor.tabs.currentWidget() is editor.contacts


# --- the registration form ------------------------------------------------------------


def registration_tab(qtbot, ctx: Context) -> RegistrationTab:  # type: ignore[no-untyped-def]
    tab = RegistrationTab(ctx)
    qtbot.addWidget(tab)
    tab.new_registration()
    form = tab.form
    form.customer.setText("HQ-C-00001")
    assert form.customer.choose_first_match()
    form.title.setText("要求提供精密轴承材质证明")
    form.urgency.setCurrentIndex(form.urgency.findData(Urgency.IMPORTANT))
    return tab


def _expected(tab: RegistrationTab, day: QDate) -> None:
    tab.form.has_expected.setChecked(True)
    tab.form.expected_date.setDate(day)


def _received(tab: RegistrationTab, day: QDate) -> None:
    field = tab.form.received_at
    field.setDateTime(QDateTime(day, QTime(23, 59), BEIJING))


def _typed_feb_30(tab: RegistrationTab) -> None:
    """Type 2026-02-30 into the date field, part by part, as a user would."""
    field = tab.form.expected_date
    tab.form.has_expected.setChecked(True)
    field.setDate(QDate(2026, 2, 1))
    field.setFocus()
    field.setSelectedSection(QDateEdit.Section.DaySection)
    from PySide6.QtTest import QTest

    QTest.keyClicks(field, "30")


REGISTRATION_FORM: dict[str, tuple[str, Callable[[RegistrationTab], None]]] = {
    "title-NUL": ("title", lambda t: t.form.title.setText("材质\x00证明")),
    "title-emoji": ("title", lambda t: t.form.title.setText("材质证明👍")),
    "description-100000-characters": (
        "description",
        lambda t: t.form.description.setPlainText("x" * 100_000),
    ),
    "phone-of-letters": ("contact_phone", lambda t: t.form.contact_phone.setText("abcdefghijk")),
    "expected-9999-12-31": ("expected_date", lambda t: _expected(t, QDate(9999, 12, 31))),
    "received-1900-01-01": (
        "received_at",
        lambda t: t.form.received_at.setDateTime(
            QDateTime(QDate(1900, 1, 1), t.form.received_at.time(), BEIJING)
        ),
    ),
    "received-9999-12-31-23-59": ("received_at", lambda t: _received(t, QDate(9999, 12, 31))),
    "expected-typed-2026-02-30": ("expected_date", _typed_feb_30),
}


@pytest.mark.parametrize(("field", "type_in"), REGISTRATION_FORM.values(), ids=REGISTRATION_FORM)
def test_the_registration_form_explains_a_bad_field(  # type: ignore[no-untyped-def]
    qtbot, desk: Context, frozen: None, field: str, type_in
) -> None:
    """Save on a bad field: its message under it, the form as typed, no number taken."""
    tab = registration_tab(qtbot, desk)
    type_in(tab)
    typed = tab.form.value()
    assert not tab.save()
    assert tab.form.view is None and tab.form.value() == typed
    shown(tab.form.errors.message(field))
    shown(tab.message.text())


@pytest.mark.parametrize(("day", "named"), [(QDate(9999, 12, 31), ""), (QDate(1900, 1, 1), "1900")])
def test_the_due_times_explain_an_impossible_received_day(  # type: ignore[no-untyped-def]
    qtbot, desk: Context, day: QDate, named: str
) -> None:
    """A received day in 9999 or 1900: the due line says why (no overflow in a slot)."""
    tab = registration_tab(qtbot, desk)
    normal = tab.form.due.text()
    _received(tab, day)
    assert tab.form.due.text() != normal and named in shown(tab.form.due.text())


def test_an_impossible_date_never_reaches_the_form(qtbot, desk: Context) -> None:  # type: ignore[no-untyped-def]
    """Typing 2026-02-30: the field refuses the 0 and shows a real day (2026-02-03)."""
    tab = registration_tab(qtbot, desk)
    _typed_feb_30(tab)
    day = tab.form.expected()
    assert day is not None and (day.month, day.day) != (2, 30)
    assert tab.form.expected_date.text() == day.isoformat()


# --- the transaction dialog -----------------------------------------------------------


@pytest.mark.parametrize("quantity", ["1e30", "-5", "两千", "1.23456", "NaN"])
def test_the_transaction_dialog_explains_a_bad_quantity(  # type: ignore[no-untyped-def]
    qtbot, people: People, quantity: str
) -> None:
    """A bad quantity: the message under the field, the dialog stays open with the text."""
    boss = people("zhuguan")

    def save(value: TransactionInput) -> None:
        save_transaction(boss, 1, value)

    dialog = TransactionDialog(save, None)
    qtbot.addWidget(dialog)
    dialog.contract_no.setText("HT-2026-0901")
    dialog.product.setText("精密轴承")
    dialog.quantity.setText(quantity)
    dialog.amount.setText("1000")
    with unchanged(db_file(boss)):
        dialog._save()
    assert dialog.result() != QDialog.DialogCode.Accepted
    shown(dialog.errors.message("quantity"))
    assert dialog.quantity.text() == quantity


# --- files: save as, import, export ---------------------------------------------------


@pytest.fixture
def place(tmp_path: Path) -> Iterator[Callable[[str, str], Path]]:
    yield lambda kind, name: bad.BAD_OUTPUTS[kind](tmp_path, name)
    bad.make_writable(tmp_path)


@pytest.mark.parametrize("kind", bad.BAD_OUTPUTS)
def test_save_as_pdf_to_a_bad_place_is_explained(  # type: ignore[no-untyped-def]
    qtbot, people: People, tmp_path: Path, place, boxes, kind: str
) -> None:
    """The preview's "Save as PDF" to a place it cannot write: one clear warning, no file."""
    boss = people("zhuguan")
    (tmp_path / "card").mkdir()
    pdf = print_customer_card(boss, tmp_path / "card" / "card.pdf", translate, customer_id=1)
    preview = PdfPreviewDialog(pdf, "客户资料卡", temporary=False)
    qtbot.addWidget(preview)
    target = place(kind, "客户资料卡.pdf")
    before = {p for p in tmp_path.rglob("*") if p.is_file()}
    assert not preview.save_to(target)
    assert [kind for kind, _text in boxes] == ["warning"]
    assert str(target if kind == "path-is-a-folder" else target.parent) in shown(boxes[0][1])
    bad.nothing_written(tmp_path, before)


@pytest.mark.parametrize("make", [bad.pdf_named_xlsx, bad.headers_only], ids=lambda f: f.__name__)
def test_the_import_dialog_explains_a_bad_workbook(  # type: ignore[no-untyped-def]
    qtbot, desk: Context, frozen: None, tmp_path: Path, make
) -> None:
    """Check on a PDF named .xlsx, or a sheet without rows: one sentence, Import disabled."""
    path = make(tmp_path / "客户名单.xlsx")
    dialog = ImportDialog(desk)
    qtbot.addWidget(dialog)
    dialog.path.setText(str(path))
    dialog.check()
    qtbot.waitUntil(lambda: path.name in dialog.summary.text(), timeout=10000)
    shown(dialog.summary.text())
    assert not dialog.import_button.isEnabled() and not dialog.valid_only_button.isEnabled()


def test_the_template_to_a_bad_place_is_explained(  # type: ignore[no-untyped-def]
    qtbot, desk: Context, tmp_path: Path, boxes
) -> None:
    """ "Save the import template" under a file: a clear warning instead of a crash."""
    dialog = ImportDialog(desk)
    qtbot.addWidget(dialog)
    target = bad.under_a_file(tmp_path, "模板.xlsx")
    assert not dialog.save_template_to(target)
    assert boxes and str(target.parent) in shown(boxes[-1][1])


def test_exporting_customers_to_a_missing_folder_is_explained(  # type: ignore[no-untyped-def]
    qtbot, people: People, tmp_path: Path, boxes
) -> None:
    """Export to a folder that does not exist: a clear warning, no folder made, no audit."""
    boss = people("zhuguan")
    tab = CustomersTab(boss)
    qtbot.addWidget(tab)
    target = bad.missing_folder(tmp_path, "客户.xlsx")
    with unchanged(db_file(boss)):
        tab.export_to(target)
        qtbot.waitUntil(lambda: bool(boxes), timeout=15000)
    assert boxes[0][0] == "warning"
    assert str(target.parent) in shown(boxes[0][1])
    assert not target.parent.exists()
