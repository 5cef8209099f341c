"""Words in search boxes, matched alike on SQLite and PostgreSQL.

The rule is SQLite's: a word is found anywhere in a column, every character literally
(``%``, ``_`` and ``\\`` too) and ASCII letters in either case. Words of three characters
or more go through SQLite's trigram index, which folds every letter (``ＡＢＣ`` finds
``ａｂｃ``, ``Ä`` finds ``ä``); shorter ones through LIKE, which folds ASCII only.

PostgreSQL follows the same rule on any locale. A word without letters that have a case
(Chinese, digits, punctuation: the usual search) is ``LIKE '%word%'``, a word whose cased
letters are all ASCII ``ILIKE``; a gin_trgm_ops index (migration 0008) answers both for
three characters or more. pg_trgm takes its letters from the database's LC_CTYPE: under
"C" it finds no trigrams in Chinese, and such words read every row, with the same result.
A word with other cased letters is a regular expression that spells out their cases
(``[Ａａ]``), as ILIKE folds them or not depending on the locale. Only the few letters
that Unicode lowercases into ASCII (the Kelvin sign, the dotted capital I) may match
differently, and ILIKE folds ASCII by the server's locale (a Turkish one folds ``I``
to ``ı``).
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, Connection, SQLColumnExpression, text

from reqdesk.services.listing import like_pattern

TRIGRAM_MIN = 3  # words this long are folded as SQLite's trigram index folds them
TextColumn = SQLColumnExpression[str | None]  # a column or an ORM attribute
# The columns the searches read, each with a gin_trgm_ops index ix_<table>_<column>_trgm
# on PostgreSQL when pg_trgm is there (made by migration 0008, which keeps its own list).
SEARCHED_COLUMNS = {
    "requirement": ("number", "title", "description"),
    "customer": ("name", "short_name", "code", "credit_code"),
    "customer_contact": ("name", "phone", "mobile"),
}


def contains(column: TextColumn, word: str, *, sqlite: bool) -> ColumnElement[bool]:
    """``column`` holds ``word`` literally, ASCII letters in either case (SQLite's LIKE)."""
    if sqlite:
        return column.like(like_pattern(word), escape="\\")
    return _postgresql(column, word, fold_every_letter=False, anchored=False)


def starts_with(column: TextColumn, word: str, *, sqlite: bool) -> ColumnElement[bool]:
    """``column`` begins with ``word``, compared as ``contains`` does."""
    if sqlite:
        return column.like(_escaped(word) + "%", escape="\\")
    return _postgresql(column, word, fold_every_letter=False, anchored=True)


def postgresql_contains_folded(column: TextColumn, word: str) -> ColumnElement[bool]:
    """PostgreSQL: ``column`` holds ``word``, every letter in either case (as SQLite's
    trigram index finds words of three characters or more)."""
    return _postgresql(column, word, fold_every_letter=True, anchored=False)


def _postgresql(
    column: TextColumn, word: str, *, fold_every_letter: bool, anchored: bool
) -> ColumnElement[bool]:
    pattern = _escaped(word) + "%" if anchored else like_pattern(word)
    if not any(_has_case(c) for c in word):  # nothing to fold: LIKE costs a third of ILIKE
        return column.like(pattern, escape="\\")
    if all(c.isascii() or not _has_case(c) for c in word):
        return column.ilike(pattern, escape="\\")
    regex = "".join(_either_case(c, fold_every_letter) for c in word)
    return column.regexp_match(("^" if anchored else "") + regex)


def _has_case(char: str) -> bool:
    return char.lower() != char.upper()


def _either_case(char: str, fold_every_letter: bool) -> str:
    """``char`` as a PostgreSQL regular expression (ARE): a bracket of its cases when it
    is folded, else itself (ASCII punctuation escaped; a backslash before a letter or digit
    would be a class such as \\d)."""
    if _has_case(char) and (char.isascii() or fold_every_letter):
        cases = dict.fromkeys(c for c in (char, char.lower(), char.upper()) if len(c) == 1)
        return "[" + "".join(cases) + "]"
    if char.isascii() and not char.isalnum():
        return "\\" + char
    return char


def _escaped(word: str) -> str:
    return like_pattern(word)[1:-1]


def trigram_index_problems(conn: Connection) -> list[str]:
    """PostgreSQL: the trigram indexes that are missing or unusable although pg_trgm is
    installed, one line each (searches still find every row, only more slowly). None
    without pg_trgm: the searches then read the tables, as designed."""
    installed = "SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'"
    if conn.execute(text(installed)).first() is None:
        return []
    names = {
        f"ix_{table}_{column}_trgm": (table, column)
        for table, columns in SEARCHED_COLUMNS.items()
        for column in columns
    }
    valid = text(
        "SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
        "WHERE i.indisvalid AND c.relname = ANY(:names)"
    )
    present = set(conn.execute(valid, {"names": list(names)}).scalars())
    return [
        f"search index: {name} is missing or invalid, so searches of {table}.{column} read "
        f"every row; recreate it: DROP INDEX IF EXISTS {name}; "
        f"CREATE INDEX {name} ON {table} USING gin ({column} gin_trgm_ops)"
        for name, (table, column) in names.items()
        if name not in present
    ]
