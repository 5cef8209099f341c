"""Password hashing: Argon2id, salted and slow. Plain passwords are never stored."""

from __future__ import annotations

from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from reqdesk.services.errors import ValidationError
from reqdesk.textmarks import QT_TRANSLATE_NOOP

MIN_PASSWORD_LENGTH = 8


@cache
def _hasher() -> PasswordHasher:
    # OWASP's Argon2id setting (19 MiB, 2 passes, 1 lane): slow enough against guessing,
    # quick enough (~40 ms) for a sign-in and for the password asked again at each signature.
    return PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher().verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    """True when the hash was made with weaker parameters than today's."""
    return _hasher().check_needs_rehash(password_hash)


def burn_verification_time() -> None:
    """Spend what a real check costs, so an unknown user name is not told apart by timing."""
    verify_password(_dummy_hash(), "not the password")


@cache
def _dummy_hash() -> str:
    return hash_password("reqdesk-dummy-password")


def check_password_policy(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "A password needs at least {n} characters."),
            field="password",
            n=MIN_PASSWORD_LENGTH,
        )
    if password.strip() != password:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "A password cannot start or end with a space."),
            field="password",
        )
