"""Every user-visible string has a Simplified Chinese translation, and the .qm is current."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from reqdesk import i18n, paths
from reqdesk.i18n_tool import release, update_ts
from reqdesk.models.enums import label_source, labelled_enums

TS = paths.resources_dir() / "translations" / "reqdesk_zh_CN.ts"


def messages(ts_file: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(ts_file).getroot()
    return [
        (context.findtext("name") or "", message.findtext("source") or "", message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def translation_of(message: ET.Element) -> str:
    element = message.find("translation")
    assert element is not None
    forms = [f.text or "" for f in element.iter("numerusform")]
    return " ".join(forms) if forms else element.text or ""


@pytest.fixture(scope="module")
def refreshed_ts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The committed .ts updated from today's code (what `dev.py i18n` would write)."""
    copy = tmp_path_factory.mktemp("ts") / TS.name
    shutil.copyfile(TS, copy)
    update_ts(copy)
    return copy


def test_no_source_text_lacks_a_chinese_translation(refreshed_ts: Path) -> None:
    """lupdate over the code finds no new, unfinished or empty message."""
    missing = [
        f"{context}: {source!r}"
        for context, source, message in messages(refreshed_ts)
        if message.find("translation").get("type") in {"unfinished", "vanished", "obsolete"}  # type: ignore[union-attr]
        or not translation_of(message).strip()
    ]
    assert missing == []


def test_committed_ts_is_what_the_code_produces(refreshed_ts: Path) -> None:
    """Nothing in the code is missing from the committed .ts (run `python3 dev.py i18n`)."""
    assert {(c, s) for c, s, _ in messages(refreshed_ts)} == {(c, s) for c, s, _ in messages(TS)}


def test_compiled_qm_matches_the_ts(tmp_path: Path) -> None:
    """The shipped .qm is compiled from the committed .ts."""
    fresh = tmp_path / "fresh.qm"
    release(TS, fresh)
    assert fresh.read_bytes() == TS.with_suffix(".qm").read_bytes()


def test_placeholders_survive_translation() -> None:
    """A translated text keeps every {placeholder} of its source."""
    import re

    for context, source, message in messages(TS):
        wanted = set(re.findall(r"\{[a-z_]+[^}]*\}", source))
        got = set(re.findall(r"\{[a-z_]+[^}]*\}", translation_of(message)))
        assert wanted == got, f"{context}: {source!r}"


def test_every_enum_label_translates() -> None:
    """Each stored code shows a Chinese label."""
    for enum_cls in labelled_enums():
        for member in enum_cls:
            context, source = label_source(member)
            text = i18n.translate(context, source)
            assert text and (text != source or source in "ABCD"), (context, source)
