"""Cleaning what people type or paste: full-width characters, stray spaces, lookup keys."""

from __future__ import annotations

import functools
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
        if category in ("Cc", "Cf", "Cs", "Co", "Cn") or _is_variation_selector(ch):
            found.append(f"U+{ord(ch):04X}")
        elif category == "So" and not _printable_symbol(ch):
            found.append(ch)
    return list(dict.fromkeys(found))


def _is_variation_selector(ch: str) -> bool:
    """U+FE0F asks for an emoji picture (❤️, ✅️); paper forms have none."""
    code = ord(ch)
    return 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF


def _printable_symbol(ch: str) -> bool:
    """A symbol (★, ☎, ①) the bundled font can print; emoji (😀, ✅, ❤) it cannot."""
    return ord(ch) < 0x1F000 and ord(ch) in _font_characters()


@functools.cache
def _font_characters() -> frozenset[int]:
    """The characters of the font the forms are printed with (read once, ~0.2 s)."""
    from reportlab.pdfbase.ttfonts import TTFontFile

    from reqdesk import paths

    font = TTFontFile(str(paths.resources_dir() / "fonts" / "wqy-microhei.ttc"), subfontIndex=0)
    return frozenset(font.charToGlyph)
