"""The working-day calendar: official schedules, the administrator's edits, calendar files.

The official holiday and make-up-day schedules known to the ``chinese-calendar``
package are copied into the ``calendar_year``/``calendar_day`` tables, where the
administrator can correct them or add next year's schedule (it is published late
and the program works offline). A year without a schedule counts weekends only and
its due dates are marked provisional.
"""

from __future__ import annotations

import csv
import io
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from reqdesk.models import CalendarDay, CalendarYear
from reqdesk.models.enums import DayKind
from reqdesk.services.audit import Action
from reqdesk.services.context import Context, UnitOfWork
from reqdesk.services.errors import ValidationError
from reqdesk.services.normalise import clean_text, half_width
from reqdesk.services.permissions import Permission, require
from reqdesk.services.sla import BUSINESS_TZ, WorkCalendar
from reqdesk.textmarks import QT_TRANSLATE_NOOP

OFFICIAL_SOURCE = "chinese-calendar"
HOLIDAY_NAMES = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "抗战胜利纪念日",
}
KIND_WORDS = {
    DayKind.HOLIDAY: ("holiday", "休", "休息", "假", "放假", "节假日"),
    DayKind.WORKDAY: ("workday", "班", "上班", "调休上班", "补班", "工作日"),
}


@dataclass(frozen=True)
class DayRow:
    day: date
    kind: DayKind
    name: str


@dataclass(frozen=True)
class YearRow:
    year: int
    version: int
    source: str
    holidays: int
    workdays: int


def official_schedule() -> tuple[dict[date, str], dict[date, str], set[int]]:
    """Holidays, make-up days and the years the bundled package knows."""
    from chinese_calendar import constants

    holidays = {d: HOLIDAY_NAMES.get(str(n), str(n)) for d, n in constants.holidays.items()}
    workdays = {d: HOLIDAY_NAMES.get(str(n), str(n)) for d, n in constants.workdays.items()}
    years = {d.year for d in holidays}
    return holidays, workdays, years


def copy_official_years(session: Session, *, now: datetime) -> list[int]:
    """Copy each year the package knows and the database lacks; never overwrite edits."""
    holidays, workdays, years = official_schedule()
    present = set(session.scalars(select(CalendarYear.year)))
    missing = sorted(years - present)
    for year in missing:
        session.add(CalendarYear(year=year, version=1, source=OFFICIAL_SOURCE, updated_at=now))
    session.add_all(
        CalendarDay(day=d, kind=DayKind.HOLIDAY, name=n)
        for d, n in holidays.items()
        if d.year in missing
    )
    session.add_all(
        CalendarDay(day=d, kind=DayKind.WORKDAY, name=n)
        for d, n in workdays.items()
        if d.year in missing
    )
    _invalidate()
    return missing


def ensure_official_years(ctx: Context) -> list[int]:
    """Copy the bundled official schedules the database lacks (after a program update)."""
    _holidays, _workdays, years = official_schedule()
    with ctx.reading() as session:
        present = set(session.scalars(select(CalendarYear.year)))
    if years <= present:
        return []
    with ctx.unit_of_work() as uow:
        added = copy_official_years(uow.session, now=uow.now)
        if added:
            uow.audit(
                Action.CREATE,
                entity_type="calendar_year",
                details={"years": added, "source": OFFICIAL_SOURCE},
            )
        uow.commit()
    _invalidate()
    return added


# A small cache: every registration needs the calendar; it changes rarely.
_cache_lock = threading.Lock()
_cache: dict[str, tuple[tuple[object, ...], WorkCalendar]] = {}


def _invalidate() -> None:
    with _cache_lock:
        _cache.clear()


def work_calendar(session: Session) -> WorkCalendar:
    """The calendar as stored, cached until a year's schedule changes."""
    stamp = tuple(
        session.execute(
            select(
                func.count(CalendarYear.year),
                func.sum(CalendarYear.version),
                func.max(CalendarYear.updated_at),
            )
        ).one()
    )
    key = str(session.get_bind().engine.url)
    with _cache_lock:
        cached = _cache.get(key)
        if cached is not None and cached[0] == stamp:
            return cached[1]
    days = session.execute(select(CalendarDay.day, CalendarDay.kind)).all()
    calendar = WorkCalendar.of(
        holidays=[d for d, kind in days if kind == DayKind.HOLIDAY],
        workdays=[d for d, kind in days if kind == DayKind.WORKDAY],
        known_years=session.scalars(select(CalendarYear.year)).all(),
    )
    with _cache_lock:
        _cache[key] = (stamp, calendar)
    return calendar


def current_calendar(ctx: Context) -> WorkCalendar:
    with ctx.reading() as session:
        return work_calendar(session)


