"""Create or update every site from the register: pages, profile, groups, permissions, collections, workflow.

Idempotent: each step looks its object up by a stable key (the unit's code, the site and role, a slug
under the site root) and only writes what differs, recording a line for every change so the command can
say "nothing changed" on a second run. What a board has edited (contact details, page content) is never
overwritten. A site whose unit left the register is reported and kept.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from core.sections import site_root_model, standard_sections
from multisite_config.models import BoardApprovalTask, PortalLink, SiteGroup, SiteKind, SiteProfile, SiteRole
from multisite_config.register import REGISTER_FILE, load_register

# The domain of BHXH Việt Nam's public sites and mail, which the units' default contact addresses use.
PUBLIC_DOMAIN = "baohiemxahoi.gov.vn"
NATIONAL_HOTLINE = "1900 9068"  # what earlier runs gave every province as its phone (see ``former_placeholder``)
SHARED_LINKS = [
    ("government", "Cổng Thông tin điện tử Chính phủ", "https://chinhphu.vn/"),
    ("public_services", "Cổng Dịch vụ công quốc gia", "https://dichvucong.gov.vn/"),
    ("government", "Cơ sở dữ liệu quốc gia về văn bản pháp luật", "https://vbpl.vn/"),
    ("ministries", "Bộ Tài chính", "https://mof.gov.vn/"),
    ("ministries", "Bộ Y tế", "https://moh.gov.vn/"),
    ("ministries", "Bộ Nội vụ", "https://moha.gov.vn/"),
    ("ministries", "Bộ Tư pháp", "https://moj.gov.vn/"),
]

PAGE_PERMISSIONS = {
    SiteRole.EDITORS: ["add_page", "change_page"],
    SiteRole.BOARD: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page", "bulk_delete_page"],
}
MEDIA_PERMISSIONS = {
    SiteRole.EDITORS: ["add", "change", "choose"],
    SiteRole.BOARD: ["add", "change", "delete", "choose"],
}
INFORMATION_REQUEST_PERMISSIONS = [("faq", "view_informationrequest"), ("faq", "change_informationrequest")]
# Questions and their e-mails to askers: "view" and "change" (handling them in the inbox), never add/delete.
QUESTION_HANDLING = [
    ("faq", "view_question"),
    ("faq", "change_question"),
    ("faq", "view_outboundemail"),
    ("faq", "change_outboundemail"),
]
UNIT_EDITING = [("contacts", "add_unit"), ("contacts", "change_unit"), ("contacts", "delete_unit")]
# Comments on drafts: moderated and answered by the board of the draft's site (and the centre), never added.
COMMENT_MODERATION = [("legal", "view_draftcomment"), ("legal", "change_draftcomment")]
# Citizen reception (seed 004): settings, the leaders' schedule and the log, kept by each site's board.
RECEPTION_KEEPING = [
    ("contacts", "change_receptionsettings"),
    *(
        ("contacts", f"{action}_{model}")
        for model in ("receptionschedule", "receptionlog")
        for action in ("add", "change", "delete")
    ),
]
# Satisfaction ratings (seed 001): read, with their comments, by the board of the rated site (and the centre).
RATING_READING = [("ratings", "view_rating")]
# Complaints, denunciations, petitions and feedback (seed 004): handled by the board, traces of transfers read.
COMPLAINT_HANDLING = [
    ("complaints", "view_complaintcase"),
    ("complaints", "change_complaintcase"),
    ("complaints", "view_casetransfer"),
]
SITE_PERMISSIONS = {
    SiteRole.BOARD: [
        ("multisite_config", "change_siteprofile"),
        ("home", "add_sitenotice"),
        ("home", "change_sitenotice"),
        ("home", "delete_sitenotice"),
        *INFORMATION_REQUEST_PERMISSIONS,
        *QUESTION_HANDLING,
        *UNIT_EDITING,
        *RECEPTION_KEEPING,
        *COMMENT_MODERATION,
        *RATING_READING,
        *COMPLAINT_HANDLING,
    ],
    SiteRole.QA_OFFICERS: [*INFORMATION_REQUEST_PERMISSIONS, *QUESTION_HANDLING, ("contacts", "view_unit")],
}
CENTRE_MODEL_PERMISSIONS = [
    ("multisite_config", "change_siteprofile"),
    ("multisite_config", "add_portallink"),
    ("multisite_config", "change_portallink"),
    ("multisite_config", "delete_portallink"),
    ("home", "add_sitenotice"),
    ("home", "change_sitenotice"),
    ("home", "delete_sitenotice"),
    ("cms", "add_calendaradjustment"),
    ("cms", "change_calendaradjustment"),
    ("cms", "delete_calendaradjustment"),
    *INFORMATION_REQUEST_PERMISSIONS,
    *QUESTION_HANDLING,
    *UNIT_EDITING,
    *RECEPTION_KEEPING,
    *COMMENT_MODERATION,
    *RATING_READING,
    *COMPLAINT_HANDLING,
    ("multisite_config", "add_topic"),
    ("multisite_config", "change_topic"),
    ("multisite_config", "delete_topic"),
    ("legal", "add_documenttype"),
    ("legal", "change_documenttype"),
    ("legal", "delete_documenttype"),
    ("legal", "add_commentperiodrule"),
    ("legal", "change_commentperiodrule"),
    ("legal", "delete_commentperiodrule"),
]
ROLE_LABELS = {
    SiteRole.EDITORS: "Biên tập viên",
    SiteRole.BOARD: "Ban Biên tập",
    SiteRole.QA_OFFICERS: "Cán bộ hỏi đáp",
}
CENTRE_GROUP_NAME = "Trung tâm Truyền thông (toàn quốc)"


@dataclass
class Report:
    """What a bootstrap run changed and what it noticed but left alone."""

    changes: list = field(default_factory=list)
    warnings: list = field(default_factory=list)

    def change(self, message):
        self.changes.append(message)


def bootstrap(domain=None, port=None, register_path=REGISTER_FILE):
    """Bring the database in line with the register; returns a Report.

    The port public links carry is written to every site only when it is asked for: ``port``, else
    ``PORTAL_PORT`` (or ``PORT``) in the environment. Without either, existing sites keep the port they have
    (a re-run from a shell without the variable must not move a portal served on 443 to 8000) and new sites get
    ``PORTAL_DEFAULT_PORT``.
    """
    domain = domain or settings.PORTAL_DOMAIN
    port = port or settings.PORTAL_PORT
    national, units = load_register(register_path)
    report = Report()
    with transaction.atomic():
        centre = ensure_centre_group(report)
        ensure_shared_links(report)
        ensure_unit(national, domain, port, centre, report, default=True)
        for unit in units:
            ensure_unit(unit, f"{unit.slug}.{domain}", port, centre, report)
        remove_stock_welcome_page(report)
        report_orphans({national.code, *(unit.code for unit in units)}, report)
    return report


def ensure_unit(unit, hostname, port, centre, report, default=False):
    site = ensure_site(unit, hostname, port, report, default)
    ensure_profile(unit, site, report)
    ensure_sections(site.root_page, report)
    groups = {role: ensure_site_group(unit, site, role, report) for role in ROLE_LABELS}
    collection = ensure_collection(unit, report)
    for role, group in groups.items():
        ensure_permissions(group, role, site, collection, report)
    ensure_workflow(unit, site, [groups[SiteRole.BOARD], centre], report)


def ensure_site(unit, hostname, port, report, default):
    """The unit's site and home page, found through its profile's code so a domain change is an update."""
    profile = SiteProfile.objects.filter(code=unit.code).select_related("site").first()
    site = profile.site if profile else Site.objects.filter(hostname=hostname).first()
    changed = []
    if site is None:
        site = Site(hostname=hostname, site_name=unit.full_name)
        changed.append("site")
    if site.root_page_id is None or not isinstance(site.root_page.specific, site_root_model()):
        site.root_page = create_home_page(unit, report)
        changed.append("root_page")
    wanted = {"hostname": hostname, "is_default_site": default}
    if port is not None or site.pk is None:
        wanted["port"] = port or settings.PORTAL_DEFAULT_PORT
    if not site.site_name:  # Wagtail's install-time site "localhost" has none; a name given since is kept
        wanted["site_name"] = unit.full_name
    for name, value in wanted.items():
        if getattr(site, name) != value:
            setattr(site, name, value)
            changed.append(name)
    if changed:
        site.save()
        report.change(f"trang {hostname}: {', '.join(changed)}")
    return site


def create_home_page(unit, report):
    root = Page.get_first_root_node()
    slug = unit.slug or "bhxh-viet-nam"
    home = site_root_model()(title=unit.full_name, slug=slug, seo_title=unit.full_name)
    root.add_child(instance=home)
    home.save_revision().publish()
    report.change(f"tạo trang chủ {unit.full_name}")
    return home


def former_placeholder(name, unit, site):
    """What an earlier bootstrap wrote where the register had nothing: the province's short name as its address,
    the national hotline as its phone, an address on the portal's own host as its e-mail (``lienhe@hanoi.localhost``,
    shown publicly on a development machine). Not the board's work, so the register's seat, hotline or the unit's
    public address replaces it."""
    former_email = f"lienhe@{site.hostname}" if "." in site.hostname else "lienhe@localhost.localdomain"
    return {"address": unit.short_name, "phone": NATIONAL_HOTLINE, "email": former_email}.get(name)


def public_email(unit):
    """The unit's contact address on its public domain, wherever the portal runs: the national portal's
    ``baohiemxahoi.gov.vn`` and each province's ``<slug>.baohiemxahoi.gov.vn``; the board replaces it with its own."""
    return f"lienhe@{unit.slug}.{PUBLIC_DOMAIN}" if unit.slug else f"lienhe@{PUBLIC_DOMAIN}"


