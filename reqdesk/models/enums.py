"""Enumerations, stored as stable codes and shown through translations.

Each enum's labels are English source texts marked for ``lupdate`` under the
enum's class name as context; :func:`label_source` returns them.
"""

from __future__ import annotations

from enum import StrEnum

from reqdesk.textmarks import QT_TRANSLATE_NOOP


class Role(StrEnum):
    OPERATOR = "operator"
    REVIEWER = "reviewer"
    SUPERVISOR = "supervisor"
    GENERAL_MANAGER = "gm"
    ADMIN = "admin"


class CustomerClass(StrEnum):
    KEY = "key"
    GENERAL = "general"
    POTENTIAL = "potential"


class CreditGrade(StrEnum):
    A = "A"
    B = "B"
    C = "C"
    D = "D"


class ApprovalState(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


class ContactChannel(StrEnum):
    """How a relationship-log contact or a return visit happened."""

    VISIT = "visit"
    CALL = "call"
    EMAIL = "email"
    SURVEY = "survey"
    OTHER = "other"


class Channel(StrEnum):
    """Where a requirement came from (来源)."""

    VISIT = "visit"
    PHONE = "phone"
    LETTER_EMAIL = "letter_email"
    FAX = "fax"
    RELAYED = "relayed"
    SUPERIOR = "superior"
    CONTRACT = "contract"
    SURVEY = "survey"
    MARKET_RESEARCH = "market_research"
    COMPLAINT = "complaint"
    EMPLOYEE = "employee"
    WEB_MEDIA = "web_media"


class Kind(StrEnum):
    REQUEST = "request"
    INQUIRY = "inquiry"
    SUGGESTION = "suggestion"
    COMPLAINT = "complaint"


class Category(StrEnum):
    PRODUCT = "product"
    SERVICE = "service"
    PRICE = "price"
    OTHER = "other"


class CategoryDetail(StrEnum):
    """The aspect within a category (product: function, performance, ...)."""

    FUNCTION = "function"
    PERFORMANCE = "performance"
    QUALITY = "quality"
    APPEARANCE = "appearance"
    CUSTOMISATION = "customisation"
    OTHER = "other"


class Nature(StrEnum):
    FUNCTIONAL = "functional"
    NON_FUNCTIONAL = "non_functional"


class Urgency(StrEnum):
    URGENT = "urgent"
    IMPORTANT = "important"
    GENERAL = "general"


class Stage(StrEnum):
    REGISTERED = "registered"
    DISPATCHED = "dispatched"
    IN_REVIEW = "in_review"
    IN_PROGRESS = "in_progress"
    RESPONDED = "responded"
    RESOLVED = "resolved"
    CLOSED = "closed"
    REJECTED = "rejected"
    MERGED = "merged"
    CANCELLED = "cancelled"


OPEN_STAGES = frozenset(
    {
        Stage.REGISTERED,
        Stage.DISPATCHED,
        Stage.IN_REVIEW,
        Stage.IN_PROGRESS,
        Stage.RESPONDED,
    }
)


class EventKind(StrEnum):
    REGISTERED = "registered"
    STAGE_CHANGED = "stage_changed"
    ASSIGNED = "assigned"
    PLAN_RECORDED = "plan_recorded"
    RESPONSE_LOGGED = "response_logged"
    RETURN_VISIT = "return_visit"
    MERGED = "merged"
    NOTE = "note"


class Feasibility(StrEnum):
    FEASIBLE = "feasible"
    CONDITIONAL = "conditional"
    NOT_FEASIBLE = "not_feasible"


class ContractType(StrEnum):
    REGULAR = "regular"
    SPECIAL = "special"
    TEMPORARY = "temporary"


class ReviewRouting(StrEnum):
    """Who signs: the authorised sales planner alone, a countersign, or a meeting review."""

    PLANNER = "planner"
    COUNTERSIGN = "countersign"
    MEETING = "meeting"


class ReviewState(StrEnum):
    SIGNING = "signing"
    NEGOTIATING = "negotiating"
    ARBITRATION = "arbitration"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    VOID = "void"


class ReviewAspect(StrEnum):
    """The function a department answers for in a contract review."""

    SALES = "sales"
    TECHNICAL = "technical"
    PURCHASING = "purchasing"
    PRODUCTION = "production"
    QUALITY = "quality"
    FINANCE = "finance"


class SignOffKind(StrEnum):
    """A department's sign-off, the GM's in a meeting review, or the GM's arbitration."""

    DEPARTMENT = "department"
    GENERAL_MANAGER = "gm"
    ARBITRATION = "arbitration"
    AMENDMENT = "amendment"  # Sales signs a changed clause of an accepted contract


class Decision(StrEnum):
    CAN_MEET = "can_meet"
    CONDITIONAL = "conditional"
    CANNOT_MEET = "cannot_meet"
    ACCEPT = "accept"
    REJECT = "reject"


class AmendmentKind(StrEnum):
    VOID_AND_RESIGN = "void_resign"
    CHANGE_CLAUSE = "change_clause"
    TIME_QUANTITY = "time_quantity"


class DayKind(StrEnum):
    """A calendar exception: a holiday on a weekday or a make-up working day (调休)."""

    HOLIDAY = "holiday"
    WORKDAY = "workday"


_LABELS: dict[type[StrEnum], dict[str, str]] = {
    Role: {
        "operator": QT_TRANSLATE_NOOP("Role", "Service-desk operator"),
        "reviewer": QT_TRANSLATE_NOOP("Role", "Department reviewer"),
        "supervisor": QT_TRANSLATE_NOOP("Role", "Supervisor"),
        "gm": QT_TRANSLATE_NOOP("Role", "General manager"),
        "admin": QT_TRANSLATE_NOOP("Role", "Administrator"),
    },
    CustomerClass: {
        "key": QT_TRANSLATE_NOOP("CustomerClass", "Key customer"),
        "general": QT_TRANSLATE_NOOP("CustomerClass", "General customer"),
        "potential": QT_TRANSLATE_NOOP("CustomerClass", "Potential customer"),
    },
    CreditGrade: {g: g for g in ("A", "B", "C", "D")},
    ApprovalState: {
        "pending": QT_TRANSLATE_NOOP("ApprovalState", "Pending approval"),
        "approved": QT_TRANSLATE_NOOP("ApprovalState", "Approved"),
        "rejected": QT_TRANSLATE_NOOP("ApprovalState", "Rejected"),
    },
    ContactChannel: {
        "visit": QT_TRANSLATE_NOOP("ContactChannel", "Visit"),
        "call": QT_TRANSLATE_NOOP("ContactChannel", "Phone call"),
        "email": QT_TRANSLATE_NOOP("ContactChannel", "E-mail"),
        "survey": QT_TRANSLATE_NOOP("ContactChannel", "Survey"),
        "other": QT_TRANSLATE_NOOP("ContactChannel", "Other"),
    },
    Channel: {
        "visit": QT_TRANSLATE_NOOP("Channel", "Visit"),
        "phone": QT_TRANSLATE_NOOP("Channel", "Phone call"),
        "letter_email": QT_TRANSLATE_NOOP("Channel", "Letter / e-mail"),
        "fax": QT_TRANSLATE_NOOP("Channel", "Fax"),
        "relayed": QT_TRANSLATE_NOOP("Channel", "Relayed"),
        "superior": QT_TRANSLATE_NOOP("Channel", "Superior department"),
        "contract": QT_TRANSLATE_NOOP("Channel", "Contract negotiation"),
        "survey": QT_TRANSLATE_NOOP("Channel", "Questionnaire"),
        "market_research": QT_TRANSLATE_NOOP("Channel", "Market research"),
        "complaint": QT_TRANSLATE_NOOP("Channel", "Customer complaint"),
        "employee": QT_TRANSLATE_NOOP("Channel", "Employee feedback"),
        "web_media": QT_TRANSLATE_NOOP("Channel", "Web / media"),
    },
    Kind: {
        "request": QT_TRANSLATE_NOOP("Kind", "Service request"),
        "inquiry": QT_TRANSLATE_NOOP("Kind", "Inquiry"),
        "suggestion": QT_TRANSLATE_NOOP("Kind", "Suggestion"),
        "complaint": QT_TRANSLATE_NOOP("Kind", "Complaint"),
    },
    Category: {
        "product": QT_TRANSLATE_NOOP("Category", "Product"),
        "service": QT_TRANSLATE_NOOP("Category", "Service"),
        "price": QT_TRANSLATE_NOOP("Category", "Price"),
        "other": QT_TRANSLATE_NOOP("Category", "Other"),
    },
    CategoryDetail: {
        "function": QT_TRANSLATE_NOOP("CategoryDetail", "Function"),
        "performance": QT_TRANSLATE_NOOP("CategoryDetail", "Performance"),
        "quality": QT_TRANSLATE_NOOP("CategoryDetail", "Quality"),
        "appearance": QT_TRANSLATE_NOOP("CategoryDetail", "Appearance"),
        "customisation": QT_TRANSLATE_NOOP("CategoryDetail", "Customisation"),
        "other": QT_TRANSLATE_NOOP("CategoryDetail", "Other"),
    },
    Nature: {
        "functional": QT_TRANSLATE_NOOP("Nature", "Functional"),
        "non_functional": QT_TRANSLATE_NOOP("Nature", "Non-functional"),
    },
    Urgency: {
        "urgent": QT_TRANSLATE_NOOP("Urgency", "Urgent"),
        "important": QT_TRANSLATE_NOOP("Urgency", "Important"),
        "general": QT_TRANSLATE_NOOP("Urgency", "General"),
    },
    Stage: {
        "registered": QT_TRANSLATE_NOOP("Stage", "Registered"),
        "dispatched": QT_TRANSLATE_NOOP("Stage", "Dispatched"),
        "in_review": QT_TRANSLATE_NOOP("Stage", "In review"),
        "in_progress": QT_TRANSLATE_NOOP("Stage", "In progress"),
        "responded": QT_TRANSLATE_NOOP("Stage", "Responded"),
        "resolved": QT_TRANSLATE_NOOP("Stage", "Resolved"),
        "closed": QT_TRANSLATE_NOOP("Stage", "Closed"),
        "rejected": QT_TRANSLATE_NOOP("Stage", "Rejected"),
        "merged": QT_TRANSLATE_NOOP("Stage", "Merged"),
        "cancelled": QT_TRANSLATE_NOOP("Stage", "Cancelled"),
    },
    EventKind: {
        "registered": QT_TRANSLATE_NOOP("EventKind", "Registered"),
        "stage_changed": QT_TRANSLATE_NOOP("EventKind", "Stage changed"),
        "assigned": QT_TRANSLATE_NOOP("EventKind", "Assigned"),
        "plan_recorded": QT_TRANSLATE_NOOP("EventKind", "Processing plan recorded"),
        "response_logged": QT_TRANSLATE_NOOP("EventKind", "Response logged"),
        "return_visit": QT_TRANSLATE_NOOP("EventKind", "Return visit"),
        "merged": QT_TRANSLATE_NOOP("EventKind", "Merged"),
        "note": QT_TRANSLATE_NOOP("EventKind", "Note"),
    },
    Feasibility: {
        "feasible": QT_TRANSLATE_NOOP("Feasibility", "Feasible"),
        "conditional": QT_TRANSLATE_NOOP("Feasibility", "Conditionally feasible"),
        "not_feasible": QT_TRANSLATE_NOOP("Feasibility", "Not feasible"),
    },
    ContractType: {
        "regular": QT_TRANSLATE_NOOP("ContractType", "Regular"),
        "special": QT_TRANSLATE_NOOP("ContractType", "Special"),
        "temporary": QT_TRANSLATE_NOOP("ContractType", "Temporary"),
    },
    ReviewRouting: {
        "planner": QT_TRANSLATE_NOOP("ReviewRouting", "Sales planner alone"),
        "countersign": QT_TRANSLATE_NOOP("ReviewRouting", "Countersign"),
        "meeting": QT_TRANSLATE_NOOP("ReviewRouting", "Meeting review"),
    },
    ReviewState: {
        "signing": QT_TRANSLATE_NOOP("ReviewState", "Signing"),
        "negotiating": QT_TRANSLATE_NOOP("ReviewState", "Negotiating with customer"),
        "arbitration": QT_TRANSLATE_NOOP("ReviewState", "Awaiting GM arbitration"),
        "accepted": QT_TRANSLATE_NOOP("ReviewState", "Accepted"),
        "rejected": QT_TRANSLATE_NOOP("ReviewState", "Rejected"),
        "void": QT_TRANSLATE_NOOP("ReviewState", "Void"),
    },
    ReviewAspect: {
        "sales": QT_TRANSLATE_NOOP("ReviewAspect", "Sales"),
        "technical": QT_TRANSLATE_NOOP("ReviewAspect", "Technical"),
        "purchasing": QT_TRANSLATE_NOOP("ReviewAspect", "Purchasing"),
        "production": QT_TRANSLATE_NOOP("ReviewAspect", "Production"),
        "quality": QT_TRANSLATE_NOOP("ReviewAspect", "Quality"),
        "finance": QT_TRANSLATE_NOOP("ReviewAspect", "Finance"),
    },
    SignOffKind: {
        "department": QT_TRANSLATE_NOOP("SignOffKind", "Department sign-off"),
        "gm": QT_TRANSLATE_NOOP("SignOffKind", "General manager (meeting review)"),
        "arbitration": QT_TRANSLATE_NOOP("SignOffKind", "General manager's arbitration"),
        "amendment": QT_TRANSLATE_NOOP("SignOffKind", "Signature of a changed clause"),
    },
    Decision: {
        "can_meet": QT_TRANSLATE_NOOP("Decision", "Can meet"),
        "conditional": QT_TRANSLATE_NOOP("Decision", "Can meet with conditions"),
        "cannot_meet": QT_TRANSLATE_NOOP("Decision", "Cannot meet"),
        "accept": QT_TRANSLATE_NOOP("Decision", "Accept"),
        "reject": QT_TRANSLATE_NOOP("Decision", "Reject"),
    },
    AmendmentKind: {
        "void_resign": QT_TRANSLATE_NOOP("AmendmentKind", "Void and re-sign"),
        "change_clause": QT_TRANSLATE_NOOP("AmendmentKind", "Change clause"),
        "time_quantity": QT_TRANSLATE_NOOP("AmendmentKind", "Time or quantity only"),
    },
    DayKind: {
        "holiday": QT_TRANSLATE_NOOP("DayKind", "Holiday"),
        "workday": QT_TRANSLATE_NOOP("DayKind", "Make-up working day"),
    },
}


def label_source(member: StrEnum) -> tuple[str, str]:
    """The (context, English source text) that translates ``member`` for display."""
    enum_cls = type(member)
    return enum_cls.__name__, _LABELS[enum_cls][member.value]


def labelled_enums() -> tuple[type[StrEnum], ...]:
    return tuple(_LABELS)
