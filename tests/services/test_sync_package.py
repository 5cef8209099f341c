"""The sync package format: what one site writes, another reads back exactly; anything
else is refused with a reason before a single record is looked at."""

from __future__ import annotations

import json
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reqdesk.i18n import error_text
from reqdesk.services.sync.package import (
    FORMAT_VERSION,
    MANIFEST,
    RECORDS,
    Manifest,
    PackageRefused,
    SyncRecord,
    read_package,
    write_package,
)

MANIFEST_IN = Manifest(
    source_site="SH01",
    target_site="HQ",
    sequence=3,
    created_at="2026-11-20T02:00:00+00:00",
    since="2026-11-13T02:00:00+00:00",
    until="2026-11-20T02:00:00+00:00",
    program="0.1.0",
)
RECORDS_IN = [
    SyncRecord(
        "customer",
        "6f1c2d2e-0000-4000-8000-000000000001",
        "SH01",
        "2026-11-19T08:30:00+00:00",
        {"SH01": 2},
        {"code": "SH01-C-00001", "name": "苏州示例精密有限公司", "credit_limit": "120000.00"},
    ),
    SyncRecord(
        "requirement",
        "6f1c2d2e-0000-4000-8000-000000000002",
        "SH01",
        "2026-11-19T09:00:00+00:00",
        {"SH01": 1, "HQ": 1},
        {"number": "SH01-RQ-2026-00001", "customer": "6f1c2d2e-0000-4000-8000-000000000001"},
    ),
]


def written(tmp_path: Path) -> Path:
    path = tmp_path / "SH01-to-HQ-0003.reqsync"
    write_package(path, MANIFEST_IN, RECORDS_IN)
    return path


def rewrite(path: Path, member: str, data: bytes) -> None:
    """The package with one member replaced (as a damaged or forged file would be)."""
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    members[member] = data
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)


def refusal(path: Path) -> str:
    with pytest.raises(PackageRefused) as refused:
        read_package(path)
    return error_text(refused.value)


def test_a_package_reads_back_exactly(tmp_path: Path) -> None:
    manifest, records = read_package(written(tmp_path))
    assert records == RECORDS_IN
    assert manifest.counts == {"customer": 1, "requirement": 1}
    assert manifest.version == FORMAT_VERSION and len(manifest.records_sha256) == 64
    assert replace(manifest, counts={}, records_sha256="") == MANIFEST_IN


def test_a_changed_record_is_found_by_the_checksum(tmp_path: Path) -> None:
    path = written(tmp_path)
    with zipfile.ZipFile(path) as archive:
        body = archive.read(RECORDS)
    rewrite(path, RECORDS, body.replace("苏州".encode(), "杭州".encode()))
    assert "损坏" in refusal(path) and "重新发送" in refusal(path)


def test_a_package_from_a_newer_program_is_refused(tmp_path: Path) -> None:
    path = written(tmp_path)
    with zipfile.ZipFile(path) as archive:
        manifest = json.loads(archive.read(MANIFEST))
    manifest.update(version=FORMAT_VERSION + 1, program="9.0.0")
    rewrite(path, MANIFEST, json.dumps(manifest).encode())
    text = refusal(path)
    assert "9.0.0" in text and "更新" in text


@pytest.mark.parametrize(
    "damage",
    [
        lambda p: p.write_bytes(b""),
        lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2]),
        lambda p: p.write_bytes(b"%PDF-1.7 not a package"),
        lambda p: rewrite(p, MANIFEST, b"{not json"),
        lambda p: rewrite(p, MANIFEST, json.dumps({"format": "other", "version": 1}).encode()),
        lambda p: rewrite(p, MANIFEST, json.dumps({"format": "reqdesk-sync"}).encode()),
        lambda p: rewrite(p, RECORDS, b"\xff\xfe"),
    ],
    ids=["empty", "cut-short", "pdf", "bad-json", "other-format", "no-version", "bad-text"],
)
def test_a_damaged_or_foreign_file_is_refused(tmp_path: Path, damage: object) -> None:
    path = written(tmp_path)
    damage(path)  # type: ignore[operator]
    assert str(path) in refusal(path)


def test_a_missing_file_and_a_folder_are_refused(tmp_path: Path) -> None:
    assert "不存在" in refusal(tmp_path / "nothing.reqsync")
    assert str(tmp_path) in refusal(tmp_path)


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_are_refused_cleanly(data: bytes) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "random.reqsync"
        path.write_bytes(data)
        with pytest.raises(PackageRefused):
            read_package(path)


def test_any_single_damaged_byte_is_refused_or_harmless(tmp_path: Path) -> None:
    """Flipping any one byte of a package gives a refusal, never another error; a flip
    that still reads (in zip padding or metadata) must give exactly the same records."""
    original = written(tmp_path)
    data = original.read_bytes()
    damaged = tmp_path / "damaged.reqsync"
    for position in range(len(data)):
        flipped = bytearray(data)
        flipped[position] ^= 0x5A
        damaged.write_bytes(bytes(flipped))
        try:
            _manifest, records = read_package(damaged)
        except PackageRefused:
            continue
        assert records == RECORDS_IN, f"byte {position} changed the records unnoticed"
