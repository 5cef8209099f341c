"""SQLAlchemy ORM classes: tables, relations and enums. No Qt, no business rules."""

from reqdesk.models.base import Base, utc_now
from reqdesk.models.customers import (
    Customer,
    CustomerAccessGrant,
    CustomerContact,
    CustomerTransaction,
    RelationshipLogEntry,
)
from reqdesk.models.requirements import (
    ProcessingPlan,
    Requirement,
    RequirementAssessment,
    RequirementEvent,
    RequirementResponse,
    ReturnVisit,
)
from reqdesk.models.reviews import (
    Review,
    ReviewAmendment,
    ReviewNegotiation,
    ReviewNotice,
    ReviewParticipant,
    ReviewRound,
    SignOff,
)
from reqdesk.models.sync import RemoteAuditEntry, SyncConflict, SyncPeer, SyncTombstone
from reqdesk.models.system import AuditEntry, CalendarDay, CalendarYear, NumberSequence, Setting
from reqdesk.models.users import Department, User, UserRole

__all__ = [
    "AuditEntry",
    "Base",
    "CalendarDay",
    "CalendarYear",
    "Customer",
    "CustomerAccessGrant",
    "CustomerContact",
    "CustomerTransaction",
    "Department",
    "NumberSequence",
    "ProcessingPlan",
    "RelationshipLogEntry",
    "RemoteAuditEntry",
    "Requirement",
    "RequirementAssessment",
    "RequirementEvent",
    "RequirementResponse",
    "ReturnVisit",
    "Review",
    "ReviewAmendment",
    "ReviewNegotiation",
    "ReviewNotice",
    "ReviewParticipant",
    "ReviewRound",
    "Setting",
    "SignOff",
    "SyncConflict",
    "SyncPeer",
    "SyncTombstone",
    "User",
    "UserRole",
    "utc_now",
]
