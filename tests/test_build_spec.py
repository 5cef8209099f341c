"""What the PyInstaller build bundles and filters out, checked without building."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import PySide6
import pytest

from reqdesk import _build, db, paths

ROOT = Path(__file__).resolve().parent.parent
QT_LIB = Path(PySide6.__file__).parent / "Qt" / "lib"
USED = ("Core", "Gui", "Widgets", "PrintSupport", "Charts", "Pdf", "PdfWidgets", "Svg")


def bundled(root: Path, folder: str) -> set[str]:
    return {Path(src).name for src, dest in _build.data_files(root) if dest == folder}


def imported_qt_modules() -> set[str]:
    """Every ``PySide6.QtX`` module imported anywhere in the reqdesk package."""
    found: set[str] = set()
    for source in (ROOT / "reqdesk").rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "PySide6":
                names = [f"PySide6.{alias.name}" for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                continue
            found.update(n for n in names if n.startswith("PySide6.Qt"))
    return found


def test_every_qt_module_the_program_imports_is_bundled() -> None:
    """A newly used Qt module must be added to the build, or the built program breaks."""
    missing = imported_qt_modules() - set(_build.QT_MODULES)
    assert not missing, f"add to reqdesk/_build.py QT_MODULES: {sorted(missing)}"


@pytest.mark.parametrize("module", USED)
def test_filter_keeps_the_qt_modules_in_use(module: str) -> None:
    """Libraries and bindings of the used modules stay, as Linux and Windows name them."""
    assert _build.keep(f"PySide6/Qt/lib/libQt6{module}.so.6")
    assert _build.keep(f"libQt6{module}.so.6")  # PyInstaller's link at the top
    assert _build.keep(f"PySide6\\Qt6{module}.dll")
    assert _build.keep(f"PySide6/Qt{module}.abi3.so")
    assert _build.keep(f"PySide6\\Qt{module}.pyd")


@pytest.mark.parametrize(
    "name",
    [
        "PySide6/Qt/lib/libQt6WebEngineCore.so.6",
        "PySide6\\Qt6WebEngineCore.dll",
        "PySide6/Qt/libexec/QtWebEngineProcess",
        "PySide6\\QtWebEngineProcess.exe",
        "libQt6Quick.so.6",
        "PySide6\\Qt6Qml.dll",
        "PySide6/Qt/lib/libQt6QmlModels.so.6",
        "PySide6\\Qt63DCore.dll",
        "PySide6/Qt/lib/libQt6Multimedia.so.6",
        "PySide6\\Qt6VirtualKeyboard.dll",
        "PySide6/Qt/qml/QtQuick/Controls/qmldir",
        "PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.so",
        "PySide6\\plugins\\qmltooling\\qmldbg_debugger.dll",
        "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
        "PySide6/Qt/plugins/tls/libqopensslbackend.so",
        "PySide6/QtOpenGL.abi3.so",  # the library stays (QtCharts needs it), not its binding
        "PySide6\\QtNetwork.pyd",
        "PySide6\\opengl32sw.dll",
    ],
)
def test_filter_drops_unused_qt(name: str) -> None:
    """WebEngine, Quick/QML, 3D, Multimedia and bindings nobody imports are left out."""
    assert not _build.keep(name)


def test_filter_keeps_only_the_qt_translations_of_our_languages() -> None:
    """qtbase in Chinese and English stays; other languages and catalogues go."""
    assert _build.keep("PySide6/Qt/translations/qtbase_zh_CN.qm")
    assert _build.keep("PySide6\\translations\\qtbase_en.qm")
    assert not _build.keep("PySide6/Qt/translations/qtbase_de.qm")
    assert not _build.keep("PySide6\\translations\\qtcharts_zh_CN.qm")
    assert _build.keep("resources/translations/reqdesk_zh_CN.qm")


@pytest.mark.parametrize(
    "name",
    [
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6\\plugins\\platforms\\qwindows.dll",
        "PySide6\\plugins\\imageformats\\qsvg.dll",
        "PySide6\\plugins\\iconengines\\qsvgicon.dll",
        "PySide6\\plugins\\printsupport\\windowsprintersupport.dll",
        "PySide6\\plugins\\styles\\qmodernwindowsstyle.dll",
        "pypdfium2_raw/libpdfium.so",
        "reportlab/fonts/Vera.ttf",
        "qtawesome/fonts/fontawesome5-solid-webfont-5.15.4.ttf",
        "reqdesk/migrations/versions/0001_initial_schema.py",
    ],
)
def test_filter_keeps_platform_plugins_and_other_libraries(name: str) -> None:
    """Platform, image format, icon engine, print and style plugins and non-Qt files stay."""
    assert _build.keep(name)


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or shutil.which("readelf") is None,
    reason="reads the ELF dependencies of the installed Qt libraries",
)
def test_filter_keeps_every_qt_library_the_used_modules_need() -> None:
    """QtCharts needs QtOpenGL, QtPdf needs QtNetwork: the filter must not drop those."""
    todo = [f"libQt6{module}.so.6" for module in USED]
    needed: set[str] = set()
    while todo:
        name = todo.pop()
        if name in needed:
            continue
        needed.add(name)
        dynamic = subprocess.run(
            ["readelf", "-d", str(QT_LIB / name)], capture_output=True, text=True, check=True
        ).stdout
        todo += [word.strip("[]") for word in dynamic.split() if word.startswith("[libQt6")]
    assert "libQt6OpenGL.so.6" in needed  # the walk followed QtCharts' dependencies
    dropped = sorted(n for n in needed if not _build.keep(f"PySide6/Qt/lib/{n}"))
    assert not dropped


def test_every_translation_and_migration_is_bundled() -> None:
    """The .qm files, every migration, env.py and the template end up in the bundle."""
    qm_files = {p.name for p in (ROOT / "resources" / "translations").glob("*.qm")}
    assert qm_files and bundled(ROOT, "resources/translations") == qm_files
    versions = {p.name for p in (ROOT / "reqdesk" / "migrations" / "versions").glob("*.py")}
    assert "0001_initial_schema.py" in versions
    assert bundled(ROOT, "reqdesk/migrations/versions") == versions
    assert {"env.py", "script.py.mako"} <= bundled(ROOT, "reqdesk/migrations")
    assert {"reqdesk.ico", "reqdesk.png"} <= bundled(ROOT, "resources/icons")
    assert "wqy-microhei.ttc" in bundled(ROOT, "resources/fonts")


def test_data_files_skip_caches_and_scripts(tmp_path: Path) -> None:
    """Compiled caches, the icon generator and placeholders stay out of the bundle."""
    icons = tmp_path / "resources" / "icons"
    versions = tmp_path / "reqdesk" / "migrations" / "versions"
    for folder in (icons, versions / "__pycache__"):
        folder.mkdir(parents=True)
    for name in ("make_app_icon.py", ".keep", "reqdesk.png"):
        (icons / name).write_text("x")
    (versions / "__pycache__" / "0001_a.cpython-311.pyc").write_text("x")
    (versions / "0001_a.py").write_text("x")
    assert bundled(tmp_path, "resources/icons") == {"reqdesk.png"}
    assert bundled(tmp_path, "reqdesk/migrations/versions") == {"0001_a.py"}


def test_bundle_layout_matches_where_the_program_looks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Frozen, resources are found under the bundle root and migrations beside db.py."""
    monkeypatch.setattr(sys, "_MEIPASS", "/bundle", raising=False)
    assert paths.resources_dir() == Path("/bundle") / "resources"
    package_root = Path(db.__file__).resolve().parent.parent
    assert db.MIGRATIONS_DIR.relative_to(package_root).as_posix() == "reqdesk/migrations"


