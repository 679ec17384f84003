"""One line per request (logger ``vss.requests``) and per job (``vss.jobs``), as JSON for the log collector.

A line says when (ISO 8601 in Vietnam's time, ``+07:00``), what was asked and how it went: host, method, path,
status, duration, the view that answered, whether the response cache did, and which account asked. It never
carries what a citizen typed: not the query string (a tracking code, a search, an e-mail address in a link),
not a form's fields, not the client's address. The account is named (its id) only when it is staff (one that may
enter the admin); a visitor, or any other account, is ``null``.

``LOG_FORMAT=json`` (production's default) prints these lines; ``text`` (``make run``'s) prints the same fields
as ``key=value`` after the message, easier to read in a terminal. Gunicorn's access log is not needed beside it
and would print the query string.
"""

import datetime
import json
import logging
import time
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase

from .response_cache.middleware import OUTCOME_HEADER

requests_log = logging.getLogger("vss.requests")


def local_time(record: logging.LogRecord) -> str:
    moment = datetime.datetime.fromtimestamp(record.created, tz=ZoneInfo(settings.TIME_ZONE))
    return moment.isoformat(timespec="milliseconds")


def fields_of(record: logging.LogRecord) -> dict[str, Any]:
    return dict(getattr(record, "fields", None) or {})


class JsonFormatter(logging.Formatter):
    """``time``, ``level``, ``logger``, ``event`` (the message) and every entry of ``extra={"fields": {...}}``."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": local_time(record),
            "level": record.levelname,
            "logger": record.name,
            "event": record.getMessage(),
            **fields_of(record),
        }
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False, default=str)


class TextFormatter(logging.Formatter):
    """The same as ``JsonFormatter`` on one readable line: ``time level logger event key=value …``."""

    def format(self, record: logging.LogRecord) -> str:
        pairs = " ".join(f"{key}={value}" for key, value in fields_of(record).items())
        line = f"{local_time(record)} {record.levelname} {record.name} {record.getMessage()} {pairs}".rstrip()
        if record.exc_info:
            line += "\n" + self.formatException(record.exc_info)
        return line


class RequestLogMiddleware:
    """Logs every request once it is answered (placed above the response cache, so hits are logged too)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        started = time.perf_counter()
        response = self.get_response(request)
        if requests_log.isEnabledFor(logging.INFO):
            requests_log.info("request", extra={"fields": request_fields(request, response, started)})
        return response


def request_fields(request: HttpRequest, response: HttpResponseBase, started: float) -> dict[str, Any]:
    match = getattr(request, "resolver_match", None)
    user = getattr(request, "user", None)  # absent on a cache hit: authentication never ran
    return {
        # As sent, not validated: a Host that ALLOWED_HOSTS refuses is worth seeing too.
        "host": request.META.get("HTTP_HOST", "")[:255].lower(),
        "method": request.method,
        "path": request.path,
        "status": response.status_code,
        "duration_ms": round((time.perf_counter() - started) * 1000, 1),
        "view": match.view_name if match is not None else None,
        "cache": response.get(OUTCOME_HEADER),
        "user": user.pk if user is not None and is_staff(user) else None,
    }


def is_staff(user: Any) -> bool:
    """May enter the admin (Wagtail's permission; read once per request, and the admin's views read it anyway)."""
    if user is None or not user.is_authenticated:
        return False
    return bool(user.is_staff or user.has_perm("wagtailadmin.access_admin"))
