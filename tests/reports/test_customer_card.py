"""The customer data card PDF: Chinese text embedded and extractable, confidentiality kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from reqdesk import i18n
from reqdesk.models import AuditEntry
from reqdesk.services.context import Context
from reqdesk.services.customers.card import print_customer_card
from reqdesk.services.errors import NotFound
from tests.helpers import signed_in


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_card_shows_all_sections_to_a_supervisor(demo_ctx: Context, tmp_path: Path) -> None:
    """The supervisor's card has every section, in Chinese, with page numbers and printer."""
    boss = signed_in(demo_ctx, "zhuguan")
    path = print_customer_card(boss, tmp_path / "card.pdf", i18n.translate, code="HQ-C-00003")
    text = pdf_text(path)
    for expected in (
        "客户资料卡",
        "华东精工示范有限公司",
        "基本信息",
        "联系人",
        "信用状况",
        "生产信息",
        "以往交易记录",
        "客户关系维护记录",
        "打印人：陈明",
        "第 1 页 / 共 1 页",
    ):
        assert expected in text, expected
    fonts = [f.get_object() for f in PdfReader(path).pages[0]["/Resources"]["/Font"].values()]
    cjk = [f for f in fonts if "WenQuanYi" in str(f["/BaseFont"])]
    assert cjk and all("/FontFile2" in f["/FontDescriptor"].get_object() for f in cjk)
    assert all(str(f["/BaseFont"]).startswith("/AAAA") or "+" in str(f["/BaseFont"]) for f in cjk)


def test_card_leaves_confidential_sections_out_for_others(
    demo_ctx: Context, tmp_path: Path
) -> None:
    """A reviewer without access gets identity and contacts only, and a note saying so."""
    reviewer = signed_in(demo_ctx, "zongjingli")  # GM: all sections
    assert "信用等级" in pdf_text(
        print_customer_card(reviewer, tmp_path / "gm.pdf", i18n.translate, code="HQ-C-00001")
    )
    operator = signed_in(demo_ctx, "kefu2")
    with operator.reading() as session:
        from reqdesk.models import Customer

        foreign = session.scalars(
            select(Customer.code).where(Customer.custodian_id != operator.actor.user_id)  # type: ignore[union-attr]
        ).first()
    text = pdf_text(
        print_customer_card(operator, tmp_path / "op.pdf", i18n.translate, code=foreign)
    )
    assert "联系人" in text and "信用等级" not in text and "合同编号" not in text
    assert "属保密内容，未为您打印" in text


def test_printing_is_audited(demo_ctx: Context, tmp_path: Path) -> None:
    """A print entry, and a confidential-view entry when sections were included."""
    boss = signed_in(demo_ctx, "zhuguan")
    print_customer_card(boss, tmp_path / "c.pdf", i18n.translate, code="HQ-C-00002")
    with boss.reading() as session:
        actions = list(
            session.scalars(
                select(AuditEntry.action)
                .where(AuditEntry.username == "zhuguan")
                .order_by(AuditEntry.id)
            )
        )
    assert actions[-2:] == ["print", "view_confidential"]


def test_unknown_code_is_a_clear_error(demo_ctx: Context, tmp_path: Path) -> None:
    """No file is written for a code that does not exist."""
    with pytest.raises(NotFound, match="HQ-C-99999"):
        print_customer_card(
            signed_in(demo_ctx, "zhuguan"), tmp_path / "x.pdf", i18n.translate, code="HQ-C-99999"
        )
    assert not (tmp_path / "x.pdf").exists()


def test_long_notes_flow_over_pages(demo_ctx: Context, tmp_path: Path) -> None:
    """A 4,000-character qualification note prints over several pages instead of failing."""
    from reqdesk.services.customers.files import get_customer, update_customer

    boss = signed_in(demo_ctx, "zhuguan")
    file = get_customer(boss, 1)
    form = file.as_input().__class__(
        **{**file.as_input().__dict__, "qualification_notes": "营业执照已核验。" * 500}
    )
    update_customer(boss, 1, form)
    path = print_customer_card(boss, tmp_path / "long.pdf", i18n.translate, customer_id=1)
    reader = PdfReader(path)
    assert len(reader.pages) >= 2 and "第 2 页" in reader.pages[1].extract_text()


def test_pending_card_shows_no_approver(demo_ctx: Context, tmp_path: Path) -> None:
    """Only an approved file prints who approved it."""
    boss = signed_in(demo_ctx, "zhuguan")
    from reqdesk.services.customers.files import get_customer, update_customer

    file = get_customer(boss, 2)
    update_customer(
        boss, 2, file.as_input().__class__(**{**file.as_input().__dict__, "industry": "新行业"})
    )
    text = pdf_text(print_customer_card(boss, tmp_path / "p.pdf", i18n.translate, customer_id=2))
    assert "待审批" in text and "赵建国" not in text
