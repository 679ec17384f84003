"""Public views of drafts that are not pages: the comment form's target and the published summary report.

Both find the draft among the live drafts of the requesting site, so a draft of one site is a 404 on
another. The form is shown inside the draft page (``legal/draft_comments.html``); a refused comment is
answered with that page again, with the errors, and a status saying why (400, 409); past the rate limit with
the shared 429 page.
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import render
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET, require_POST
from wagtail.models import Site

from core.abuse import check_rate, too_many_requests_page
from core.post_redirect import see_other
from core.response_cache import tags
from core.spreadsheets import xlsx_response
from core.tree import descendants_q

from . import comments, report
from .comment_forms import FORM_ANCHOR, CommentForm
from .models import DraftDocumentPage


def site_draft(request, page_id):
    tags.shows(tags.page(page_id))
    site = Site.find_for_request(request)
    draft = None
    if site is not None:
        draft = DraftDocumentPage.objects.filter(descendants_q(site.root_page), pk=page_id, live=True).first()
    if draft is None:
        raise Http404("Không có dự thảo này trên trang.")
    return draft


def draft_page(request, draft, status, **context):
    """The draft page itself, with what the comment section needs to show the refusal."""
    page_context = {**draft.get_context(request), **context}
    return TemplateResponse(request, draft.get_template(request), page_context, status=status)


@require_POST
def submit_comment(request, page_id):
    """Every attempt counts towards the rate limit, valid or not, as for the other public forms."""
    draft = site_draft(request, page_id)
    throttled = check_rate(request, "comment")
    if throttled:
        return too_many_requests_page(request, throttled, draft.get_url(request) + FORM_ANCHOR, draft.title)
    form = CommentForm(request.POST, version=comments.latest_version(draft))
    if not form.is_valid():
        return draft_page(request, draft, 400, comment_form=form)
    data = form.cleaned_data
    try:
        comments.submit(
            draft,
            name=data["name"],
            email=data["email"],
            organisation=data["organisation"],
            article_anchor=data["article"],
            body=data["body"],
            publish_name=data["publish_name"],
        )
    except comments.OutsideWindow as refusal:
        return draft_page(request, draft, 409, comment_error=str(refusal))
    messages.success(request, "Cảm ơn Ông/Bà đã góp ý. Ý kiến sẽ được công khai sau khi được duyệt.")
    return see_other(draft.get_url(request) + FORM_ANCHOR)


@require_GET
def public_report(request, page_id):
    """The public profile of the summary report, once the window has closed and the board published it."""
    draft = site_draft(request, page_id)
    if not report.report_is_public(draft):
        raise Http404("Báo cáo tổng hợp chưa được công khai.")
    if request.GET.get("format") == "xlsx":
        return xlsx_response(report.workbook(draft, report.PUBLIC), report.filename(draft, report.PUBLIC, "xlsx"))
    headings, groups = report.table(draft, report.PUBLIC)
    return render(
        request,
        "legal/draft_report.html",
        {
            "draft": draft,
            "page": draft,
            "headings": headings,
            "groups": groups,
            "report_title": report.REPORT_TITLE,
            "profile": report.PUBLIC,
        },
    )
