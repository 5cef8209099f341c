"""Work goes only to active departments and users: an administrator may have disabled
them while another PC still shows them in its lists."""

from __future__ import annotations

import pytest

from reqdesk.services.context import Context
from reqdesk.services.departments import create_department, deactivate_department
from reqdesk.services.errors import ValidationError
from reqdesk.services.requirements.registration import (
    dispatch_requirement,
    register_requirement,
    update_registration,
)
from reqdesk.services.requirements.views import get_requirement
from reqdesk.services.users import disable_user, find_user_id, list_departments
from tests.helpers import signed_in
from tests.services.registration_inputs import form


def test_an_inactive_department_gets_no_new_requirement(demo_ctx: Context, desk: Context) -> None:
    admin = signed_in(demo_ctx, "admin")
    closed = create_department(admin, code="OLD", name="旧车间")
    deactivate_department(admin, closed)
    with pytest.raises(ValidationError, match="no longer active") as refused:
        register_requirement(desk, form(department_id=closed))
    assert refused.value.field == "department_id"
    done = register_requirement(desk, form())
    with pytest.raises(ValidationError, match="no longer active"):
        dispatch_requirement(desk, done.id, closed, None)
    assert get_requirement(desk, done.id).department in ("", None)


def test_a_disabled_user_gets_no_work_but_old_records_stay_editable(
    demo_ctx: Context, desk: Context
) -> None:
    admin = signed_in(demo_ctx, "admin")
    tech = next(d for d in list_departments(desk) if d.code == "TECH")
    jishu = find_user_id(admin, "jishu")
    assert jishu is not None
    kept = register_requirement(desk, form(department_id=tech.id, assignee_id=jishu))
    disable_user(admin, jishu)
    new = register_requirement(desk, form(title="另一个需求"))
    with pytest.raises(ValidationError, match="disabled") as refused:
        dispatch_requirement(desk, new.id, tech.id, jishu)
    assert refused.value.field == "assignee_id"
    with pytest.raises(ValidationError, match="disabled"):
        update_registration(desk, new.id, form(department_id=tech.id, assignee_id=jishu))
    # the record that already names him can still be corrected in other fields
    assert update_registration(
        desk, kept.id, form(department_id=tech.id, assignee_id=jishu, title="改了标题")
    )
