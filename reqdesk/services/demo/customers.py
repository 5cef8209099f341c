"""Demo customer files: identity, contacts, credit, production, log and transactions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from reqdesk.models import (
    Customer,
    CustomerContact,
    CustomerTransaction,
    RelationshipLogEntry,
)
from reqdesk.models.enums import ApprovalState, ContactChannel, CreditGrade, CustomerClass
from reqdesk.services import credit_code
from reqdesk.services.demo import pools
from reqdesk.services.demo.builder import RowBuilder
from reqdesk.services.normalise import name_key
from reqdesk.services.numbering import CUSTOMER, format_number
from reqdesk.services.sla import BUSINESS_TZ

_ORG_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"


@dataclass(frozen=True)
class DemoCustomer:
    id: int
    customer_class: CustomerClass
    city_index: int
    contacts: tuple[tuple[str, str], ...]  # (name, phone)


def person_name(b: RowBuilder) -> str:
    given = b.pick(pools.GIVEN_CHARS)
    if b.chance(0.6):
        given += b.pick(pools.GIVEN_CHARS)
    return b.pick(pools.SURNAMES) + given


def mobile(b: RowBuilder) -> str:
    prefix = b.pick(("133", "135", "137", "138", "139", "150", "152", "158", "186", "189"))
    return f"{prefix}{b.rng.randrange(10**8):08d}"


def landline(b: RowBuilder, area: str) -> str:
    digits = 8 if len(area) == 3 else 7 + b.rng.randrange(2)
    first = str(b.rng.randrange(2, 9))
    rest = "".join(str(b.rng.randrange(10)) for _ in range(digits - 1))
    return f"{area}-{first}{rest}"


def _unique_name(b: RowBuilder, taken: set[str]) -> tuple[str, str, int, str]:
    while True:
        city_index = b.rng.randrange(len(pools.CITIES))
        city = pools.CITIES[city_index][0]
        brand = b.pick(pools.BRAND_CHARS) + b.pick(pools.BRAND_CHARS)
        trade, industry = b.pick(pools.TRADES)
        name = f"{city}{brand}{trade}{b.pick(pools.COMPANY_FORMS)}"
        if name not in taken and brand[0] != brand[1]:
            taken.add(name)
            return name, city + brand, city_index, industry


def generate_customers(
    b: RowBuilder, count: int, *, now: datetime, custodian_ids: list[int], gm_id: int
) -> list[DemoCustomer]:
    taken: set[str] = set()
    codes: set[str] = set()
    result: list[DemoCustomer] = []
    for number in range(1, count + 1):
        name, short_name, city_index, industry = _unique_name(b, taken)
        _city, area, region = pools.CITIES[city_index]
        while True:
            body = "".join(b.pick(_ORG_CHARS) for _ in range(8))
            code = credit_code.make_code(region, body)
            if code not in codes:
                codes.add(code)
                break
        created = now - timedelta(days=b.rng.randrange(200, 1500))
        customer_class = b.weighted(
            {CustomerClass.KEY: 0.15, CustomerClass.GENERAL: 0.6, CustomerClass.POTENTIAL: 0.25}
        )
        approval = b.weighted(
            {ApprovalState.APPROVED: 0.9, ApprovalState.PENDING: 0.08, ApprovalState.REJECTED: 0.02}
        )
        slug = f"c{number:05d}"
        row = b.add(
            Customer,
            created,
            code=format_number(b.site_code, CUSTOMER, 0, number),
            name=name,
            name_key=name_key(name),
            short_name=short_name,
            credit_code=code,
            qualification_notes="营业执照、税务登记证已核验（复印件存档）。",
            address=f"{pools.CITIES[city_index][0]}市{b.pick(pools.STREETS)}"
            f"{b.pick(pools.ROADS)}{b.rng.randrange(1, 999)}号",
            website=f"https://www.{slug}.example.cn",
            industry=industry,
            credit_grade=b.weighted(
                {CreditGrade.A: 0.4, CreditGrade.B: 0.35, CreditGrade.C: 0.2, CreditGrade.D: 0.05}
            ),
            credit_note=b.pick(("回款及时。", "偶有延期付款，已催收。", "新客户，信用待观察。")),
            production_process=b.pick(("机加工、热处理、装配", "注塑、喷涂、组装", "冲压、焊接")),
            production_scale=f"员工约{b.rng.randrange(50, 3000)}人，年产值约"
            f"{b.rng.randrange(1, 80)}亿元",
            raw_materials=b.pick(("钢材、铝材", "工程塑料", "铜材、橡胶件", "化工原料")),
            production_investment=f"近三年设备投资约{b.rng.randrange(500, 20000)}万元",
            customer_class=customer_class,
            custodian_id=b.pick(custodian_ids),
            approval_state=approval,
            approved_by_id=gm_id if approval != ApprovalState.PENDING else None,
            approved_at=created + timedelta(days=2) if approval != ApprovalState.PENDING else None,
            approval_note="",
        )
        contacts = _contacts(b, row["id"], created, area, slug)
        _relationship_log(b, row["id"], customer_class, now)
        _transactions(b, row["id"], now)
        result.append(DemoCustomer(row["id"], customer_class, city_index, contacts))
    return result


def _contacts(
    b: RowBuilder, customer_id: int, created: datetime, area: str, slug: str
) -> tuple[tuple[str, str], ...]:
    contacts = []
    for index in range(b.rng.randint(1, 3)):
        name = person_name(b)
        phone = mobile(b)
        b.add(
            CustomerContact,
            created,
            customer_id=customer_id,
            name=name,
            title=b.pick(pools.TITLES),
            phone=landline(b, area),
            mobile=phone,
            email=f"contact{index + 1}@{slug}.example.cn",
            is_primary=index == 0,
        )
        contacts.append((name, phone))
    return tuple(contacts)


def _relationship_log(
    b: RowBuilder, customer_id: int, customer_class: CustomerClass, now: datetime
) -> None:
    # Key customers are mostly contacted monthly; some fall behind so "due" lists are real.
    spacing = {CustomerClass.KEY: 25, CustomerClass.GENERAL: 80, CustomerClass.POTENTIAL: 150}
    day = now.date() - timedelta(days=b.rng.randrange(0, spacing[customer_class] * 2))
    oldest = now.date() - timedelta(days=400)
    while day > oldest:
        at = datetime.combine(day, time(10), BUSINESS_TZ)
        b.add(
            RelationshipLogEntry,
            at,
            customer_id=customer_id,
            contact_date=day,
            person=person_name(b),
            channel=b.weighted(
                {
                    ContactChannel.VISIT: 0.35,
                    ContactChannel.CALL: 0.4,
                    ContactChannel.EMAIL: 0.15,
                    ContactChannel.SURVEY: 0.1,
                }
            ),
            summary=b.pick(pools.LOG_SUMMARIES),
        )
        day -= timedelta(days=max(7, int(b.rng.gauss(spacing[customer_class], 10))))


def _transactions(b: RowBuilder, customer_id: int, now: datetime) -> None:
    for _ in range(b.rng.randint(0, 5)):
        day: date = now.date() - timedelta(days=b.rng.randrange(10, 720))
        quantity = Decimal(b.rng.randrange(10, 5000))
        unit_price = Decimal(b.rng.randrange(5, 900))
        b.add(
            CustomerTransaction,
            datetime.combine(day, time(9), BUSINESS_TZ),
            customer_id=customer_id,
            contract_no=f"HT{day.year}{b.rng.randrange(1, 9999):04d}",
            contract_date=day,
            product=b.pick(pools.PRODUCTS),
            quantity=quantity,
            unit=b.pick(pools.UNITS),
            amount=quantity * unit_price,
        )