def ensure_profile(unit, site, report):
    kind = SiteKind.NATIONAL if unit.is_national else SiteKind.PROVINCE
    profile, created = SiteProfile.objects.get_or_create(site=site, defaults={"full_name": unit.full_name})
    register_owned = {
        "kind": kind,
        "code": unit.code,
        "short_name": unit.short_name,
        "merged_from": ", ".join(unit.merged_from),
    }
    board_owned_defaults = {
        "full_name": unit.full_name,
        "address": unit.address,
        "phone": unit.phone,
        "email": public_email(unit),
    }
    updates = {name: value for name, value in register_owned.items() if getattr(profile, name) != value}
    updates.update(
        {
            name: value
            for name, value in board_owned_defaults.items()
            if value != getattr(profile, name) and getattr(profile, name) in ("", former_placeholder(name, unit, site))
        }
    )
    if updates:
        for name, value in updates.items():
            setattr(profile, name, value)
        profile.save()
        if not created:
            report.change(f"cập nhật thông tin đơn vị {unit.full_name}: {', '.join(updates)}")
    if created:
        report.change(f"tạo thông tin đơn vị {unit.full_name}")


def ensure_sections(home, report):
    """The standard sections the apps declare (core/sections.py), created where their slug is missing."""
    existing = set(home.get_children().values_list("slug", flat=True))
    for standard in standard_sections():
        if standard.slug in existing:
            continue
        section = standard.page_model()(title=standard.title, slug=standard.slug, show_in_menus=True)
        home.add_child(instance=section)
        section.save_revision().publish()
        report.change(f"tạo chuyên mục “{standard.title}” của {home.title}")