def missing_schedule_warning(ctx: Context) -> int | None:
    """From December on: next year's number when its schedule is not loaded yet."""
    today = ctx.clock().astimezone(BUSINESS_TZ).date()
    if today.month != 12:
        return None
    with ctx.reading() as session:
        known = session.get(CalendarYear, today.year + 1)
    return None if known is not None else today.year + 1


def calendar_years(ctx: Context) -> list[YearRow]:
    """Each scheduled year with its version, source and how many days it lists."""
    with ctx.reading() as session:
        counts: dict[tuple[int, DayKind], int] = {}
        for day, kind in session.execute(select(CalendarDay.day, CalendarDay.kind)):
            counts[(day.year, kind)] = counts.get((day.year, kind), 0) + 1
        return [
            YearRow(
                y.year,
                y.version,
                y.source,
                counts.get((y.year, DayKind.HOLIDAY), 0),
                counts.get((y.year, DayKind.WORKDAY), 0),
            )
            for y in session.scalars(select(CalendarYear).order_by(CalendarYear.year.desc()))
        ]


def _stored_days(session: Session, year: int) -> list[DayRow]:
    rows = session.scalars(
        select(CalendarDay)
        .where(CalendarDay.day >= date(year, 1, 1), CalendarDay.day <= date(year, 12, 31))
        .order_by(CalendarDay.day)
    )
    return [DayRow(r.day, r.kind, r.name) for r in rows]


def year_days(ctx: Context, year: int) -> list[DayRow]:
    with ctx.reading() as session:
        return _stored_days(session, year)


def _clean_days(days: Iterable[DayRow], year: int) -> list[DayRow]:
    result: dict[date, DayRow] = {}
    for row in days:
        if row.day.year != year:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "{day} is not in {year}."),
                day=row.day.isoformat(),
                year=year,
            )
        try:
            kind = DayKind(row.kind)
        except ValueError:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "{day}: choose holiday or make-up working day."),
                day=row.day.isoformat(),
            ) from None
        weekend = row.day.weekday() >= 5
        if kind == DayKind.WORKDAY and not weekend:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "{day} is a weekday already; only a weekend day can be a make-up working day.",
                ),
                day=row.day.isoformat(),
            )
        name = "".join(c for c in clean_text(row.name) if c.isprintable())[:60]
        result[row.day] = DayRow(row.day, kind, name)
    return sorted(result.values(), key=lambda r: r.day)


def _replace_year(uow: UnitOfWork, year: int, cleaned: list[DayRow], source: str) -> int:
    session = uow.session
    in_year = (CalendarDay.day >= date(year, 1, 1), CalendarDay.day <= date(year, 12, 31))
    before = {(r.day, r.kind, r.name) for r in session.scalars(select(CalendarDay).where(*in_year))}
    after = {(r.day, r.kind, r.name) for r in cleaned}
    entry = session.get(CalendarYear, year)
    if entry is not None and before == after:
        return entry.version
    session.execute(delete(CalendarDay).where(*in_year))
    session.add_all(CalendarDay(day=r.day, kind=r.kind, name=r.name) for r in cleaned)
    if entry is None:
        entry = CalendarYear(year=year, version=1, source=source, updated_at=uow.now)
        session.add(entry)
    else:
        entry.version += 1
        entry.source = source
        entry.updated_at = uow.now
    uow.audit(
        Action.UPDATE,
        entity_type="calendar_year",
        entity_id=year,
        details={
            "year": year,
            "source": source,
            "added": sorted(f"{d} {k.value} {n}" for d, k, n in after - before),
            "removed": sorted(f"{d} {k.value} {n}" for d, k, n in before - after),
        },
    )
    session.flush()
    from reqdesk.services.requirements.due_refresh import refresh_provisional_dues

    refresh_provisional_dues(uow)
    return entry.version


def _check_year(year: int) -> None:
    if not 2000 <= year <= 2100:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Choose a year between 2000 and 2100."))


def save_year(ctx: Context, year: int, days: Iterable[DayRow], *, source: str = "user") -> int:
    """Replace a year's holidays and make-up days; the year counts as scheduled from now on.

    Returns the year's version number (raised by one when anything changed). Audited.
    """
    require(ctx.actor, Permission.MANAGE_CALENDAR)
    _check_year(year)
    cleaned = _clean_days(days, year)
    with ctx.unit_of_work() as uow:
        version = _replace_year(uow, year, cleaned, source)
        uow.commit()
    _invalidate()
    return version


DAY_PATTERN = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")


def parse_day(text: str) -> date | None:
    """2027-01-01, 2027/1/1, 2027.1.1 or 2027年1月1日; None when it is not a date."""
    match = DAY_PATTERN.fullmatch(text.strip())
    if match is None:
        return None
    try:
        return date(*(int(part) for part in match.groups()))
    except ValueError:
        return None


