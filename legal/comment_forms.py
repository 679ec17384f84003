"""The public comment form of a draft page, checked field by field in Vietnamese.

Limits follow ``DraftComment`` so nothing valid here fails on save; the article is chosen among the latest
version's articles (the anchor is what is sent); the honeypot and timing checks of ``core.abuse`` run in
``clean`` so a form filled by a bot saves nothing.
"""

from django import forms

from core.abuse import HumanSubmissionForm
from core.numbers import grouped
from core.public_forms import REQUIRED, email_field, model_limit, name_field

from .models import DraftComment

# The comment section of a draft page, where the page returns after a comment; the form posts to its error
# summary, so a refused comment opens there, focused (a focusable fragment target takes the focus, where
# ``autofocus`` is skipped because the address has a fragment), not at the top of a long draft.
FORM_ANCHOR = "#gop-y"
ERROR_ANCHOR = "#loi-bieu-mau"
MIN_BODY_LENGTH = 10


def _limit(name):
    return model_limit(DraftComment, name)


def article_choices(version):
    """("", the whole draft) then each article of the version, indented by its level."""
    choices = [("", "Góp ý chung cho toàn bộ dự thảo")]
    if version is not None:
        indent = {"chapter": "", "article": "", "clause": "— ", "point": "—— "}
        choices += [(article.anchor, f"{indent.get(article.kind, '')}{article}") for article in version.articles.all()]
    return choices


class CommentForm(HumanSubmissionForm):
    name = name_field(_limit("name"))
    email = email_field(_limit("email"))
    organisation = forms.CharField(
        label="Cơ quan, tổ chức (không bắt buộc)",
        required=False,
        max_length=_limit("organisation"),
        help_text="Không công khai.",
        error_messages={"max_length": "Tên cơ quan, tổ chức không quá %(limit_value)d ký tự."},
    )
    article = forms.ChoiceField(
        label="Điều khoản góp ý",
        required=False,
        error_messages={"invalid_choice": "Điều khoản đã chọn không có trong dự thảo hiện hành."},
    )
    body = forms.CharField(
        label="Nội dung góp ý",
        min_length=MIN_BODY_LENGTH,
        max_length=_limit("body"),
        help_text=f"Từ {MIN_BODY_LENGTH} đến {grouped(_limit('body'))} ký tự. Ý kiến được duyệt trước khi công khai.",
        error_messages={
            "required": REQUIRED.format("nội dung góp ý"),
            "min_length": "Nội dung cần ít nhất %(limit_value)d ký tự (hiện có %(show_value)d).",
            "max_length": f"Nội dung không quá {grouped(_limit('body'))} ký tự (hiện có %(show_value)d).",
        },
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    publish_name = forms.BooleanField(
        label="Tôi đồng ý công khai họ tên cùng ý kiến góp ý",
        required=False,
        template_name="includes/checkbox_field.html",
    )

    def __init__(self, *args, version=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["article"].choices = article_choices(version)
