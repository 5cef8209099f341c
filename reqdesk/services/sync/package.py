"""The branch-sync package: one zip file a site sends to another (see docs/sync-format.md).

``manifest.json`` says who sent it to whom, which exchange it is and what it holds;
``records.jsonl`` holds one record a line, parents before children, foreign keys given
as the other record's ``uuid``. The manifest carries the SHA-256 of ``records.jsonl``,
so a package damaged on the way is refused before anything is applied, and its format
version, so a package from a newer reqdesk is refused with a clear message.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from reqdesk.reports.files import write_atomically
from reqdesk.services.errors import ReqdeskError
from reqdesk.textmarks import QT_TRANSLATE_NOOP

FORMAT = "reqdesk-sync"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
RECORDS = "records.jsonl"
MAX_PACKAGE_BYTES = 2 * 1024**3  # unpacked records; a bigger "package" is not one of ours
RECORD_KEYS = frozenset({"table", "uuid", "site_code", "updated_at", "vv", "data"})


class PackageRefused(ReqdeskError):
    """The file is not a sync package this program can apply; nothing was changed."""


@dataclass(frozen=True)
class SyncRecord:
    """One record as exchanged: its table, identity, home site, change time and columns."""

    table: str
    uuid: str
    site_code: str
    updated_at: str  # ISO 8601 in UTC
    vv: dict[str, int]  # the version: how many changes each site has made to the record
    data: dict[str, Any]


@dataclass(frozen=True)
class Manifest:
    source_site: str
    target_site: str | None  # None: for any site
    sequence: int  # the n-th package from source to target
    created_at: str
    since: str | None  # changes after this time (None: everything)
    until: str  # … up to this time
    program: str
    counts: dict[str, int] = field(default_factory=dict)
    records_sha256: str = ""
    format: str = FORMAT
    version: int = FORMAT_VERSION


def _records_bytes(records: Iterable[SyncRecord]) -> bytes:
    lines = (
        json.dumps(asdict(record), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        for record in records
    )
    return "".join(line + "\n" for line in lines).encode("utf-8")


def write_package(path: Path, manifest: Manifest, records: list[SyncRecord]) -> Manifest:
    """Write the package atomically; returns the manifest with counts and checksum."""
    body = _records_bytes(records)
    counts: dict[str, int] = {}
    for record in records:
        counts[record.table] = counts.get(record.table, 0) + 1
    done = Manifest(
        **{
            **asdict(manifest),
            "counts": counts,
            "records_sha256": hashlib.sha256(body).hexdigest(),
        }
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST, json.dumps(asdict(done), ensure_ascii=False, indent=1))
        archive.writestr(RECORDS, body)
    write_atomically(path, buffer.getvalue())
    return done


def _refuse(message: str, **params: Any) -> PackageRefused:
    return PackageRefused(message, **params)


def _not_ours(path: Path) -> PackageRefused:
    return _refuse(
        QT_TRANSLATE_NOOP("Errors", "{file} is not a reqdesk sync package (or it is damaged)."),
        file=path,
    )


def read_package(path: Path) -> tuple[Manifest, list[SyncRecord]]:
    """The package's manifest and records, checked whole; refused with a clear reason."""
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise _refuse(QT_TRANSLATE_NOOP("Errors", "There is no file {file}."), file=path) from None
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError, zlib.error):
        raise _not_ours(path) from None
    with archive:
        manifest = _read_manifest(archive, path)
        body = _read_member(archive, RECORDS, path)
    if hashlib.sha256(body).hexdigest() != manifest.records_sha256:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{file} is damaged (its records do not match its checksum). Nothing was "
                "changed; ask the other site to send it again.",
            ),
            file=path,
        )
    return manifest, _parse_records(body, path)


def _read_member(archive: zipfile.ZipFile, name: str, path: Path) -> bytes:
    try:
        info = archive.getinfo(name)
        if info.file_size > MAX_PACKAGE_BYTES:
            raise ValueError(name)
        return archive.read(info)
    except (KeyError, ValueError, zipfile.BadZipFile, OSError, EOFError, RuntimeError, zlib.error):
        # RuntimeError: an encrypted member; NotImplementedError is a RuntimeError too
        raise _not_ours(path) from None


def _read_manifest(archive: zipfile.ZipFile, path: Path) -> Manifest:
    raw = _read_member(archive, MANIFEST, path)
    try:
        data = json.loads(raw.decode("utf-8"))
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError("format")
        version = int(data["version"])
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        raise _not_ours(path) from None
    if version > FORMAT_VERSION:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{file} was made by a newer reqdesk ({program}, package format {version}). "
                "Update reqdesk on this PC first; nothing was changed.",
            ),
            file=path,
            program=str(data.get("program", "?")),
            version=version,
        )
    try:
        return Manifest(**data)
    except TypeError:
        raise _not_ours(path) from None


def _parse_records(body: bytes, path: Path) -> list[SyncRecord]:
    records = []
    try:
        for line in body.decode("utf-8").splitlines():
            item = json.loads(line)
            if not isinstance(item, dict) or set(item) != RECORD_KEYS:
                raise ValueError(line[:80])
            if not isinstance(item["data"], dict) or not _is_vector(item["vv"]):
                raise ValueError(line[:80])
            if not all(isinstance(item[key], str) for key in ("table", "uuid", "site_code")):
                raise ValueError(line[:80])
            records.append(SyncRecord(**item))
    except (ValueError, UnicodeDecodeError):
        raise _not_ours(path) from None
    return records


def _is_vector(value: Any) -> bool:
    return isinstance(value, dict) and all(
        isinstance(count, int) and not isinstance(count, bool) and count >= 0
        for count in value.values()
    )
