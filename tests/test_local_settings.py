"""Settings kept per PC in the INI file: the language and the database, each chosen by the
command line first, then the environment, then the file; and the remembered backup folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from reqdesk import i18n, local_settings, paths


@pytest.fixture(autouse=True)
def own_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data folder (and settings file) of this test's own."""
    folder = tmp_path / "data"
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(folder))
    monkeypatch.delenv(i18n.LANG_ENV, raising=False)
    monkeypatch.delenv(local_settings.DB_ENV, raising=False)
    return folder


def test_the_language_comes_from_the_option_the_environment_the_pc_then_chinese(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert i18n.choose_language(None) == "zh_CN"
    local_settings.set_language("en")
    assert i18n.choose_language(None) == "en"
    assert i18n.choose_language("zh_CN") == "zh_CN"
    monkeypatch.setenv(i18n.LANG_ENV, "zh_CN")
    assert i18n.choose_language(None) == "zh_CN"
    assert i18n.choose_language("en") == "en"


def test_the_choice_is_kept_in_the_ini_file_of_the_data_folder(own_data_folder: Path) -> None:
    local_settings.set_language("en")
    text = (own_data_folder / "reqdesk.ini").read_text(encoding="utf-8")
    assert "[preferences]" in text and "language=en" in text
    local_settings.set_language(None)
    assert local_settings.language() is None
    assert i18n.choose_language(None) == "zh_CN"


def test_a_language_edited_into_the_file_by_hand_is_ignored(own_data_folder: Path) -> None:
    own_data_folder.mkdir()
    (own_data_folder / "reqdesk.ini").write_text("[preferences]\nlanguage=fr\n", encoding="utf-8")
    assert local_settings.language() is None
    assert i18n.choose_language(None) == "zh_CN"
    with pytest.raises(ValueError):
        i18n.choose_language("fr")  # the command line is told, as before


def test_the_database_comes_from_the_option_the_environment_the_pc_then_the_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert local_settings.choose_database(None) is None
    assert local_settings.database_source(None) == "default"
    local_settings.set_database(str(tmp_path / "branch.db"))
    assert local_settings.choose_database(None) == str(tmp_path / "branch.db")
    assert local_settings.database_source(None) == "setting"
    monkeypatch.setenv(local_settings.DB_ENV, "postgresql+psycopg://u@h/db")
    assert local_settings.choose_database(None) == "postgresql+psycopg://u@h/db"
    assert local_settings.database_source(None) == "environment"
    assert local_settings.choose_database("other.db") == "other.db"
    assert local_settings.database_source("other.db") == "option"
    assert local_settings.choose_database("") == ""  # --db "": refused by the command line


def test_a_settings_file_that_cannot_be_written_is_refused(own_data_folder: Path) -> None:
    """The data folder's place is taken by a file: nothing can be written under it."""
    own_data_folder.write_text("not a folder")
    with pytest.raises(local_settings.LocalSettingsError):
        local_settings.check_writable()
    with pytest.raises(local_settings.LocalSettingsError):
        local_settings.set_language("en")


def test_the_backup_folder_is_remembered_per_database(tmp_path: Path) -> None:
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    local_settings.remember_backup_folder(one, tmp_path / "copies")
    assert local_settings.remembered_backup_folder(one) == tmp_path / "copies"
    assert local_settings.remembered_backup_folder(two) is None
