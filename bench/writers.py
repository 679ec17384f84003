"""The writers of the mixed load (bench/mixed.py): citizens submitting and editors publishing, across the country.

Run as its own process beside the readers, with the environment of the servers it writes to (database, cache,
``RESPONSE_CACHE_DIR``, ``CACHE_PURGE_URLS``), so its publishing invalidates and purges exactly as an editor's
in the admin would:

- one public submission a second: a question posted to the JSON API (``POST /api/v1/questions/``) of a random
  site, through ``--port`` (gunicorn, or Varnish in front of the nodes), as bench/submissions.py posts them;
- one publication every ten seconds, the first at once: a random live news article of a random site gets a new
  lead, then ``save_revision().publish()`` as the admin's "Publish" does, in this process (no management command,
  no admin session).

``python bench/writers.py --port P --duration S`` sets Django up, prints ``ready``, waits for a line on stdin
(the readers are about to start), writes for S seconds and prints what it did as JSON.
"""

import argparse
import http.client
import json
import os
import random
import re
import sys
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.bench")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from wagtail.models import Site  # noqa: E402

from home.models import NewsPage  # noqa: E402

SUBMISSION_EVERY_S = 1
PUBLISH_EVERY_S = 10
EDITOR = "trungtam"  # the demo's national communication centre: publishes on every site
REVISED = re.compile(r" \(cập nhật lần \d+\)$")


def question(number):
    return {
        "name": "Người dân thử tải",
        "email": f"nguoi.dan.{number}@example.vn",
        "title": "Hỏi về thời hạn cấp lại thẻ bảo hiểm y tế",
        "body": f"Tôi bị mất thẻ bảo hiểm y tế, xin hỏi thủ tục cấp lại mất bao lâu? (thử tải {number})",
        "publish_consent": False,
    }


def submit(port, host, number):
    """One question POST on its own connection: (status or "error", milliseconds)."""
    started = time.monotonic()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request(
            "POST",
            "/api/v1/questions/",
            body=json.dumps(question(number)).encode(),
            headers={"Host": host, "Content-Type": "application/json"},
        )
        response = connection.getresponse()
        response.read()
        status = response.status
    except (OSError, http.client.HTTPException):
        status = "error"
    finally:
        connection.close()
    return status, (time.monotonic() - started) * 1000


def submit_every_second(port, hosts, started, stop_at, answers):
    number = 0
    while (due := started + number * SUBMISSION_EVERY_S) < stop_at:
        time.sleep(max(0.0, due - time.monotonic()))
        answers.append(submit(port, random.choice(hosts), number))
        number += 1


def live_articles():
    """{hostname: ids of its live news articles}, for every site that has at least one."""
    articles = {}
    for site in Site.objects.select_related("root_page"):
        ids = list(NewsPage.objects.live().descendant_of(site.root_page).values_list("pk", flat=True))
        if ids:
            articles[site.hostname] = ids
    return articles


def publish_random_news(editor, articles, number):
    """Revise the lead of a random live article of a random site and publish it: (hostname, page id, ms)."""
    started = time.monotonic()
    host = random.choice(list(articles))
    page = NewsPage.objects.get(pk=random.choice(articles[host]))
    page.lead = REVISED.sub("", page.lead)[:570] + f" (cập nhật lần {number})"
    page.save_revision(user=editor, log_action=True).publish(user=editor)
    return host, page.pk, (time.monotonic() - started) * 1000


def write(port, duration):
    hosts = list(Site.objects.values_list("hostname", flat=True))
    articles = live_articles()
    editor = get_user_model().objects.filter(username=EDITOR).first()
    answers, publications = [], []
    started = time.monotonic()
    stop_at = started + duration
    submitter = threading.Thread(target=submit_every_second, args=(port, hosts, started, stop_at, answers))
    submitter.start()
    number = 0
    while (due := started + number * PUBLISH_EVERY_S) < stop_at:
        time.sleep(max(0.0, due - time.monotonic()))
        publications.append(publish_random_news(editor, articles, number))
        number += 1
    submitter.join()
    latencies = sorted(ms for status, ms in answers if status != "error")
    return {
        "duration_s": duration,
        "questions": len(answers),
        "question_status_counts": dict(Counter(str(status) for status, _ in answers)),
        "question_p50_ms": round(latencies[len(latencies) // 2], 1) if latencies else None,
        "publications": [{"host": host, "page": pk, "ms": round(ms, 1)} for host, pk, ms in publications],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True, help="where the questions are posted (127.0.0.1)")
    parser.add_argument("--duration", type=float, required=True, help="seconds of writing")
    options = parser.parse_args()
    print("ready", flush=True)
    sys.stdin.readline()
    print(json.dumps(write(options.port, options.duration)), flush=True)


if __name__ == "__main__":
    main()
