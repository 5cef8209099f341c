"""Customer files: validation, duplicates, approval, confidentiality, due for contact."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from reqdesk.models import AuditEntry, Customer
from reqdesk.models.enums import ApprovalState, ContactChannel, CreditGrade, CustomerClass, Role
from reqdesk.services.context import Context
from reqdesk.services.customers import forms
from reqdesk.services.customers.files import (
    approve_customer,
    create_customer,
    get_customer,
    reject_customer,
    update_customer,
)
from reqdesk.services.customers.forms import (
    ContactInput,
    CreditInput,
    CustomerInput,
    FormInvalid,
    ProductionInput,
)
from reqdesk.services.customers.listing import (
    CustomerFilter,
    count_customers,
    customer_rows,
    months_before,
)
from reqdesk.services.customers.sections import (
    LogInput,
    TransactionInput,
    grant_access,
    open_credit,
    open_production,
    open_transactions,
    relationship_log,
    save_log_entry,
    save_transaction,
)
from reqdesk.services.errors import Conflict, PermissionDenied, ValidationError
from reqdesk.services.listing import Window
from reqdesk.services.users import create_user, list_departments
from tests.helpers import signed_in

VALID_CODE = "91350100M000100Y43"  # the example printed in GB 32100-2015


@pytest.fixture
def office(admin_ctx: Context) -> dict[str, Context]:
    """An operator, a second operator, a supervisor and a general manager, signed in."""
    desk = next(d.id for d in list_departments(admin_ctx) if d.code == "DESK")
    people = {
        "op": [Role.OPERATOR],
        "op2": [Role.OPERATOR],
        "boss": [Role.SUPERVISOR],
        "gm": [Role.GENERAL_MANAGER],
    }
    for name, roles in people.items():
        create_user(
            admin_ctx,
            username=name,
            full_name=name,
            roles=roles,
            password="password-1",
            department_id=desk,
        )
    return {name: signed_in(admin_ctx, name, "password-1") for name in people}


def form(**overrides: object) -> CustomerInput:
    values: dict[str, object] = {
        "name": "苏州恒瑞精密机械有限公司",
        "credit_code": VALID_CODE,
        "customer_class": CustomerClass.KEY,
        "contacts": (
            ContactInput(name="周工", mobile="138 1234 5678", email="zhou@hr.example.cn"),
        ),
        "credit": CreditInput(CreditGrade.A, "回款及时"),
        "production": ProductionInput("机加工", "300人", "钢材", "500万元"),
    }
    values.update(overrides)
    return CustomerInput(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("code", "valid"),
    [
        (VALID_CODE, True),
        ("91350100m000100y43", True),  # lower case is accepted and upper-cased
        ("９１３５０１００Ｍ０００１００Ｙ４３", True),  # full-width, as pasted from a web page
        ("91350100M000100Y44", False),  # wrong check character
        ("91350100M000100Y4", False),  # 17 characters
        ("91350100M000100I43", False),  # I is not allowed
    ],
)
def test_credit_code_rules(code: str, valid: bool) -> None:
    """18 characters, no I/O/Z/S/V, GB 32100-2015 check character."""
    if valid:
        assert forms.credit_code(code) == VALID_CODE
    else:
        with pytest.raises(ValidationError):
            forms.credit_code(code)


def test_wrong_check_character_names_the_expected_one() -> None:
    """The message says which check character the code should end with."""
    with pytest.raises(ValidationError) as caught:
        forms.credit_code("91350100M000100Y44")
    assert caught.value.params["expected"] == "3"


@pytest.mark.parametrize(
    ("func", "text", "expected"),
    [
        (forms.mobile, "+86 138-1234-5678", "13812345678"),
        (forms.mobile, "１３８１２３４５６７８", "13812345678"),
        (forms.phone, "0512-6234567转801", "0512-6234567转801"),
        (forms.phone, "（021）62345678", "(021)62345678"),
        (forms.email, " Zhou@HR.example.cn ", "Zhou@HR.example.cn"),
    ],
)
def test_phone_and_email_shapes_are_normalised(func, text: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    """Full-width digits, spaces and +86 are cleaned up."""
    assert func(text) == expected


@pytest.mark.parametrize(
    ("func", "text"),
    [
        (forms.mobile, "1381234567"),
        (forms.mobile, "23812345678"),
        (forms.phone, "12345"),
        (forms.phone, "call me"),
        (forms.email, "zhou@"),
        (forms.email, "周工@例子"),
    ],
)
def test_bad_phones_and_emails_are_refused(func, text: str) -> None:  # type: ignore[no-untyped-def]
    """Shapes that cannot be a phone number or an e-mail address."""
    with pytest.raises(ValidationError):
        func(text)


def test_every_bad_field_is_reported_at_once(office: dict[str, Context]) -> None:
    """A form with several mistakes names each field; nothing is saved."""
    bad = form(
        name="  ",
        credit_code="123",
        contacts=(ContactInput(name="", mobile="12"), ContactInput(name="李", email="x@")),
    )
    with pytest.raises(FormInvalid) as caught:
        create_customer(office["op"], bad)
    fields = {p.field for p in caught.value.problems}
    assert fields == {
        "name",
        "credit_code",
        "contacts[0].name",
        "contacts[0].mobile",
        "contacts[1].email",
    }
    assert count_customers(office["op"], CustomerFilter()) == 0


def test_duplicates_point_to_the_existing_file(office: dict[str, Context]) -> None:
    """The same name (even with full-width brackets or spaces) or credit code is refused."""
    create_customer(office["op"], form(name="华东精工（上海）有限公司"))
    with pytest.raises(FormInvalid) as caught:
        create_customer(office["op"], form(name=" 华东精工(上海)有限公司"))
    problems = {p.field: p for p in caught.value.problems}
    assert set(problems) == {"name", "credit_code"}
    assert problems["name"].params["code"] == "SH01-C-00001"
    assert "open that one" in str(problems["credit_code"])


def test_new_and_changed_files_wait_for_the_general_manager(office: dict[str, Context]) -> None:
    """New → pending; GM approves; a change → pending again; approve/reject are audited."""
    op, gm = office["op"], office["gm"]
    cid = create_customer(op, form())
    assert get_customer(op, cid).approval_state == ApprovalState.PENDING
    with pytest.raises(PermissionDenied):
        approve_customer(op, cid)
    approve_customer(gm, cid, "资料齐全")
    file = get_customer(op, cid)
    assert file.approval_state == ApprovalState.APPROVED and file.approved_by == "gm"
    assert update_customer(op, cid, file.as_input()) is False  # nothing changed
    assert get_customer(op, cid).approval_state == ApprovalState.APPROVED
    assert update_customer(
        op, cid, CustomerInput(**{**file.as_input().__dict__, "address": "苏州工业园区星湖街1号"})
    )
    assert get_customer(op, cid).approval_state == ApprovalState.PENDING
    with pytest.raises(ValidationError, match="reason"):
        reject_customer(gm, cid, " ")
    reject_customer(gm, cid, "地址与营业执照不符")
    assert get_customer(op, cid).approval_state == ApprovalState.REJECTED
    with pytest.raises(Conflict):
        approve_customer(gm, cid)
    with gm.reading() as session:
        actions = list(
            session.scalars(
                select(AuditEntry.action)
                .where(AuditEntry.entity_type == "customer")
                .order_by(AuditEntry.id)
            )
        )
    assert actions == ["create", "approve", "update", "reject"]


def test_confidential_sections_open_only_for_the_right_people(office: dict[str, Context]) -> None:
    """Custodian, supervisor, GM and granted users open them; others are refused by the service."""
    owner, other, boss, gm = office["op"], office["op2"], office["boss"], office["gm"]
    cid = create_customer(owner, form())
    for ctx in (owner, boss, gm):
        assert open_credit(ctx, cid).grade == CreditGrade.A
    for section in (open_credit, open_production, open_transactions, relationship_log):
        with pytest.raises(PermissionDenied, match="confidential"):
            section(other, cid)
    assert get_customer(other, cid).may_open_confidential is False
    with pytest.raises(PermissionDenied):  # cannot change what it cannot see either
        update_customer(other, cid, form())
    assert update_customer(other, cid, form(credit=None, production=None, industry="机械")) is True
    assert open_credit(owner, cid).note == "回款及时"  # untouched by the other's save
    grant_access(gm, cid, other.actor.user_id)  # type: ignore[union-attr]
    assert open_production(other, cid).process == "机加工"


def test_each_opening_of_a_confidential_section_is_audited(office: dict[str, Context]) -> None:
    """Opening credit twice and transactions once leaves three view entries."""
    cid = create_customer(office["op"], form())
    open_credit(office["boss"], cid)
    open_credit(office["boss"], cid)
    open_transactions(office["boss"], cid)
    with office["boss"].reading() as session:
        views = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "view_confidential")
        ).all()
    assert [v.username for v in views] == ["boss"] * 3
    assert ['"section":"credit"' in v.details for v in views] == [True, True, False]


def test_log_and_transactions_are_kept_in_the_file(office: dict[str, Context]) -> None:
    """Entries are validated, listed newest first, and amounts parsed."""
    op = office["op"]
    cid = create_customer(op, form())
    save_log_entry(op, cid, LogInput(date(2026, 9, 1), "李静", ContactChannel.VISIT, "季度拜访"))
    save_log_entry(op, cid, LogInput(date(2026, 10, 8), "李静", ContactChannel.CALL, "确认交期"))
    assert [e.summary for e in relationship_log(op, cid)] == ["确认交期", "季度拜访"]
    with pytest.raises(FormInvalid):
        save_log_entry(op, cid, LogInput(None, "", ContactChannel.CALL, ""))
    save_transaction(
        op,
        cid,
        TransactionInput("HT20260001", date(2026, 3, 2), "轴承", "1,200", "件", "３５６００.５"),
    )
    rows = open_transactions(op, cid)
    assert str(rows[0].amount) == "35600.50" and rows[0].quantity == 1200
    with pytest.raises(FormInvalid):
        save_transaction(op, cid, TransactionInput("", None, "", "x", "", "-1"))


def test_due_for_contact(office: dict[str, Context]) -> None:
    """Key: no contact for a month; general: for a quarter; potential: never due."""
    op = office["op"].as_actor(office["op"].actor)
    fixed = op.__class__(
        db=op.db,
        site_code=op.site_code,
        actor=op.actor,
        clock=lambda: datetime(2026, 11, 20, 4, tzinfo=UTC),
    )
    key_recent = create_customer(fixed, form(name="甲公司", credit_code=""))
    key_old = create_customer(fixed, form(name="乙公司", credit_code=""))
    general_old = create_customer(
        fixed, form(name="丙公司", credit_code="", customer_class=CustomerClass.GENERAL)
    )
    create_customer(
        fixed, form(name="丁公司", credit_code="", customer_class=CustomerClass.POTENTIAL)
    )
    for cid, day in (
        (key_recent, date(2026, 11, 1)),
        (key_old, date(2026, 10, 19)),
        (general_old, date(2026, 8, 19)),
    ):
        save_log_entry(fixed, cid, LogInput(day, "李静", ContactChannel.CALL, ""))
    due = customer_rows(fixed, CustomerFilter(due_for_contact=True), Window(0, 10))
    assert {r.name for r in due} == {"乙公司", "丙公司"}
    assert months_before(date(2026, 3, 31), 1) == date(2026, 2, 28)


def test_credit_filter_looks_only_into_files_the_user_may_open(
    office: dict[str, Context],
) -> None:
    """Filtering by credit grade does not reveal other custodians' grades."""
    create_customer(office["op"], form())
    flt = CustomerFilter(credit_grade=CreditGrade.A)
    assert count_customers(office["op"], flt) == 1
    assert count_customers(office["op2"], flt) == 0
    assert count_customers(office["boss"], flt) == 1


