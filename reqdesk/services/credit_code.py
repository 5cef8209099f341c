"""The unified social credit code (统一社会信用代码, GB 32100-2015).

18 characters from ``0-9`` and ``A-Y`` without I, O, Z, S, V; the last one is a
check character computed from the first 17 with fixed weights, modulo 31.
"""

from __future__ import annotations

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_VALUE = {ch: i for i, ch in enumerate(ALPHABET)}

# Organisation code (GB 11714), carried in positions 9–17.
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def check_character(first17: str) -> str:
    total = sum(_VALUE[ch] * w for ch, w in zip(first17, WEIGHTS, strict=True))
    return ALPHABET[(31 - total % 31) % 31]


def is_valid(code: str) -> bool:
    code = code.strip().upper()
    if len(code) != 18 or any(ch not in _VALUE for ch in code):
        return False
    return check_character(code[:17]) == code[17]


def organisation_check(body8: str) -> str:
    """GB 11714 check character for an 8-character organisation code body."""
    total = sum(int(ch, 36) * w for ch, w in zip(body8, _ORG_WEIGHTS, strict=True))
    value = 11 - total % 11
    return {10: "X", 11: "0"}.get(value, str(value))


def make_code(region: str, body8: str, registry: str = "9", kind: str = "1") -> str:
    """Build a valid code from a 6-digit region code and an 8-character organisation body."""
    first17 = registry + kind + region + body8 + organisation_check(body8)
    return first17 + check_character(first17)
