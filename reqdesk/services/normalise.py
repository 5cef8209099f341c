"""Cleaning what people type or paste: full-width characters, stray spaces, lookup keys."""

from __future__ import annotations

import unicodedata


def clean_text(value: object) -> str:
    """Text as typed, trimmed, runs of white space folded to one space (full-width too)."""
    if value is None:
        return ""
    text = str(value).replace("\u3000", " ").replace("\xa0", " ")
    return " ".join(text.split())


def half_width(value: object) -> str:
    """Full-width letters, digits and punctuation turned half-width (NFKC), trimmed."""
    return unicodedata.normalize("NFKC", clean_text(value)).strip()


def name_key(name: str) -> str:
    """The key two company names are the same by: NFKC, no spaces, case-folded.

    "华东精工（上海）有限公司" and "华东精工(上海)有限公司 " give the same key.
    """
    return "".join(half_width(name).split()).casefold()


def unprintable(text: str, *, keep_newlines: bool = False) -> list[str]:
    """Characters the forms cannot show: control characters, emoji and unassigned code
    points. Reported so the user can remove them; nothing is dropped silently."""
    found: list[str] = []
    for ch in text:
        if keep_newlines and ch in "\n\t":
            continue
        category = unicodedata.category(ch)
        if category in ("Cc", "Cf", "Cs", "Co", "Cn"):
            found.append(f"U+{ord(ch):04X}")
        elif category == "So" and ord(ch) >= 0x1F000:
            found.append(ch)
    return list(dict.fromkeys(found))
