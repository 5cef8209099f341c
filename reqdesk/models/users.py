"""Users, their roles and the departments they belong to."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from reqdesk.models.base import Base, Code, IntPk, Record, ShortText, code_enum
from reqdesk.models.enums import ReviewAspect, Role


class Department(Record, Base):
    """A department (销售部, 技术部 …); ``review_aspect`` says what it answers for in reviews."""

    __tablename__ = "department"

    id: Mapped[IntPk]
    code: Mapped[Code] = mapped_column(unique=True)
    name: Mapped[ShortText]
    review_aspect: Mapped[ReviewAspect | None] = mapped_column(code_enum(ReviewAspect))
    active: Mapped[bool] = mapped_column(default=True)


class User(Record, Base):
    __tablename__ = "app_user"

    id: Mapped[IntPk]
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[ShortText]
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"))
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(default=True)
    must_change_password: Mapped[bool] = mapped_column(default=False)
    last_login_at: Mapped[datetime | None]
    sign_failures: Mapped[int] = mapped_column(default=0)  # wrong signing passwords in a row
    sign_locked_until: Mapped[datetime | None]
    login_failures: Mapped[int] = mapped_column(default=0)  # wrong sign-in passwords in a row
    login_locked_until: Mapped[datetime | None]
    login_failed_at: Mapped[datetime | None]  # the latest wrong sign-in password

    department: Mapped[Department | None] = relationship()
    role_links: Mapped[list[UserRole]] = relationship(
        cascade="all, delete-orphan", back_populates="user"
    )

    @property
    def roles(self) -> frozenset[Role]:
        return frozenset(link.role for link in self.role_links)


class UserRole(Base):
    """A role held by a user; a user may hold several (a supervisor who also reviews)."""

    __tablename__ = "user_role"

    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"), primary_key=True)
    role: Mapped[Role] = mapped_column(code_enum(Role), primary_key=True)

    user: Mapped[User] = relationship(back_populates="role_links")
