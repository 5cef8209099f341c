"""The registration form and the internal liaison form PDFs carry every field."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from reqdesk import i18n
from reqdesk.models import AuditEntry
from reqdesk.models.enums import (
    Category,
    CategoryDetail,
    Channel,
    Feasibility,
    Kind,
    Nature,
    Urgency,
)
from reqdesk.services.context import Context
from reqdesk.services.errors import Conflict
from reqdesk.services.requirements.forms import AssessmentInput, RegistrationInput
from reqdesk.services.requirements.printing import (
    FORM_LIAISON,
    FORM_REGISTRATION,
    print_requirement_form,
)
from reqdesk.services.requirements.registration import (
    dispatch_requirement,
    register_requirement,
    save_assessment,
)
from reqdesk.services.users import list_departments
from tests.helpers import signed_in

NOW = datetime(2026, 11, 19, 2, 0, tzinfo=UTC)  # Thursday 10:00 in Beijing


def text_of(path: Path) -> str:
    return "".join(page.extract_text() for page in PdfReader(path).pages).replace("\n", "")


@pytest.fixture
def desk(demo_ctx: Context) -> Context:
    ctx = signed_in(demo_ctx, "kefu")
    return ctx.__class__(db=ctx.db, site_code=ctx.site_code, actor=ctx.actor, clock=lambda: NOW)


def full_registration(desk: Context) -> str:
    done = register_requirement(
        desk,
        RegistrationInput(
            customer_id=3,
            contact_name="冯工",
            contact_phone="0512-66881234",
            received_at=datetime(2026, 11, 19, 1, 15, tzinfo=UTC),
            channel=Channel.LETTER_EMAIL,
            kind=Kind.COMPLAINT,
            category=Category.PRODUCT,
            category_detail=CategoryDetail.QUALITY,
            nature=Nature.NON_FUNCTIONAL,
            urgency=Urgency.URGENT,
            title="法兰密封面划伤投诉",
            description="第三批法兰密封面有划伤，客户要求更换。",
            expected_date=date(2026, 11, 30),
            is_special=True,
            contract_no="HT-2026-0815",
        ),
    )
    save_assessment(
        desk,
        done.id,
        AssessmentInput(
            technical=Feasibility.FEASIBLE,
            economic=Feasibility.CONDITIONAL,
            timing=Feasibility.FEASIBLE,
            value_score=4,
            note="需质量部复核",
        ),
    )
    quality = next(d for d in list_departments(desk) if d.name == "质量部")
    dispatch_requirement(desk, done.id, quality.id, None, "请三日内回复处理方案")
    return done.number


def test_registration_form_has_every_field(desk: Context, tmp_path: Path) -> None:
    """Title, number, each value, the ticked boxes, due times, assessment, signature lines."""
    number = full_registration(desk)
    path = print_requirement_form(
        desk, tmp_path / "form.pdf", i18n.translate, form=FORM_REGISTRATION, number=number
    )
    text = text_of(path)
    for expected in (
        "顾客服务信息登记表",
        number,
        "冯工",
        "0512-66881234",
        "2026-11-19 09:15",  # received, Beijing time
        "李静",  # received by
        "HT-2026-0815",
        "■来信/邮件",
        "■投诉",
        "■产品需求（质量）",
        "■非功能性",
        "■紧急",
        "■是",
        "2026-11-30",
        "法兰密封面划伤投诉",
        "第三批法兰密封面有划伤，客户要求更换。",
        "质量部",
        "2026-11-19 13:15",  # urgent: first response 4 clock hours after receipt
        "2026-11-20 17:30",  # plan due: end of the next working day
        "可行",
        "有条件可行",
        "需质量部复核",
        "4/5",
        "签字",
    ):
        assert expected in text, expected
    assert "□来信/邮件" not in text and "■来电" not in text


def test_liaison_form_names_sender_receiver_and_note(desk: Context, tmp_path: Path) -> None:
    """The liaison form: from whom, to which department, the requirement and the note; audited."""
    number = full_registration(desk)
    path = print_requirement_form(
        desk, tmp_path / "liaison.pdf", i18n.translate, form=FORM_LIAISON, number=number
    )
    text = text_of(path)
    for expected in (
        "内部联络单",
        number,
        "质量部",
        "李静",
        "法兰密封面划伤投诉",
        "请三日内回复处理方案",
    ):
        assert expected in text, expected
    with desk.reading() as session:
        entry = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert entry is not None and entry.action == "print" and FORM_LIAISON in entry.details


def test_no_liaison_form_before_dispatch(desk: Context, tmp_path: Path) -> None:
    done = register_requirement(
        desk, RegistrationInput(customer_id=1, contact_phone="13812345678", title="未派发")
    )
    target = tmp_path / "none.pdf"
    with pytest.raises(Conflict, match=done.number):
        print_requirement_form(desk, target, i18n.translate, form=FORM_LIAISON, number=done.number)
    assert not target.exists()


def test_long_text_continues_on_the_next_page(desk: Context, tmp_path: Path) -> None:
    """A long description grows its row and runs onto more pages, never over other rows."""
    lines = [f"第{i}行：客户补充说明的细节。" for i in range(1, 61)]
    done = register_requirement(
        desk,
        RegistrationInput(
            customer_id=1,
            contact_phone="13812345678",
            title="很长的需求说明",
            description="\n".join(lines),
        ),
    )
    quality = next(d for d in list_departments(desk) if d.name == "质量部")
    dispatch_requirement(desk, done.id, quality.id, None, "")
    for form in (FORM_REGISTRATION, FORM_LIAISON):
        path = print_requirement_form(
            desk, tmp_path / f"{form}.pdf", i18n.translate, form=form, number=done.number
        )
        pages = [p.extract_text().replace("\n", "") for p in PdfReader(path).pages]
        assert len(pages) >= 2, form
        text = "".join(pages)
        assert all(line in text for line in lines), form
        assert "签字" in pages[-1]  # the signature lines come after the whole text
    huge = register_requirement(
        desk,
        RegistrationInput(
            customer_id=1,
            contact_phone="13812345678",
            title="超长",
            description="说明文字。" * 1900,
        ),
    )
    path = print_requirement_form(desk, tmp_path / "huge.pdf", i18n.translate, number=huge.number)
    assert len(PdfReader(path).pages) >= 3