def group_name(unit, role):
    return f"{unit.short_name} – {ROLE_LABELS[role]}"


def ensure_site_group(unit, site, role, report):
    link = SiteGroup.objects.filter(site=site, role=role).select_related("group").first()
    if link:
        return link.group
    group, _created = Group.objects.get_or_create(name=group_name(unit, role))
    SiteGroup.objects.create(group=group, site=site, role=role)
    report.change(f"tạo nhóm “{group.name}”")
    return group


def ensure_centre_group(report):
    link = SiteGroup.objects.filter(site=None, role=SiteRole.CENTRE).select_related("group").first()
    if link:
        group = link.group
    else:
        group, _created = Group.objects.get_or_create(name=CENTRE_GROUP_NAME)
        SiteGroup.objects.create(group=group, site=None, role=SiteRole.CENTRE)
        report.change(f"tạo nhóm “{group.name}”")
    grant_model_permissions(group, [("wagtailadmin", "access_admin"), *CENTRE_MODEL_PERMISSIONS], report)
    root_page = Page.get_first_root_node()
    for codename in PAGE_PERMISSIONS[SiteRole.BOARD]:
        grant_page_permission(group, root_page, codename, report)
    root_collection = Collection.get_first_root_node()
    for codename in MEDIA_PERMISSIONS[SiteRole.BOARD]:
        grant_collection_permissions(group, root_collection, codename, report)
    return group


