"""The legal deadlines of a case, each counted in the unit its law uses, ending at the close of office hours.

Complaints, Luật Khiếu nại 2011 (consolidated text 03/VBHN-VPQH 2021), in days ("ngày", calendar days: the law
does not say "ngày làm việc" for these periods):
- art. 27 (first instance) and art. 36 (second instance): "Trong thời hạn 10 ngày, kể từ ngày nhận được khiếu
  nại thuộc thẩm quyền giải quyết", the competent person accepts it (thụ lý) or says why not;
- art. 28: first-instance resolution "không quá 30 ngày, kể từ ngày thụ lý"; a complex case not more than 45
  days; in remote areas with difficult travel ("vùng sâu, vùng xa đi lại khó khăn") not more than 45 days, a
  complex case there not more than 60 days;
- art. 37: second instance not more than 45 days (complex 60); remote areas 60 (complex 70).

Denunciations, Luật Tố cáo 2018:
- art. 24.1: within 07 working days ("07 ngày làm việc") of receipt the denunciation is registered, checked and
  accepted or not; when it must be checked at several places the period may be longer, but not more than 10
  working days (``accept_extended``);
- art. 30: resolution "không quá 30 ngày kể từ ngày thụ lý tố cáo" (calendar days); a complex case may be
  extended once by at most 30 days, an especially complex case twice by at most 30 days each.

Petitions and feedback (kiến nghị, phản ánh): neither Luật Tiếp công dân 2013 nor the decrees on complaints
(Nghị định 124/2020/NĐ-CP) nor denunciations (Nghị định 31/2019/NĐ-CP) set a resolution period. The board's
rule, chosen to match the complaint process it mirrors: an answer on acceptance within 10 working days of
receipt, and a resolution within 30 days (calendar) of acceptance.

Calendar days follow Bộ luật Dân sự 2015: a period starts the day after the event (art. 147) and, when its
last day is a weekend or public holiday, ends at the end of the next working day (art. 148.5). Working days
use ``core.working_days`` (holidays and the Government's adjustments). Every period ends at 16:30.
"""

import datetime as dt

from core.working_days import calendar_deadline, deadline

from .models import CaseKind, CaseStatus, Complexity

COMPLAINT_ACCEPT_DAYS = 10
# (instance, remote area, complex) -> days from acceptance, Luật Khiếu nại art. 28 and 37.
COMPLAINT_RESOLVE_DAYS = {
    (1, False, False): 30,
    (1, False, True): 45,
    (1, True, False): 45,
    (1, True, True): 60,
    (2, False, False): 45,
    (2, False, True): 60,
    (2, True, False): 60,
    (2, True, True): 70,
}
DENUNCIATION_ACCEPT_WORKING_DAYS = 7
DENUNCIATION_ACCEPT_EXTENDED_WORKING_DAYS = 10
DENUNCIATION_RESOLVE_DAYS = 30
DENUNCIATION_EXTENSION_DAYS = 30
# How many extensions of at most 30 days each the complexity allows, Luật Tố cáo art. 30.2–3.
DENUNCIATION_EXTENSIONS = {Complexity.NORMAL: 0, Complexity.COMPLEX: 1, Complexity.VERY_COMPLEX: 2}
PETITION_ACCEPT_WORKING_DAYS = 10
PETITION_RESOLVE_DAYS = 30


def acceptance_deadline(case) -> dt.datetime:
    """By when the site now holding the case must accept it or say why not, from when it received it."""
    start = case.site_received_at
    if case.kind == CaseKind.COMPLAINT:
        return calendar_deadline(start, COMPLAINT_ACCEPT_DAYS)
    if case.kind == CaseKind.DENUNCIATION:
        days = DENUNCIATION_ACCEPT_EXTENDED_WORKING_DAYS if case.accept_extended else DENUNCIATION_ACCEPT_WORKING_DAYS
        return deadline(start, days)
    return deadline(start, PETITION_ACCEPT_WORKING_DAYS)


def resolution_days(case) -> int:
    """Calendar days from acceptance to resolution, extensions included."""
    if case.kind == CaseKind.COMPLAINT:
        complex_case = case.complexity != Complexity.NORMAL
        return COMPLAINT_RESOLVE_DAYS[(case.instance, case.remote_area, complex_case)]
    if case.kind == CaseKind.DENUNCIATION:
        return DENUNCIATION_RESOLVE_DAYS + case.extension_days
    return PETITION_RESOLVE_DAYS


def resolution_deadline(case) -> dt.datetime:
    return calendar_deadline(case.accepted_at, resolution_days(case))


def step_deadline(case) -> dt.datetime | None:
    """The deadline of the case's current step; none once it is refused, resolved, transferred or closed."""
    if case.status == CaseStatus.RECEIVED:
        return acceptance_deadline(case)
    if case.status in (CaseStatus.ACCEPTED, CaseStatus.VERIFYING):
        return resolution_deadline(case)
    return None
