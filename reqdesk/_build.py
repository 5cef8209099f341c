"""What the PyInstaller build (``build.spec``) bundles and what it leaves out.

Kept apart from the spec so that fast tests can check the lists and the filter without
building. The program itself never imports this module.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

GUI_NAME = "reqdesk"  # windowed: double-clicked by users
CLI_NAME = "reqdesk-cli"  # console: backups, restores, reports and checks from scripts

# PySide6 modules the program imports (the hooks collect each one's Qt libraries and plugins).
QT_MODULES = (
    "PySide6.QtCore",
    "PySide6.QtGui",
    "PySide6.QtWidgets",
    "PySide6.QtPrintSupport",  # printing forms
    "PySide6.QtCharts",  # ledger metrics panel
    "PySide6.QtPdf",  # PDF preview
    "PySide6.QtPdfWidgets",
    "PySide6.QtSvg",  # SVG icons (icon engine and image format plugins)
)
# Other Python packages that are imported late or only found at run time.
HIDDEN_IMPORTS = (
    "sqlalchemy.dialects.sqlite",
    "argon2",
    "chinese_calendar",
    "platformdirs",
    "qtawesome",  # its icon fonts are collected as data files by the spec
)
# Imported only when installed: a PostgreSQL database needs psycopg.
OPTIONAL_IMPORTS = {"psycopg": ("psycopg", "sqlalchemy.dialects.postgresql.psycopg")}
EXCLUDES = (
    "tkinter",
    "PyQt5",  # other Qt bindings: qtpy (under qtawesome) would try them first
    "PyQt6",
    "PySide2",
    "pygments",  # Mako's optional syntax highlighting
    "pydoc_data",
    "PIL._avif",  # AVIF images (5 MB of codec); reportlab needs PNG and JPEG
    "PIL.AvifImagePlugin",
    "PIL._imagingtk",
    "PIL.ImageTk",
    "lxml.objectify",  # openpyxl needs lxml.etree only
    "lxml.html",
    "lxml.isoschematron",
    "sqlalchemy.dialects.mssql",  # SQLAlchemy's hook adds every dialect
    "sqlalchemy.dialects.mysql",
    "sqlalchemy.dialects.oracle",
)

# Qt modules nobody uses; a Qt plugin's dependencies can drag them in despite ``excludes``,
# so the spec filters the collected files by name. QtCharts needs QtOpenGL(Widgets), QtPdf
# needs QtNetwork and QtGui needs QtDBus on Linux: those stay.
UNUSED_QT = (
    "WebEngine",
    "WebChannel",
    "WebSockets",
    "WebView",
    "Quick",
    "Qml",
    "3D",
    "Multimedia",
    "SpatialAudio",
    "TextToSpeech",
    "DataVisualization",
    "Graphs",
    "VirtualKeyboard",
    "Designer",
    "UiTools",
    "Help",
    "Sensors",
    "Bluetooth",
    "Nfc",
    "Positioning",
    "Location",
    "SerialPort",
    "SerialBus",
    "RemoteObjects",
    "Scxml",
    "StateMachine",
    "Sql",
    "Test",
    "HttpServer",
    "NetworkAuth",
    "Lottie",
    "Labs",
    "ShaderTools",
    "FFmpeg",
)
_UNUSED_QT_FILE = re.compile(r"^(lib)?Qt6?(" + "|".join(UNUSED_QT) + ")", re.IGNORECASE)
# A Python binding: PySide6/QtCharts.abi3.so on Linux, PySide6/QtCharts.pyd on Windows.
_QT_BINDING = re.compile(r"^(Qt\w+?)(\.abi3)?\.(so|pyd)$")
# Qt plugin folders whose plugins serve only the modules above.
UNUSED_PLUGIN_KINDS = frozenset(
    {
        "assetimporters",
        "canbus",
        "designer",
        "geometryloaders",
        "geoservices",
        "multimedia",
        "networkinformation",
        "position",
        "qmllint",
        "qmltooling",
        "renderers",
        "renderplugins",
        "sceneparsers",
        "scxmldatamodel",
        "sensors",
        "sqldrivers",
        "texttospeech",
        "tls",
        "webview",
    }
)
# Mesa's software OpenGL for Windows (20 MB): reqdesk's widgets paint without OpenGL.
UNUSED_FILES = frozenset({"opengl32sw.dll"})
# Qt's own message catalogues: only the languages reqdesk speaks.
KEPT_QT_TRANSLATIONS = frozenset({"qtbase_zh_CN.qm", "qtbase_en.qm"})


def keep(dest_name: str) -> bool:
    """Whether a collected file (its path inside the bundle) belongs in the build."""
    path = PurePosixPath(dest_name.replace("\\", "/"))
    if _UNUSED_QT_FILE.match(path.name) or path.name.lower() in UNUSED_FILES:
        return False  # also plugins named after them, and links at the top of the bundle
    if path.parts[:1] != ("PySide6",):
        return True  # not Qt: reqdesk, the other libraries and their data
    binding = _QT_BINDING.match(path.name)
    if len(path.parts) == 2 and binding:  # only the bindings reqdesk imports
        return f"PySide6.{binding.group(1)}" in QT_MODULES
    if "qml" in path.parts:
        return False
    if "plugins" in path.parts:
        kind = path.parts[path.parts.index("plugins") + 1 : -1]
        if kind and kind[0] in UNUSED_PLUGIN_KINDS:
            return False
    if "translations" in path.parts and path.suffix == ".qm":
        return path.name in KEPT_QT_TRANSLATIONS
    return True


def data_files(root: Path) -> list[tuple[str, str]]:
    """(source file, folder in the bundle) for reqdesk's own resources and migrations.

    ``paths.resources_dir()`` finds ``resources/`` under the bundle root; ``db.py`` finds
    the migrations beside its own module, and Alembic reads them as source files.
    """
    wanted = {
        "resources/fonts": ("*.ttc", "*.ttf", "*.otf", "LICENSE*"),
        "resources/icons": ("*.png", "*.ico", "*.svg"),
        "resources/translations": ("*.qm",),
        "reqdesk/migrations": ("*.py", "script.py.mako"),
        "reqdesk/migrations/versions": ("*.py",),
    }
    found: list[tuple[str, str]] = []
    for folder, patterns in wanted.items():
        for pattern in patterns:
            found.extend((str(f), folder) for f in sorted((root / folder).glob(pattern)))
    return found


def file_version(version: str) -> tuple[int, int, int, int]:
    """``__version__`` as the four numbers Windows shows (``0.2.0rc1`` -> 0, 2, 0, 0)."""
    numbers = [int(m.group()) for m in (re.match(r"\d+", p) for p in version.split(".")) if m]
    return (*numbers[:4], *[0] * (4 - len(numbers[:4])))  # type: ignore[return-value]


def version_info(version: str, program: str = GUI_NAME) -> str:
    """The text of a PyInstaller version file (Windows VSVersionInfo) for ``program.exe``."""
    numbers = file_version(version)
    what = "command line" if program == CLI_NAME else "customer requirement management"
    strings = {
        "CompanyName": "reqdesk",
        "FileDescription": f"reqdesk - {what}",
        "FileVersion": version,
        "InternalName": program,
        "LegalCopyright": "reqdesk contributors",
        "OriginalFilename": f"{program}.exe",
        "ProductName": "reqdesk",
        "ProductVersion": version,
    }
    entries = ",\n".join(f"          StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""# Generated by reqdesk/_build.py from reqdesk.__version__; do not edit.
VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3F, flags=0x0,
                    OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([
      StringTable('080404B0', [
{entries}
      ])
    ]),
    VarFileInfo([VarStruct('Translation', [0x0804, 1200])])
  ]
)
"""


def write_version_info(folder: Path, version: str, program: str) -> Path:
    """Write ``version_info_<program>.txt`` into ``folder`` (the build's work folder)."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"version_info_{program}.txt"
    target.write_text(version_info(version, program), encoding="utf-8")
    return target
