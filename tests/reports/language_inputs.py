"""A small company whose data is all in English, built through the real services, so that
every CJK character in an English printout can only come from the program itself.

"Now" is Thursday 2026-11-19 10:00 business time (ISO week 47). Requirement A (urgent,
received 09:15 today) has an assessment, a dispatch and an accepted, answered and
amended contract review; requirement B (week 46) was answered, resolved and visited.
The customer file is approved and has a transaction and a relationship-log entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from reqdesk import i18n
from reqdesk.db import Database
from reqdesk.models.enums import (
    AmendmentKind,
    Category,
    CategoryDetail,
    Channel,
    ContactChannel,
    CreditGrade,
    CustomerClass,
    Decision,
    Feasibility,
    Kind,
    Nature,
    ReviewRouting,
    Role,
    Stage,
    Urgency,
)
from reqdesk.services.context import Context
from reqdesk.services.customers.files import approve_customer, create_customer
from reqdesk.services.customers.forms import (
    ContactInput,
    CreditInput,
    CustomerInput,
    ProductionInput,
)
from reqdesk.services.customers.sections import (
    LogInput,
    TransactionInput,
    save_log_entry,
    save_transaction,
)
from reqdesk.services.requirements.forms import AssessmentInput, RegistrationInput
from reqdesk.services.requirements.registration import (
    dispatch_requirement,
    register_requirement,
    save_assessment,
)
from reqdesk.services.requirements.workflow import (
    ResponseInput,
    VisitInput,
    change_stage,
    log_response,
    record_return_visit,
)
from reqdesk.services.reviews.amendments import AmendmentInput, amend_review
from reqdesk.services.reviews.conclusion import conclude, record_answer
from reqdesk.services.reviews.items import ReviewItems
from reqdesk.services.reviews.opening import OpenReviewInput, open_review
from reqdesk.services.reviews.signing import SignInput, sign_for_department
from reqdesk.services.setup import initialise
from reqdesk.services.sla import BUSINESS_TZ
from reqdesk.services.users import actor_of, add_user
from tests.services.review_inputs import at, department_id

NOW = datetime(2026, 11, 19, 2, 0, tzinfo=UTC)  # Thursday 10:00 business time
PASSWORD = "language-pass-1"
HOUR = timedelta(hours=1)


def b(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    """A business time in 2026."""
    return datetime(2026, month, day, hour, minute, tzinfo=BUSINESS_TZ)


@dataclass(frozen=True)
class World:
    supervisor: Context  # Sam Supervisor, who prints everything, after the last step
    customer_id: int
    requirement: str  # A's number
    review_id: int


def _people(admin: Context) -> dict[str, Context]:
    people = {
        "sam": ("Sam Supervisor", Role.SUPERVISOR, None),
        "sarah": ("Sarah Sales", Role.REVIEWER, "SALES"),
        "grace": ("Grace Manager", Role.GENERAL_MANAGER, None),
    }
    contexts = {}
    with admin.unit_of_work() as uow:
        for username, (name, role, code) in people.items():
            department = department_id(admin, code) if code else None
            user = add_user(
                uow,
                username=username,
                full_name=name,
                roles={role},
                password=PASSWORD,
                department_id=department,
            )
            uow.session.flush()
            contexts[username] = admin.as_actor(actor_of(user))
        uow.commit()
    return contexts


def _customer(sam: Context, grace: Context) -> int:
    form = CustomerInput(
        name="Acme Bearings Ltd",
        short_name="Acme",
        address="12 Harbour Road, Suzhou",
        website="https://acme.example",
        industry="Bearings",
        customer_class=CustomerClass.KEY,
        custodian_id=sam.actor.user_id if sam.actor else None,
        contacts=(
            ContactInput(
                name="Frank Feng",
                title="Buyer",
                phone="0512-66881234",
                email="frank@acme.example",
                is_primary=True,
            ),
        ),
        credit=CreditInput(CreditGrade.A, "Pays on time"),
        production=ProductionInput("Grinding", "300 staff", "Bearing steel", "CNY 20 million"),
    )
    customer_id = create_customer(sam, form)
    approve_customer(grace, customer_id)
    deal = TransactionInput(
        "HT-2026-0815", date(2026, 10, 8), "Flange F-200", "2000", "pcs", "12345.6"
    )
    save_transaction(sam, customer_id, deal)
    call = LogInput(date(2026, 11, 2), "Frank Feng", ContactChannel.CALL, "Asked about lead times.")
    save_log_entry(sam, customer_id, call)
    return customer_id


def _requirement_a(sam: Context, customer_id: int) -> tuple[int, str]:
    form = RegistrationInput(
        customer_id=customer_id,
        contact_name="Frank Feng",
        contact_phone="0512-66881234",
        received_at=b(11, 19, 9, 15),
        channel=Channel.LETTER_EMAIL,
        kind=Kind.COMPLAINT,
        category=Category.PRODUCT,
        category_detail=CategoryDetail.QUALITY,
        nature=Nature.NON_FUNCTIONAL,
        urgency=Urgency.URGENT,
        title="Scratched flange sealing faces",
        description="The third batch of flanges has scratched sealing faces.",
        expected_date=date(2026, 11, 30),
        is_special=True,
        contract_no="HT-2026-0815",
    )
    done = register_requirement(sam, form)
    assessment = AssessmentInput(
        Feasibility.FEASIBLE, Feasibility.CONDITIONAL, Feasibility.FEASIBLE, 4, "Check stock"
    )
    save_assessment(sam, done.id, assessment)
    dispatch_requirement(sam, done.id, department_id(sam, "TECH"), None, "Reply by Friday")
    return done.id, done.number


def _requirement_b(sam: Context) -> None:
    form = RegistrationInput(
        walk_in_name="Mr Brown",
        contact_phone="13812345678",
        received_at=b(11, 10, 9),
        category=Category.SERVICE,
        title="Visit to check the pump",
    )
    requirement_id = register_requirement(at(sam, b(11, 10, 9)), form).id
    dispatch_requirement(at(sam, b(11, 10, 9, 30)), requirement_id, department_id(sam, "QA"), None)
    answer = ResponseInput(b(11, 10, 15), ContactChannel.CALL, "Called back")
    log_response(at(sam, b(11, 10, 15)), requirement_id, answer)
    change_stage(at(sam, b(11, 12, 9)), requirement_id, Stage.RESOLVED, "")
    visit = VisitInput(date(2026, 11, 13), ContactChannel.CALL, 4)
    record_return_visit(at(sam, b(11, 13, 9)), requirement_id, visit)


def _review(sam: Context, sarah: Context, requirement_id: int) -> int:
    items = ReviewItems(
        contract_no="HT-2026-0815",
        product_name="Flange F-200",
        spec_model="DN200",
        drawing_no="DWG-200",
        quality_requirements="ISO 2768-m",
        price=Decimal("1234.5"),
        quantity=Decimal(2000),
        unit="pcs",
        delivery_date=date(2027, 1, 20),
        delivery_place="Customer warehouse",
        delivery_method="Truck",
        acceptance_standard="As agreed",
        settlement_terms="60 days net",
        attachments="Drawing",
    )
    opened = open_review(sam, OpenReviewInput(requirement_id, items, routing=ReviewRouting.PLANNER))
    signed = SignInput(Decision.CAN_MEET, "Price confirmed")
    sign_for_department(at(sarah, NOW + HOUR), opened.id, signed, PASSWORD, i18n.translate)
    conclude(at(sarah, NOW + 2 * HOUR), opened.id, "Accepted as offered")
    record_answer(at(sarah, NOW + 3 * HOUR), opened.id, NOW + 3 * HOUR, "Told the buyer")
    moved = AmendmentInput(AmendmentKind.TIME_QUANTITY, "", delivery_date=date(2027, 2, 10))
    amend_review(at(sarah, NOW + 4 * HOUR), opened.id, moved, i18n.translate)
    return opened.id


def build_world(db: Database) -> World:
    """The data set of the module docstring, in a new database."""
    admin, _ = initialise(
        db,
        company_name="Eastbridge Precision Ltd",
        site_code="SH01",
        admin_username="admin",
        admin_full_name="Alice Admin",
        admin_password=PASSWORD,
        clock=lambda: NOW,
    )
    people = _people(admin)
    sam, sarah, grace = (at(people[name], NOW) for name in ("sam", "sarah", "grace"))
    customer_id = _customer(sam, grace)
    _requirement_b(sam)
    requirement_id, number = _requirement_a(sam, customer_id)
    review_id = _review(sam, sarah, requirement_id)
    return World(at(people["sam"], NOW + 5 * HOUR), customer_id, number, review_id)
