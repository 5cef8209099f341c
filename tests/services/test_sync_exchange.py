"""Branch sync between sites: what an export carries and what an import does with it."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import select, update

from reqdesk.models import (
    Customer,
    Department,
    RelationshipLogEntry,
    RemoteAuditEntry,
    Requirement,
    Review,
    SignOff,
    User,
)
from reqdesk.services import auth
from reqdesk.services.check import run_check
from reqdesk.services.context import Context
from reqdesk.services.errors import AuthenticationFailed, PermissionDenied
from reqdesk.services.sync.conflicts import count_open_conflicts, list_conflicts, mark_reviewed
from reqdesk.services.sync.exporting import export_package
from reqdesk.services.sync.importing import import_package
from reqdesk.services.sync.package import PackageRefused
from tests.conftest import ADMIN_PASSWORD
from tests.services.sync_world import Site
from tests.services.workflow_inputs import empty_template


@pytest.fixture
def sites(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Site]:
    template = empty_template(tmp_path_factory)
    return {code: Site.copied(template, tmp_path / code, code) for code in ("HQ", "BJ", "SZ")}


def test_a_branch_package_brings_its_new_work_to_head_office(sites: dict[str, Site]) -> None:
    hq, bj = sites["HQ"], sites["BJ"]
    customer = bj.new_customer()
    requirement = bj.register(customer)
    bj.dispatch(requirement)
    summary = hq.import_(bj.export_to("HQ"))
    assert summary.source_site == "BJ"
    assert summary.new >= 3 and summary.conflicts == 0
    assert hq.maybe_id(Requirement, requirement) is not None
    assert hq.snapshot()["records"] == bj.snapshot()["records"]


def test_importing_the_same_package_twice_changes_nothing(sites: dict[str, Site]) -> None:
    hq, bj = sites["HQ"], sites["BJ"]
    bj.register(bj.new_customer())
    package = bj.export_to("HQ")
    hq.import_(package)
    before = hq.snapshot()
    again = hq.import_(package)
    assert again.new == again.updated == again.conflicts == again.deleted == 0
    assert again.skipped > 0
    after = hq.snapshot()
    assert after["records"] == before["records"] and after["tombstones"] == before["tombstones"]


def test_a_package_for_another_site_is_refused(sites: dict[str, Site]) -> None:
    package = sites["BJ"].export_to("SZ")
    with pytest.raises(PackageRefused, match="SZ"):
        sites["HQ"].import_(package)
    with pytest.raises(PackageRefused, match="BJ"):
        sites["BJ"].import_(package)


def test_a_record_changed_at_two_sites_keeps_the_home_sites_version_and_lists_the_other(
    sites: dict[str, Site],
) -> None:
    hq, bj = sites["HQ"], sites["BJ"]
    customer = bj.new_customer()
    hq.import_(bj.export_to("HQ"))
    hq.edit_customer(customer, "北京市朝阳区（总部改）")
    bj.edit_customer(customer, "北京市海淀区（分公司改）")
    at_hq = hq.import_(bj.export_to("HQ"))
    assert at_hq.conflicts == 1
    [conflict] = list_conflicts(hq.as_("zhuguan"))
    assert conflict.record_uuid == customer and conflict.reason == "changed_twice"
    assert (conflict.kept.site, conflict.other.site) == ("BJ", "HQ")
    assert conflict.kept.data["address"] == "北京市海淀区（分公司改）"
    assert conflict.other.data["address"] == "北京市朝阳区（总部改）"
    assert ("address", "北京市海淀区（分公司改）", "北京市朝阳区（总部改）") in (
        conflict.differences()
    )
    # head office saw both versions and settled it; the branch keeps its own, nothing to list
    at_bj = bj.import_(hq.export_to("BJ"))
    assert at_bj.conflicts == 0 and list_conflicts(bj.as_("zhuguan")) == []
    for site in (hq, bj):
        assert site.customer_address(customer) == "北京市海淀区（分公司改）"
    assert hq.snapshot()["records"] == bj.snapshot()["records"]
    # the set-aside version never comes back, and a later change travels normally
    hq.import_(bj.export_to("HQ"))
    assert hq.customer_address(customer) == "北京市海淀区（分公司改）"
    hq.edit_customer(customer, "北京市东城区")
    assert bj.import_(hq.export_to("BJ")).conflicts == 0
    assert bj.customer_address(customer) == "北京市东城区"


def test_a_change_made_away_from_home_is_applied_when_home_did_not_change_it(
    sites: dict[str, Site],
) -> None:
    hq, bj = sites["HQ"], sites["BJ"]
    customer = bj.new_customer()
    hq.import_(bj.export_to("HQ"))
    hq.edit_customer(customer, "由总部补充的地址")
    summary = bj.import_(hq.export_to("BJ"))
    assert summary.conflicts == 0 and summary.updated >= 1
    assert bj.customer_address(customer) == "由总部补充的地址"


def test_the_site_that_sees_both_versions_first_lists_the_conflict(
    sites: dict[str, Site],
) -> None:
    hq, bj = sites["HQ"], sites["BJ"]
    customer = bj.new_customer()
    hq.import_(bj.export_to("HQ"))
    hq.edit_customer(customer, "总部的版本")
    bj.edit_customer(customer, "分公司的版本")
    assert bj.import_(hq.export_to("BJ")).conflicts == 1
    [conflict] = list_conflicts(bj.as_("zhuguan"))
    assert (conflict.kept.site, conflict.kept.data["address"]) == ("BJ", "分公司的版本")
    assert (conflict.other.site, conflict.other.data["address"]) == ("HQ", "总部的版本")
    hq.import_(bj.export_to("HQ"))
    assert hq.customer_address(customer) == bj.customer_address(customer) == "分公司的版本"
    assert hq.snapshot()["records"] == bj.snapshot()["records"]


def test_a_reviewed_conflict_leaves_the_open_list(sites: dict[str, Site]) -> None:
    hq, bj = sites["HQ"], sites["BJ"]
    customer = bj.new_customer()
    hq.import_(bj.export_to("HQ"))
    hq.edit_customer(customer, "甲")
    bj.edit_customer(customer, "乙")
    hq.import_(bj.export_to("HQ"))
    supervisor = hq.as_("zhuguan")
    [conflict] = list_conflicts(supervisor)
    assert count_open_conflicts(supervisor) == 1
    mark_reviewed(supervisor, conflict.id, "已电话确认以分公司为准")
    assert list_conflicts(supervisor) == [] and count_open_conflicts(supervisor) == 0
    [done] = list_conflicts(supervisor, include_reviewed=True)
    assert done.reviewed_by and done.review_note == "已电话确认以分公司为准"


def test_a_deletion_travels_and_an_older_package_does_not_bring_the_record_back(
    sites: dict[str, Site],
) -> None:
    hq, bj = sites["HQ"], sites["BJ"]
    customer = bj.new_customer()
    bj.log_contact(customer, "电话回访，客户满意")
    first = bj.export_to("HQ")
    hq.import_(first)
    entry = bj.log_entries[-1][1]
    assert hq.maybe_id(RelationshipLogEntry, entry) is not None
    bj.delete_contact_log()
    summary = hq.import_(bj.export_to("HQ"))
    assert summary.deleted == 1
    assert hq.maybe_id(RelationshipLogEntry, entry) is None
    hq.import_(first)  # sent again, late
    assert hq.maybe_id(RelationshipLogEntry, entry) is None
    assert hq.snapshot() == {**hq.snapshot(), "records": bj.snapshot()["records"]}


def test_packages_applied_out_of_order_end_in_the_same_state(sites: dict[str, Site]) -> None:
    hq, bj, sz = sites["HQ"], sites["BJ"], sites["SZ"]
    customer = bj.new_customer()
    requirement = bj.register(customer)
    first_hq, first_sz = bj.export_to("HQ"), bj.export_to("SZ")
    bj.dispatch(requirement)
    bj.advance(requirement)
    bj.edit_customer(customer, "第二次修改")
    second_hq, second_sz = bj.export_to("HQ"), bj.export_to("SZ")
    hq.import_(first_hq)
    hq.import_(second_hq)
    sz.import_(second_sz)  # the later one first: it carries what its records point to
    sz.import_(first_sz)
    sz.import_(second_sz)
    assert hq.snapshot()["records"] == sz.snapshot()["records"] == bj.snapshot()["records"]


def test_a_damaged_package_is_refused_and_changes_nothing(
    sites: dict[str, Site], tmp_path: Path
) -> None:
    hq, bj = sites["HQ"], sites["BJ"]
    bj.register(bj.new_customer())
    package = bj.export_to("HQ")
    data = bytearray(package.read_bytes())
    data[len(data) // 2] ^= 0xFF
    broken = tmp_path / "broken.reqsync"
    broken.write_bytes(bytes(data))
    before = hq.snapshot()
    with pytest.raises(PackageRefused):
        hq.import_(broken)
    assert hq.snapshot() == before


def test_a_package_from_a_newer_program_is_refused_and_changes_nothing(
    sites: dict[str, Site], tmp_path: Path
) -> None:
    hq, bj = sites["HQ"], sites["BJ"]
    bj.register(bj.new_customer())
    package = bj.export_to("HQ")
    newer = tmp_path / "newer.reqsync"
    with zipfile.ZipFile(package) as source, zipfile.ZipFile(newer, "w") as target:
        manifest = json.loads(source.read("manifest.json"))
        target.writestr("manifest.json", json.dumps({**manifest, "version": 2}))
        target.writestr("records.jsonl", source.read("records.jsonl"))
    before = hq.snapshot()
    with pytest.raises(PackageRefused, match="newer reqdesk"):
        hq.import_(newer)
    assert hq.snapshot() == before


def test_sign_offs_events_and_audit_entries_merge_and_the_check_still_passes(
    sites: dict[str, Site],
) -> None:
    hq, bj = sites["HQ"], sites["BJ"]
    review_id = bj.signed_review()
    review = bj.uuid_of(Review, review_id)
    hq.import_(bj.export_to("HQ"))
    with hq.company.base.reading() as session:
        local_review = session.scalar(select(Review.id).where(Review.uuid == review))
        signed = session.scalars(select(SignOff).where(SignOff.review_id == local_review)).all()
        remote = session.scalars(
            select(RemoteAuditEntry.action).where(RemoteAuditEntry.site_code == "BJ")
        ).all()
    assert len(signed) == 1 and signed[0].site_code == "BJ"
    assert "sign" in remote
    assert run_check(hq.db).problems == []
    assert run_check(bj.db).problems == []
    bj.import_(hq.export_to("BJ"))  # BJ's own entries come back and are skipped
    assert run_check(bj.db).problems == []
    assert hq.snapshot() == bj.snapshot()


def test_an_altered_remote_audit_entry_is_named_by_the_check(sites: dict[str, Site]) -> None:
    hq, bj = sites["HQ"], sites["BJ"]
    bj.new_customer()
    hq.import_(bj.export_to("HQ"))
    with hq.db.engine.begin() as conn:
        conn.execute(update(RemoteAuditEntry).values(username="someone-else"))
    problems = run_check(hq.db).problems
    assert problems and all("received from site BJ" in p for p in problems)


def test_the_same_company_filed_at_two_sites_is_kept_twice_and_listed(
    sites: dict[str, Site],
) -> None:
    hq, bj = sites["HQ"], sites["BJ"]
    at_hq = hq.new_customer("苏州同名精密机械有限公司")
    at_bj = bj.new_customer("苏州同名精密机械有限公司")
    summary = hq.import_(bj.export_to("HQ"))
    assert summary.conflicts == 1
    assert hq.maybe_id(Customer, at_hq) and hq.maybe_id(Customer, at_bj)
    [conflict] = list_conflicts(hq.as_("zhuguan"))
    assert conflict.reason == "filed_twice" and conflict.record_uuid == at_bj


def test_an_operator_may_not_exchange_packages(sites: dict[str, Site]) -> None:
    bj = sites["BJ"]
    with pytest.raises(PermissionDenied):
        export_package(bj.as_("kefu"), bj.out / "x.reqsync", "HQ")
    assert not (bj.out / "x.reqsync").exists()


def test_a_separately_set_up_office_takes_names_not_logins(
    sites: dict[str, Site], admin_ctx: Context
) -> None:
    """Head office set up on its own (on PostgreSQL in the suite's second half): the branch's
    people arrive disabled, without passwords, a taken user name gets @ and their site;
    departments are matched by code; seals and both audit chains check out on both sides."""
    bj = sites["BJ"]
    requirement = bj.register(bj.new_customer())
    bj.dispatch(requirement)
    bj.signed_review()
    package = bj.export_to(admin_ctx.site_code)
    office = admin_ctx.as_actor(auth.login(admin_ctx, "admin", ADMIN_PASSWORD))
    summary = import_package(office, package)
    assert summary.new > 0 and summary.conflicts == 0 and summary.problems == ()
    with office.reading() as session:
        users = {u.username: u for u in session.scalars(select(User))}
        assert users["admin"].site_code == "SH01" and users["admin"].active
        # the branch was copied from a set-up made as HQ: its people carry that home site
        assert users["admin@HQ"].site_code == "HQ" and not users["admin@HQ"].active
        assert users["kefu"].password_hash == "!" and not users["kefu"].roles
        local = session.scalars(select(Requirement).where(Requirement.uuid == requirement)).one()
        department = session.get(Department, local.department_id)
        assert department is not None and department.code == "SALES" and department.active
    assert run_check(admin_ctx.db).problems == []
    with pytest.raises(AuthenticationFailed):
        auth.login(admin_ctx, "kefu", "demo1234")
    assert import_package(office, package).new == 0
    reply = bj.out / "SH01-to-BJ.reqsync"
    export_package(office, reply, "BJ")
    assert bj.import_(reply).people >= 1
    assert run_check(bj.db).problems == []


def test_a_record_that_clashes_here_refuses_the_package_and_changes_nothing(
    sites: dict[str, Site],
) -> None:
    """A clash the rule cannot settle (here: a file of BJ's with the same name but another
    uuid, as only tampering makes) stops the import with one sentence, not a traceback."""
    hq, bj = sites["HQ"], sites["BJ"]
    bj.new_customer("苏州冲突测试有限公司")
    package = bj.export_to("HQ")
    twin = hq.new_customer("苏州冲突测试有限公司")
    with hq.db.engine.begin() as conn:
        conn.execute(update(Customer).where(Customer.uuid == twin).values(site_code="BJ"))
    before = hq.snapshot()
    with pytest.raises(PackageRefused, match="clashes with a record here"):
        hq.import_(package)
    assert hq.snapshot() == before