def test_stored_values_are_normalised(office: dict[str, Context]) -> None:
    """Mobile numbers and codes are stored in one clean shape."""
    cid = create_customer(office["op"], form(credit_code="91350100m000100y43"))
    with office["op"].reading() as session:
        customer = session.get(Customer, cid)
        assert customer is not None
        assert customer.credit_code == VALID_CODE
        assert customer.contacts[0].mobile == "13812345678"
        assert customer.contacts[0].is_primary


def test_nobody_makes_themselves_custodian_of_another_file(office: dict[str, Context]) -> None:
    """Handing a file to another custodian is for its custodian, supervisors and the GM."""
    owner, other, boss = office["op"], office["op2"], office["boss"]
    cid = create_customer(owner, form())
    with pytest.raises(PermissionDenied, match="custodian"):
        update_customer(
            other, cid, form(credit=None, production=None, custodian_id=other.actor.user_id)
        )  # type: ignore[union-attr]
    with pytest.raises(PermissionDenied):
        open_credit(other, cid)
    assert update_customer(
        boss, cid, form(credit=None, production=None, custodian_id=other.actor.user_id)
    )  # type: ignore[union-attr]
    assert open_credit(other, cid).grade == CreditGrade.A


def test_a_stale_edit_or_approval_is_refused(office: dict[str, Context]) -> None:
    """Acting on what one saw after someone else changed the file is refused."""
    cid = create_customer(office["op"], form())
    seen = get_customer(office["gm"], cid).updated_at
    update_customer(office["op"], cid, form(address="新地址"))
    with pytest.raises(Conflict, match="changed by someone else"):
        approve_customer(office["gm"], cid, seen=seen)
    approve_customer(office["gm"], cid, seen=get_customer(office["gm"], cid).updated_at)