def ensure_collection(unit, report):
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=unit.short_name).first()
    if collection is None:
        collection = root.add_child(name=unit.short_name)
        report.change(f"tạo thư mục ảnh và tài liệu “{unit.short_name}”")
    return collection


def ensure_permissions(group, role, site, collection, report):
    grant_model_permissions(group, [("wagtailadmin", "access_admin")], report)
    for codename in PAGE_PERMISSIONS.get(role, []):
        grant_page_permission(group, site.root_page, codename, report)
    for codename in MEDIA_PERMISSIONS.get(role, []):
        grant_collection_permissions(group, collection, codename, report)
    for app_label, codename in SITE_PERMISSIONS.get(role, []):
        permission = get_permission(app_label, codename)
        _link, created = GroupSitePermission.objects.get_or_create(group=group, site=site, permission=permission)
        if created:
            report.change(f"cấp quyền {codename} trên {site.hostname} cho “{group.name}”")


def get_permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def grant_model_permissions(group, perms, report):
    for app_label, codename in perms:
        permission = get_permission(app_label, codename)
        if not group.permissions.filter(pk=permission.pk).exists():
            group.permissions.add(permission)
            report.change(f"cấp quyền {codename} cho “{group.name}”")


def grant_page_permission(group, page, codename, report):
    permission = get_permission("wagtailcore", codename)
    _link, created = GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)
    if created:
        report.change(f"cấp quyền {codename} trên “{page.title}” cho “{group.name}”")


def grant_collection_permissions(group, collection, action, report):
    for app_label, model in (("wagtailimages", "image"), ("wagtaildocs", "document")):
        permission = get_permission(app_label, f"{action}_{model}")
        _link, created = GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=permission
        )
        if created:
            report.change(f"cấp quyền {action}_{model} trên “{collection.name}” cho “{group.name}”")


def ensure_workflow(unit, site, approver_groups, report):
    if WorkflowPage.objects.filter(page=site.root_page).exists():
        return
    workflow = Workflow.objects.create(name=f"Duyệt bài – {unit.short_name}")
    task = BoardApprovalTask.objects.create(name=f"Ban Biên tập {unit.short_name} duyệt")
    task.groups.set(approver_groups)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(page=site.root_page, workflow=workflow)
    report.change(f"tạo quy trình duyệt “{workflow.name}”")


def ensure_shared_links(report):
    for order, (group, title, url) in enumerate(SHARED_LINKS):
        _link, created = PortalLink.objects.get_or_create(
            url=url, defaults={"title": title, "group": group, "sort_order": order}
        )
        if created:
            report.change(f"tạo liên kết “{title}”")


def remove_stock_welcome_page(report):
    """Delete Wagtail's install-time "Welcome" page once no site uses it; it is never real content."""
    for page in Page.objects.filter(depth=2, content_type__model="page", content_type__app_label="wagtailcore"):
        if page.numchild == 0 and not Site.objects.filter(root_page=page).exists():
            page.delete()
            report.change("xóa trang chào mừng mặc định của Wagtail")


def report_orphans(codes, report):
    for profile in SiteProfile.objects.exclude(code__in=codes).select_related("site"):
        report.warnings.append(
            f"{profile.full_name} ({profile.site.hostname}) không còn trong danh mục tỉnh: "
            "giữ nguyên, không xóa; hãy xử lý thủ công nếu đơn vị đã sáp nhập."
        )
