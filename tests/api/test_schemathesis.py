"""Schemathesis fuzzes every operation of /api/v1/ against the published schema (``openapi_snapshot.json``).

For each operation it sends generated requests, valid and invalid (``?site=``, filters, ids, bodies), and
fails on a 5xx, on a status code the operation does not document, on a media type it does not document,
on a body or header that does not match the documented schema, and on a valid request refused as
malformed: the OpenAPI schema is the whole contract, errors and input rules included, so a mobile app
generating its client from it is never surprised. test_openapi.py keeps the snapshot equal to what
/api/v1/openapi.json serves.

Requests go through Django's test client, in-process and inside the test's transaction (the bootstrap of
tests/conftest.py survives), with ``hanoi.localhost`` as the Host. Hà Nội has the demo content, loaded once
for the module, and some generated ids, codes and ``?site=`` values are swapped for real ones, so the
fuzzing also reaches found records, an open and a closed comment window and real questions. Rate limits
are raised so it is not a wall of 429s; 429 stays documented, and its answer is tested where the limits
are in force (tests/faq, tests/legal). Examples are derandomized: a run is reproducible, and a failure
prints the request that caused it.
"""

from functools import cache
from urllib.parse import urlsplit

import pytest
import requests
import schemathesis
from django.db import transaction
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.core.transport import Response
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from wagtail.models import Site

from contacts.demo import load_contacts_demo
from faq.demo import load_qa_demo
from faq.models import InformationRequest, Question
from home.news import news_for_site
from home.news_demo import load_news_demo
from legal.demo import load_legal_demo
from legal.demo_comments import load_comments_demo
from legal.demo_drafts import load_draft_demo
from legal.demo_procedures import load_procedures_demo
from legal.models import AdministrativeProcedurePage, DraftDocumentPage, LegalDocumentPage
from portal.bootstrap import Report
from tests.support.api import OPENAPI_SNAPSHOT as SNAPSHOT
from tests.support.sites import HANOI

BASE_URL = f"http://{HANOI}"
# Generated cases per operation, on top of the coverage phase's: enough to vary every parameter, few enough
# for the whole module to take well under a minute on SQLite.
MAX_EXAMPLES = 25
# Fields whose valid values are names of the site's records (a topic, a document type, a field of procedures,
# an article of the draft): a value the schema allows may name nothing there, and that is a 400 naming it.
RECORD_NAMES = {"topic", "doc_type", "field", "article"}
# What requests.Request takes among the arguments schemathesis prepares for a call.
REQUEST_ARGUMENTS = {"method", "url", "headers", "params", "data", "json", "files", "cookies"}
# The demo's loaders without its page texts (portal.demo.fill_pages): no API answer shows those,
# and they take most of the demo's time.
DEMO_LOADERS = [
    load_qa_demo,
    load_contacts_demo,
    load_legal_demo,
    load_draft_demo,
    load_comments_demo,
    load_procedures_demo,
    load_news_demo,
]

schema = schemathesis.openapi.from_path(SNAPSHOT)


@cache
def real_values(path):
    """Hà Nội's records that the operation at ``path`` can be asked for, by path parameter.

    Read once per operation: the demo content does not change while the module runs (``demo_content``
    forgets them when it is rolled back).
    """
    site = Site.objects.get(hostname=HANOI)
    under = site.root_page
    if path.startswith("/api/v1/drafts/"):
        return {"draft_id": ids(DraftDocumentPage.objects.descendant_of(under).live())}
    if path.startswith("/api/v1/documents/"):
        return {"id": ids(LegalDocumentPage.objects.descendant_of(under).live())}
    if path.startswith("/api/v1/procedures/"):
        return {"id": ids(AdministrativeProcedurePage.objects.descendant_of(under).live())}
    if path.startswith("/api/v1/news/"):
        return {"news_id": ids(news_for_site(site))}
    if path.startswith("/api/v1/questions/track/"):
        return {"tracking_code": [question.display_code for question in Question.objects.filter(site=site)]}
    if path.startswith("/api/v1/information-requests/track/"):
        return {"tracking_code": [record.display_code for record in InformationRequest.objects.filter(site=site)]}
    return {}


def ids(records):
    return list(records.values_list("pk", flat=True))


@schema.hooks.hook("flatmap_path_parameters")
def sometimes_a_real_record(ctx, parameters):
    """The drawn path parameters, or the same with one of them naming a record Hà Nội has."""
    if not isinstance(parameters, dict):
        return st.just(parameters)
    values = real_values(ctx.operation.path)
    choices = [{**parameters, name: value} for name in parameters if name in values for value in values[name]]
    return st.sampled_from([parameters, *choices])


@schema.hooks.hook("flatmap_query")
def sometimes_hanoi(ctx, query):
    """The drawn query, or the same naming Hà Nội or no site at all (the Host's): a drawn hostname is unknown."""
    if not isinstance(query, dict) or "site" not in query:
        return st.just(query)
    without_site = {name: value for name, value in query.items() if name != "site"}
    return st.sampled_from([query, {**query, "site": HANOI}, without_site])


def valid_data_is_refused_only_for_unknown_names(ctx, response, case):
    """A request the schema allows is never a 400 but for a name that matches no record: the patterns and
    limits the schema publishes are those the server enforces, so a client generating valid data is not refused.
    """
    if case.meta is None or not case.meta.generation.mode.is_positive or response.status_code != 400:
        return
    refused = set(response.json()["errors"]) - RECORD_NAMES
    assert not refused, f"values the schema allows were refused: {sorted(refused)}"


CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    valid_data_is_refused_only_for_unknown_names,
]


@pytest.fixture(scope="module", autouse=True)
def demo_content(django_db_setup, django_db_blocker):
    """The demo content, loaded once for the module in a transaction rolled back after its last test.

    Each test's own transaction (pytest-django's ``db``) nests inside it, as Django's ``setUpTestData`` does,
    so loading it for every one of the operations is avoided and no other module ever sees it.
    """
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        report = Report()
        for load in DEMO_LOADERS:
            load(report)
    yield
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)
    real_values.cache_clear()


@pytest.fixture
def generous_rate_limits(settings):
    """Far more submissions than any client may send, so that the fuzzing reaches what is behind the limit."""
    settings.PUBLIC_RATE_LIMITS = {kind: (10**6, window) for kind, (_, window) in settings.PUBLIC_RATE_LIMITS.items()}


@schema.parametrize()
@hypothesis_settings(
    max_examples=MAX_EXAMPLES,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@pytest.mark.django_db
def test_every_operation_answers_as_its_schema_says(case, client, generous_rate_limits):
    response = send(client, case)

    case.validate_response(response, checks=CHECKS)


def send(client, case):
    """The case sent through Django's test client, its answer in the shape schemathesis checks.

    ``requests`` prepares the request from what schemathesis would send over the network, so the query
    string, the JSON body and the headers are encoded exactly as a real client would encode them.
    """
    arguments = case.as_transport_kwargs(base_url=BASE_URL)
    prepared = requests.Request(**{k: v for k, v in arguments.items() if k in REQUEST_ARGUMENTS}).prepare()
    headers = {**prepared.headers, "Host": urlsplit(prepared.url).netloc}
    answer = client.generic(
        prepared.method,
        prepared.path_url,
        data=prepared.body or b"",
        headers=headers,
        content_type=prepared.headers.get("Content-Type", "application/octet-stream"),
    )
    return Response(
        status_code=answer.status_code,
        headers={name: [value] for name, value in answer.items()},
        content=answer.content,
        request=prepared,
        elapsed=0.0,
        verify=False,
        message=answer.reason_phrase,
        encoding=answer.charset,
    )
