"""The catalogue of contract-review actions.

Rules beyond the role: Sales (a reviewer of the Sales department, never the general
manager) organises, concludes, negotiates and amends; a department signs only reviews
routed to it and corrects only its own sign-off; notices go to the departments that
signed. The tested reviewer 刘洋 is of Sales, so the reviews are routed to Sales.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from reqdesk.models.enums import AmendmentKind, Decision, Role
from reqdesk.services.audit import Action as Audit
from reqdesk.services.context import Context
from reqdesk.services.listing import Window
from reqdesk.services.permissions import Permission as P
from reqdesk.services.review_list import count_reviews, review_rows
from reqdesk.services.reviews.amendments import AmendmentInput, acknowledge_notice, amend_review
from reqdesk.services.reviews.conclusion import (
    NegotiationInput,
    arbitrate,
    conclude,
    hand_to_general_manager,
    record_answer,
    record_negotiation,
    revise_items,
)
from reqdesk.services.reviews.opening import OpenReviewInput, open_review
from reqdesk.services.reviews.printing import print_review_record
from reqdesk.services.reviews.queue import count_my_tasks, my_tasks
from reqdesk.services.reviews.signing import (
    SignInput,
    confirm_password,
    correct_sign_off,
    sign_as_general_manager,
    sign_for_department,
)
from reqdesk.services.reviews.views import get_review
from tests.services.permission_world import (
    PASSWORD,
    Action,
    World,
    accepted,
    holders,
    in_arbitration,
    meeting_signed,
    negotiated,
    negotiating,
    notice,
    registered,
    review,
    sign,
    signed_by_sales,
    translate,
)
from tests.services.review_inputs import items

SALES = frozenset({Role.REVIEWER})
SALES_RULE = "Sales only: a reviewer of the Sales department, never the general manager"
CONDITIONAL = SignInput(Decision.CONDITIONAL, "交期偏紧", "分两批交货")


def sales_sign_off(w: World) -> int:
    return sign(w, review(w), "SALES")


def gm_sign_off(w: World) -> int:
    review_id = meeting_signed(w)
    gm = w.as_role(Role.GENERAL_MANAGER)
    return sign_as_general_manager(gm, review_id, SignInput(Decision.CAN_MEET), PASSWORD, translate)


def correct(ctx: Context, sign_off_id: int) -> int:
    return correct_sign_off(ctx, sign_off_id, CONDITIONAL, "交期需分批", PASSWORD, translate)


REVIEWS = [
    Action(
        "open_review",
        open_review,
        P.OPEN_REVIEWS,
        lambda ctx, w, s: open_review(ctx, OpenReviewInput(requirement_id=s, items=items())),
        registered,
        audit=Audit.CREATE,
        allowed=holders(P.OPEN_REVIEWS) | SALES,
        rule="Sales organises reviews too",
        department_bound=True,
    ),
    Action(
        "sign_for_department",
        sign_for_department,
        P.SIGN_OFF,
        lambda ctx, w, s: sign_for_department(
            ctx, s, SignInput(Decision.CAN_MEET), PASSWORD, translate
        ),
        review,
        audit=Audit.SIGN,
        allowed=SALES,
        rule="a user of a department the review is routed to; never the general manager",
        department_bound=True,
    ),
    Action(
        "correct_sign_off",
        correct_sign_off,
        P.SIGN_OFF,
        lambda ctx, w, s: correct(ctx, s),
        sales_sign_off,
        audit=Audit.SIGN,
        allowed=SALES,
        rule="only the department that signed corrects its sign-off",
        department_bound=True,
    ),
    Action(
        "correct_gm_sign_off",
        correct_sign_off,
        P.SIGN_OFF,
        lambda ctx, w, s: correct(ctx, s),
        gm_sign_off,
        audit=Audit.SIGN,
        allowed=frozenset({Role.GENERAL_MANAGER}),
        rule="only the general manager who signed corrects the meeting sign-off",
    ),
    Action(
        "sign_as_general_manager",
        sign_as_general_manager,
        P.ARBITRATE,
        lambda ctx, w, s: sign_as_general_manager(
            ctx, s, SignInput(Decision.CAN_MEET), PASSWORD, translate
        ),
        meeting_signed,
        audit=Audit.SIGN,
    ),
    Action(
        "conclude",
        conclude,
        P.SIGN_OFF,
        lambda ctx, w, s: conclude(ctx, s, "可以承接"),
        signed_by_sales,
        audit=Audit.STAGE,
        allowed=SALES,
        rule=SALES_RULE,
        department_bound=True,
    ),
    Action(
        "record_negotiation",
        record_negotiation,
        P.SIGN_OFF,
        lambda ctx, w, s: record_negotiation(
            ctx, s, NegotiationInput(w.clock(), "王经理", "协商交期", "客户同意延期")
        ),
        negotiating,
        audit=Audit.CREATE,
        allowed=SALES,
        rule=SALES_RULE,
        department_bound=True,
    ),
    Action(
        "revise_items",
        revise_items,
        P.SIGN_OFF,
        lambda ctx, w, s: revise_items(
            ctx, s, items(delivery_date=date(2027, 2, 10)), "交期延后三周"
        ),
        negotiated,
        audit=Audit.UPDATE,
        allowed=SALES,
        rule=SALES_RULE,
        department_bound=True,
    ),
    Action(
        "hand_to_general_manager",
        hand_to_general_manager,
        P.SIGN_OFF,
        lambda ctx, w, s: hand_to_general_manager(ctx, s, "客户坚持原交期，请总经理裁定"),
        negotiated,
        audit=Audit.STAGE,
        allowed=SALES,
        rule=SALES_RULE,
        department_bound=True,
    ),
    Action(
        "arbitrate",
        arbitrate,
        P.ARBITRATE,
        lambda ctx, w, s: arbitrate(
            ctx, s, Decision.ACCEPT, "综合考虑客户关系", PASSWORD, translate
        ),
        in_arbitration,
        audit=Audit.SIGN,
    ),
    Action(
        "record_answer",
        record_answer,
        P.SIGN_OFF,
        lambda ctx, w, s: record_answer(ctx, s, w.clock(), "电话告知客户"),
        accepted,
        audit=Audit.UPDATE,
        allowed=SALES,
        rule=SALES_RULE,
        department_bound=True,
    ),
    Action(
        "amend_review",
        amend_review,
        P.SIGN_OFF,
        lambda ctx, w, s: amend_review(
            ctx,
            s,
            AmendmentInput(AmendmentKind.TIME_QUANTITY, "客户要求减量", quantity=Decimal(1200)),
            translate,
        ),
        accepted,
        audit=Audit.UPDATE,
        allowed=SALES,
        rule=SALES_RULE,
        department_bound=True,
    ),
    Action(
        "acknowledge_notice",
        acknowledge_notice,
        P.VIEW_LEDGER,
        lambda ctx, w, s: acknowledge_notice(ctx, s),
        notice,
        audit=Audit.UPDATE,
        allowed=SALES,
        rule="only a user of the notified department (Sales signed the amended review)",
        department_bound=True,
    ),
    Action(
        "confirm_password",
        confirm_password,
        P.VIEW_LEDGER,
        lambda ctx, w, s: confirm_password(ctx, PASSWORD, "test"),
        expect=lambda w, s, r: r is None,
    ),
    Action(
        "print_review_record",
        print_review_record,
        P.PRINT_REPORTS,
        lambda ctx, w, s: print_review_record(ctx, w.file("review.pdf"), translate, review_id=s),
        review,
        audit=Audit.PRINT,
        allowed=holders(P.PRINT_REPORTS, P.SIGN_OFF),
        rule="those who sign reviews print them too",
    ),
    Action(
        "get_review",
        get_review,
        P.VIEW_LEDGER,
        lambda ctx, w, s: get_review(ctx, s),
        review,
        expect=lambda w, s, r: r.id == s,
    ),
    Action(
        "my_tasks",
        my_tasks,
        P.VIEW_LEDGER,
        lambda ctx, w, s: my_tasks(ctx),
        review,
        expect=lambda w, s, r: isinstance(r, list),
    ),
    Action(
        "count_my_tasks",
        count_my_tasks,
        P.VIEW_LEDGER,
        lambda ctx, w, s: count_my_tasks(ctx),
        review,
        expect=lambda w, s, r: r >= 0,
    ),
    Action(
        "count_reviews",
        count_reviews,
        P.VIEW_LEDGER,
        lambda ctx, w, s: count_reviews(ctx),
        review,
        expect=lambda w, s, r: r == 1,
    ),
    Action(
        "review_rows",
        review_rows,
        P.VIEW_LEDGER,
        lambda ctx, w, s: review_rows(ctx, Window()),
        review,
        expect=lambda w, s, r: [row.id for row in r] == [s],
    ),
]
