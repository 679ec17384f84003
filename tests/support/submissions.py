"""A citizen's question as the public API takes it, for tests that follow one through the portal (rate limits,
logs) rather than test the API itself (tests/faq/test_api.py)."""

import json

from django.test import Client

from tests.support.sites import HANOI

QUESTION = {
    "name": "Trần Thị Bình",
    "email": "nguoihoi@example.vn",
    "phone": "0912345678",
    "title": "Cấp lại sổ bảo hiểm xã hội",
    "body": "Tôi bị mất sổ BHXH, xin hỏi thủ tục cấp lại như thế nào?",
    "publish_consent": False,
}


def ask(client: Client, payload: dict = QUESTION, site: str = HANOI):
    """POST /api/v1/questions/ for ``site``: the response."""
    return client.post(f"/api/v1/questions/?site={site}", json.dumps(payload), content_type="application/json")
