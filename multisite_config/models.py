"""Who each site is (its profile), which groups belong to which site, and the links every site shares."""

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Site
from wagtail.models.workflows import AbstractGroupApprovalTask


class SiteKind(models.TextChoices):
    NATIONAL = "national", _("Toàn quốc")
    PROVINCE = "province", _("Tỉnh, thành phố")


@register_setting(icon="site")
class SiteProfile(BaseSiteSetting):
    """The identity of one site's unit: what its header and footer show and what the directory lists.

    Created by ``bootstrap_portal`` from the register, whose ``address`` is the unit's seat (after the 2025
    merger often in a merged-in province: BHXH tỉnh Lào Cai sits in the former Yên Bái); the board edits the
    contact details afterwards and the bootstrap never overwrites them, only the placeholders earlier runs
    wrote (``portal.bootstrap.former_placeholder``). ``phone`` is the unit's own line; the footer adds the
    national hotline to every site.
    """

    kind = models.CharField(_("loại"), max_length=16, choices=SiteKind.choices, default=SiteKind.PROVINCE)
    code = models.CharField(_("mã đơn vị hành chính"), max_length=8, blank=True)
    short_name = models.CharField(_("tên ngắn"), max_length=100, blank=True, help_text=_("Ví dụ: Hà Nội"))
    full_name = models.CharField(
        _("tên đầy đủ"), max_length=200, help_text=_("Ví dụ: Bảo hiểm xã hội thành phố Hà Nội")
    )
    address = models.CharField(_("địa chỉ"), max_length=300, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=50, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("biểu trưng"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    merged_from = models.CharField(
        _("sáp nhập từ"),
        max_length=300,
        blank=True,
        help_text=_("Các tỉnh cũ hợp nhất vào đơn vị này từ 01/7/2025 (để người dân tìm theo tên cũ)."),
    )

    panels = [
        FieldPanel("full_name"),
        FieldPanel("short_name"),
        FieldPanel("address"),
        FieldPanel("phone"),
        FieldPanel("email"),
        FieldPanel("logo"),
        FieldPanel("kind", read_only=True),
        FieldPanel("code", read_only=True),
        FieldPanel("merged_from", read_only=True),
    ]

    class Meta:
        verbose_name = _("thông tin đơn vị")
        verbose_name_plural = _("thông tin đơn vị")

    def __str__(self):
        return self.full_name


class SiteRole(models.TextChoices):
    EDITORS = "editors", _("Biên tập viên")
    BOARD = "board", _("Ban Biên tập")
    QA_OFFICERS = "qa_officers", _("Cán bộ hỏi đáp")
    CENTRE = "centre", _("Trung tâm Truyền thông")


class SiteGroup(models.Model):
    """Ties a Django group to the site it serves, so confinement can ask "which sites may this user reach?".

    A row with no site is the national communication centre, which acts on every site.
    """

    group = models.OneToOneField(Group, on_delete=models.CASCADE, related_name="site_group")
    site = models.ForeignKey(Site, null=True, blank=True, on_delete=models.CASCADE, related_name="site_groups")
    role = models.CharField(_("vai trò"), max_length=16, choices=SiteRole.choices)

    class Meta:
        verbose_name = _("nhóm của trang")
        constraints = [models.UniqueConstraint(fields=["site", "role"], name="one_group_per_site_role")]

    def __str__(self):
        return self.group.name


class LinkGroup(models.TextChoices):
    GOVERNMENT = "government", _("Chính phủ")
    MINISTRIES = "ministries", _("Bộ, ngành")
    PUBLIC_SERVICES = "public_services", _("Dịch vụ công")


class PortalLink(models.Model):
    """A link every site shows (seed 002, art. 12): Government portal, ministries, National Public Service Portal."""

    title = models.CharField(_("tiêu đề"), max_length=200)
    url = models.URLField(_("địa chỉ"), unique=True)
    group = models.CharField(_("nhóm"), max_length=20, choices=LinkGroup.choices)
    sort_order = models.PositiveIntegerField(_("thứ tự"), default=0)

    panels = [FieldPanel("title"), FieldPanel("url"), FieldPanel("group"), FieldPanel("sort_order")]

    class Meta:
        verbose_name = _("liên kết dùng chung")
        verbose_name_plural = _("liên kết dùng chung")
        ordering = ["group", "sort_order", "title"]

    def __str__(self):
        return self.title


class Topic(models.Model):
    """A policy topic shared by every site (BHXH bắt buộc, BHYT, BHTN, …) to file questions, news, documents."""

    name = models.CharField(_("tên"), max_length=120, unique=True)
    slug = models.SlugField(_("mã"), max_length=120, unique=True, allow_unicode=False)

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta:
        verbose_name = _("chủ đề")
        verbose_name_plural = _("chủ đề")
        ordering = ["name"]

    def __str__(self):
        return self.name


class BoardApprovalTask(AbstractGroupApprovalTask):
    """Approval by a site's editorial board in which nobody approves their own work.

    Stock group approval lets a board member approve a change they submitted or wrote themselves; seed 002
    wants a second pair of eyes, so the author of the submission (or of its latest revision) gets no
    approval actions, and an approval they force through the URL is refused.
    """

    def is_own_work(self, obj, user):
        state = getattr(obj, "current_workflow_state", None)
        if state is not None and state.requested_by_id == user.pk:
            return True
        revision = getattr(obj, "latest_revision", None)
        return revision is not None and revision.user_id == user.pk

    def get_actions(self, obj, user):
        if self.is_own_work(obj, user):
            return []
        return super().get_actions(obj, user)

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve" and self.is_own_work(task_state.workflow_state.content_object, user):
            raise PermissionDenied(_("Không ai được tự duyệt nội dung do chính mình gửi."))
        return super().on_action(task_state, user, action_name, **kwargs)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        return super().get_task_states_user_can_moderate(user, **kwargs).exclude(workflow_state__requested_by=user)

    @classmethod
    def get_description(cls):
        return _("Ban Biên tập của trang duyệt; người gửi không tự duyệt bài của mình")

    class Meta:
        verbose_name = _("Ban Biên tập duyệt")
        verbose_name_plural = _("Ban Biên tập duyệt")
