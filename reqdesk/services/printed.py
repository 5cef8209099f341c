"""Recording a print: the audit entry is written with the file, or the file goes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reqdesk.models.base import Base
from reqdesk.services.audit import Action
from reqdesk.services.context import UnitOfWork


def commit_print(uow: UnitOfWork, path: Path, entity: Base, details: dict[str, Any]) -> Path:
    """Audit the print of ``entity`` to ``path`` and commit; a failed commit deletes the file,
    so no unaudited copy is left behind."""
    uow.audit(Action.PRINT, entity, details)
    try:
        uow.commit()
    except Exception:
        path.unlink(missing_ok=True)
        raise
    return path
