"""Inside Django, against the bench database: the endpoints to load (paths and Host headers, looked up
in the data so they hit real records) and the SQL query count of one request to each.

Run as a separate process by bench/run.py (DJANGO_SETTINGS_MODULE and DATABASE_URL set); prints JSON.
"""

import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.bench")

import django  # noqa: E402

django.setup()

from django.contrib.staticfiles.storage import staticfiles_storage  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from wagtail.models import Site  # noqa: E402

from home.models import NewsPage  # noqa: E402
from legal.models import LegalDocumentIndexPage, LegalDocumentPage  # noqa: E402

HOST = "hanoi.localhost"
POST_HOST = "danang.localhost"
QUESTION = {
    "name": "Nguyễn Văn Đo",
    "email": "do.hieu.nang@example.vn",
    "title": "Hỏi về bảo hiểm y tế",
    "body": "Tôi muốn hỏi thủ tục cấp lại thẻ bảo hiểm y tế khi bị mất.",
    "publish_consent": False,
}


def endpoints():
    """(name, method, Host, path) of each measured request; the paths come from the seeded data."""
    site = Site.objects.select_related("root_page").get(hostname=HOST)
    article = NewsPage.objects.live().descendant_of(site.root_page).order_by("-pk").first()
    index = LegalDocumentIndexPage.of_site(site)
    documents = index.relative_url(site)
    year = LegalDocumentPage.objects.child_of(index).values_list("issued_on__year", flat=True).first()
    return [
        ("static_css", "GET", HOST, staticfiles_storage.url("cms/css/portal.css")),
        ("wagtail_v2_pages", "GET", HOST, "/api/v2/pages/"),
        ("home_page", "GET", HOST, "/"),
        ("news_page", "GET", HOST, article.relative_url(site)),
        ("document_list_filtered", "GET", HOST, f"{documents}?nam={year}&tinh_trang=con-hieu-luc"),
        ("document_search_folded", "GET", HOST, f"{documents}?q=bao+hiem+y+te"),
        ("api_news", "GET", HOST, "/api/v1/news/"),
        ("api_news_detail", "GET", HOST, f"/api/v1/news/{article.pk}/"),
        ("api_documents", "GET", HOST, "/api/v1/documents/"),
        ("api_questions", "GET", HOST, "/api/v1/questions/"),
        ("api_drafts", "GET", "localhost", "/api/v1/drafts/"),
        ("api_procedures", "GET", HOST, "/api/v1/procedures/"),
        ("api_contacts", "GET", HOST, "/api/v1/contacts/"),
        ("api_sites", "GET", HOST, "/api/v1/sites/"),
        ("api_question_post", "POST", POST_HOST, "/api/v1/questions/"),
    ]


def query_count(client, method, host, path):
    with CaptureQueriesContext(connection) as queries:
        if method == "POST":
            response = client.post(path, json.dumps(QUESTION), content_type="application/json", HTTP_HOST=host)
        else:
            response = client.get(path, HTTP_HOST=host)
    return response.status_code, len(queries)


def main():
    client = Client()
    result = {"question": QUESTION, "endpoints": []}
    for name, method, host, path in endpoints():
        query_count(client, method, host, path)  # warm per-process caches (site root paths, settings)
        status, count = query_count(client, method, host, path)
        result["endpoints"].append(
            {"name": name, "method": method, "host": host, "path": path, "status": status, "queries": count}
        )
    json.dump(result, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