CALENDAR_FILE_LIMIT = 1_000_000  # bytes; a year's schedule is a few hundred


def _read_calendar_bytes(path: Path) -> bytes:
    """The file's bytes, or a clear refusal: no such file, a folder, far too large."""
    if path.is_dir():
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "{file} is a folder, not a calendar file."),
            file=str(path),
        )
    try:
        if path.stat().st_size > CALENDAR_FILE_LIMIT:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Errors", "{file} is far too large for a calendar file: choose another file."
                ),
                file=path.name,
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "There is no file {file}."), file=str(path)
        ) from None
    except OSError:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The calendar file cannot be read.")
        ) from None


def parse_calendar_file(path: Path) -> dict[int, list[DayRow]]:
    """Read a calendar file: lines ``date,kind,name`` (kind: holiday/休 or workday/班).

    UTF-8 (with or without BOM) or GB18030 text, commas or tabs; a first line without
    digits (a header) and blank lines are skipped. Every bad line is named, and so is a
    date listed twice with different kinds.
    """
    raw = _read_calendar_bytes(path)
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - gb18030 decodes any byte string
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "The calendar file cannot be read."))
    dialect = csv.excel_tab if "\t" in text.split("\n", 1)[0] else csv.excel
    years: dict[int, list[DayRow]] = {}
    seen: dict[date, tuple[int, DayKind]] = {}
    problems: list[str] = []
    try:
        lines = list(csv.reader(io.StringIO(text), dialect))
    except csv.Error:  # a field longer than csv's limit: not a calendar file
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The calendar file cannot be read.")
        ) from None
    for number, cells in enumerate(lines, start=1):
        cells = [half_width(c) for c in cells]
        if not cells or not any(cells):
            continue
        day = parse_day(cells[0])
        if day is None:
            if number == 1 and not any(ch.isdigit() for ch in cells[0]):
                continue  # a header line
            problems.append(f"{number}: {cells[0]}")
            continue
        word = (cells[1] if len(cells) > 1 else "").lower()
        kind = next((k for k, words in KIND_WORDS.items() if word in words), None)
        if kind is None:
            problems.append(f"{number}: {word or '?'}")
            continue
        earlier = seen.get(day)
        if earlier is not None and earlier[1] != kind:
            problems.append(f"{number}: {day.isoformat()} ({earlier[0]})")
            continue
        seen[day] = (number, kind)
        years.setdefault(day.year, []).append(DayRow(day, kind, cells[2] if len(cells) > 2 else ""))
    if problems:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors",
                'These lines of the calendar file are not "date,holiday|workday,name": {lines}',
            ),
            lines="; ".join(problems[:10]),
        )
    if not years:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "The calendar file has no days."))
    return years


def import_calendar_file(ctx: Context, path: Path, *, replace: bool = False) -> dict[int, int]:
    """Load the days a calendar file lists, in one transaction; {year: version}.

    The file's days are added to each year's schedule (a listed date takes the file's
    kind and name); days it does not list stay. ``replace``: the file is each year's
    whole schedule, days it does not list are removed.
    """
    require(ctx.actor, Permission.MANAGE_CALENDAR)
    years = parse_calendar_file(path)
    for year in years:
        _check_year(year)
    source = f"file:{path.name}"[:60]
    with ctx.unit_of_work() as uow:
        versions = {}
        for year, rows in sorted(years.items()):
            listed = {} if replace else {r.day: r for r in _stored_days(uow.session, year)}
            listed.update((r.day, r) for r in rows)
            versions[year] = _replace_year(uow, year, _clean_days(listed.values(), year), source)
        uow.commit()
    _invalidate()
    return versions


def official_years() -> list[int]:
    """The years whose official schedule ships with the program."""
    return sorted(official_schedule()[2])


def restore_official_year(ctx: Context, year: int) -> int:
    """Put back the shipped official schedule of ``year`` (a new version, audited)."""
    require(ctx.actor, Permission.MANAGE_CALENDAR)
    holidays, workdays, years = official_schedule()
    if year not in years:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The program has no official schedule for {year}."),
            year=year,
        )
    rows = [DayRow(d, DayKind.HOLIDAY, n) for d, n in holidays.items() if d.year == year]
    rows += [DayRow(d, DayKind.WORKDAY, n) for d, n in workdays.items() if d.year == year]
    cleaned = _clean_days(rows, year)
    with ctx.unit_of_work() as uow:
        version = _replace_year(uow, year, cleaned, OFFICIAL_SOURCE)
        uow.commit()
    _invalidate()
    return version