WINDOWED = """
import sys, warnings
sys.stdout = sys.stderr = None  # as in the windowed build
from reqdesk.logsetup import configure_logging
import logging
path = configure_logging()
logging.getLogger("reqdesk").error("an error")
warnings.warn("a warning")
print("printing goes nowhere")
sys.__stdout__.write(str(path))
"""


def test_windowed_logging_needs_no_stderr(tmp_path: Path) -> None:
    """Without stdout/stderr, errors and Python warnings go to the log file."""
    env = {**os.environ, paths.DATA_DIR_ENV: str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", WINDOWED], env=env, capture_output=True, text=True, check=True
    )
    log = Path(done.stdout).read_text(encoding="utf-8")
    assert "ERROR reqdesk: an error" in log
    assert "a warning" in log
    assert done.stderr == ""


@pytest.mark.parametrize(
    ("version", "numbers"),
    [("0.1.0", (0, 1, 0, 0)), ("1.2.3rc1", (1, 2, 3, 0)), ("2.0.1.4.5", (2, 0, 1, 4))],
)
def test_file_version_has_four_numbers(version: str, numbers: tuple[int, ...]) -> None:
    """Windows shows four numbers; pre-release marks are dropped."""
    assert _build.file_version(version) == numbers


def test_version_info_is_one_vsversioninfo_expression() -> None:
    """The version file is the Python expression PyInstaller evaluates, numbers filled in."""
    tree = ast.parse(_build.version_info("1.2.3"), mode="eval")
    assert isinstance(tree.body, ast.Call) and ast.unparse(tree.body.func) == "VSVersionInfo"
    text = ast.unparse(tree)
    assert "filevers=(1, 2, 3, 0)" in text and "'ProductVersion', '1.2.3'" in text


def test_version_info_is_a_valid_pyinstaller_version_file(tmp_path: Path) -> None:
    """PyInstaller reads the generated file back (where PyInstaller and pefile are installed)."""
    versioninfo = pytest.importorskip("PyInstaller.utils.win32.versioninfo", exc_type=ImportError)
    target = _build.write_version_info(tmp_path, "1.2.3", _build.CLI_NAME)
    info = versioninfo.load_version_info_from_text_file(str(target))
    text = str(info)
    assert "filevers=(1, 2, 3, 0)" in text
    assert "'OriginalFilename', 'reqdesk-cli.exe'" in text
    assert "'ProductVersion', '1.2.3'" in text
