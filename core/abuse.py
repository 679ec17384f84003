"""Abuse controls for public submissions (questions, comments, requests): rate limit, honeypot, timing.

- Rate limit: at most N submissions per client per window and per kind, counted in ``core.counters``
  (Redis when ``REDIS_URL`` is set, the database otherwise, never one process's memory), so every worker
  and every node shares the count. The client is the address ``core.proxies`` finds behind
  trusted proxies. Past the limit the caller answers 429 with ``Retry-After``.
- Honeypot: HTML forms carry a field hidden from people (``website``); a bot that fills it is refused.
- Timing: HTML forms carry a signed timestamp; a form sent back faster than a person can type, or hours
  later, is refused. The API has no form, so it relies on the rate limit and size limits alone.
"""

import math
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django import forms
from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from . import counters
from .proxies import client_address

HONEYPOT_FIELD = "website"
TIMING_FIELD = "form_token"
MIN_FILL_SECONDS = 3
MAX_FORM_AGE_SECONDS = 2 * 60 * 60
DEFAULT_LIMIT = (5, 600)  # 5 submissions per 10 minutes
_SIGNER_SALT = "core.abuse.form-timing"


@dataclass(frozen=True)
class Throttled:
    retry_after: int


def check_rate(request: HttpRequest, kind: str) -> Throttled | None:
    """Count one submission of ``kind``; None when allowed, Throttled(retry_after) when over the limit."""
    limit, window = getattr(settings, "PUBLIC_RATE_LIMITS", {}).get(kind, DEFAULT_LIMIT)
    now = int(time.time())
    window_start = now - now % window
    count = counters.bump(f"rate:{kind}:{client_address(request)}:{window_start}", window)
    if count > limit:
        return Throttled(retry_after=window_start + window - now)
    return None


def first_time(request: HttpRequest, subject: str, seconds: int) -> bool:
    """True the first time this client does ``subject`` (a vote on one answer) within ``seconds``."""
    return counters.bump(f"once:{subject}:{client_address(request)}", seconds) == 1


def form_token() -> str:
    """A signed timestamp to put in a public form."""
    return signing.TimestampSigner(salt=_SIGNER_SALT).sign(str(int(time.time())))


def honeypot_problem(data: Mapping[str, Any]) -> str | None:
    """The refusal of a form whose hidden field a bot filled, or None. Alone for forms on pages shared by the
    response cache (the rating widget), which cannot carry a timing token that outlives the cached page."""
    return "Biểu mẫu không hợp lệ." if data.get(HONEYPOT_FIELD) else None


def form_problem(data: Mapping[str, Any]) -> str | None:
    """Why a submitted HTML form looks automated (a message for the person), or None if it looks human."""
    if problem := honeypot_problem(data):
        return problem
    try:
        issued = int(
            signing.TimestampSigner(salt=_SIGNER_SALT).unsign(data.get(TIMING_FIELD, ""), max_age=MAX_FORM_AGE_SECONDS)
        )
    except signing.SignatureExpired:
        return "Biểu mẫu đã hết hạn; vui lòng tải lại trang và gửi lại."
    except (signing.BadSignature, ValueError):
        return "Biểu mẫu không hợp lệ; vui lòng tải lại trang."
    if time.time() - issued < MIN_FILL_SECONDS:
        return "Biểu mẫu được gửi quá nhanh; vui lòng kiểm tra lại nội dung rồi gửi."
    return None


class HumanSubmissionForm(forms.Form):
    """A public form that is invalid when ``form_problem`` finds it automated (its message is the error)."""

    def clean(self) -> dict[str, Any] | None:
        """Refuse a form a bot filled (honeypot) or sent back faster than a person can write."""
        problem = form_problem(self.data)
        if problem:
            raise ValidationError(problem)
        return super().clean()


def too_many_requests_page(request: HttpRequest, throttled: Throttled, back_url: str, back_title: str) -> HttpResponse:
    """The public pages' answer past the rate limit: 429 with ``Retry-After`` and, for a person, how many minutes
    to wait and the way back to the page they came from. One page for every form, so the wording is the same."""
    context = {"minutes": math.ceil(throttled.retry_after / 60), "back_url": back_url, "back_title": back_title}
    response = render(request, "too_many_requests.html", context, status=429)
    response["Retry-After"] = str(throttled.retry_after)
    return response