def test_a_change_clears_the_earlier_decision(office: dict[str, Context]) -> None:
    """Back to pending: no approver shown until the GM decides again."""
    cid = create_customer(office["op"], form())
    approve_customer(office["gm"], cid)
    update_customer(office["op"], cid, form(address="新地址2"))
    file = get_customer(office["op"], cid)
    assert (file.approval_state, file.approved_by, file.approved_at) == (
        ApprovalState.PENDING,
        "",
        None,
    )


def test_confidential_values_stay_out_of_the_audit_log(office: dict[str, Context]) -> None:
    """Transactions and log entries are audited by which fields changed, not their values."""
    cid = create_customer(office["op"], form())
    save_transaction(
        office["op"],
        cid,
        TransactionInput("HT-SECRET-1", date(2026, 3, 2), "轴承", "10", "件", "987654.32"),
    )
    save_log_entry(
        office["op"],
        cid,
        LogInput(date(2026, 9, 1), "李静", ContactChannel.VISIT, "谈到了保密的价格"),
    )
    with office["op"].reading() as session:
        details = " ".join(session.scalars(select(AuditEntry.details)))
    assert "987654" not in details and "HT-SECRET-1" not in details and "保密的价格" not in details


def test_access_is_set_in_one_step(office: dict[str, Context]) -> None:
    """set_access grants and revokes together."""
    from reqdesk.services.customers.sections import granted_users, set_access

    cid = create_customer(office["op"], form())
    other_id = office["op2"].actor.user_id  # type: ignore[union-attr]
    set_access(office["gm"], cid, {other_id})
    assert granted_users(office["gm"], cid) == {other_id}
    set_access(office["gm"], cid, set())
    assert granted_users(office["gm"], cid) == set()


@pytest.mark.parametrize("text", ["坏\x01字符", "表情😀"])
def test_control_characters_and_emoji_are_refused(office: dict[str, Context], text: str) -> None:
    """Text the printed card cannot show is named, not silently kept or dropped."""
    with pytest.raises(FormInvalid) as caught:
        create_customer(office["op"], form(address=text))
    assert caught.value.for_field("address") is not None


def test_numbers_must_be_finite(office: dict[str, Context]) -> None:
    """NaN and Infinity are not amounts."""
    cid = create_customer(office["op"], form())
    for bad in ("NaN", "Infinity"):
        with pytest.raises(FormInvalid):
            save_transaction(
                office["op"], cid, TransactionInput("HT1", date(2026, 1, 5), "x", "1", "件", bad)
            )


def test_contact_problems_name_the_row_as_entered(office: dict[str, Context]) -> None:
    """A blank contact row does not shift the row a problem is reported on."""
    with pytest.raises(FormInvalid) as caught:
        create_customer(
            office["op"], form(contacts=(ContactInput(), ContactInput(name="甲", mobile="12")))
        )
    assert caught.value.for_field("contacts[1].mobile") is not None
