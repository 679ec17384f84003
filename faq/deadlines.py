"""The deadlines of a question's steps, computed in one place for the inbox (``due_at``) and the delay report.

Seed 002 (Quy chế 1582/QĐ-BHXH, Điều 11, khoản 1, điểm a, "Hỏi đáp"), all in working days:
    "Trung tâm Dịch vụ hỗ trợ, chăm sóc khách hàng có trách nhiệm tiếp nhận câu hỏi, phân loại câu hỏi để trả lời
    hoặc chuyển đến các đơn vị liên quan để trả lời trong vòng 02 đến 05 ngày làm việc. Trường hợp câu hỏi không
    liên quan đến phạm vi, chức năng nhiệm vụ của Bảo hiểm xã hội Việt Nam; câu hỏi không rõ nghĩa thì phải thông
    báo ngay trong ngày cho tổ chức, cá nhân đặt câu hỏi biết [...]. Trong vòng 07 ngày làm việc [...] các đơn vị
    có trách nhiệm trả lời [...]. Đối với những câu hỏi phức tạp [...] xử lý trong vòng 10 ngày làm việc [...].
    Sau khi tiếp nhận câu trả lời, không quá 02 ngày làm việc, Trung tâm [...] có trách nhiệm gửi câu trả lời [...]
    đồng thời biên tập, đăng công khai trên Cổng Thông tin điện tử."

So, per step:
- report back (the centre): "ngay trong ngày", the close of office hours (16:30) of the day the question counts
  as received (``core.working_days.receipt_day``): by then the centre has screened it, telling the asker if it
  is out of scope or unclear (a refusal, or a pause asking for the full question), or classified it;
- routing (the centre): ``QaSettings.routing_days`` (2–5) working days from receipt;
- answer (the unit): 7 working days from assignment (10 if complex), plus any extension;
- publishing (the centre): 2 working days from the answer.
A pause while waiting for the asker extends only the step it happened in: days paused while routing are
added to the routing deadline, days paused while the unit answers to the answer's. Later steps count from
their own start, which the pause has already pushed back.
"""

import datetime as dt
from collections.abc import Mapping
from typing import Any

from core.working_days import close_of, deadline, receipt_day

ANSWER_DAYS = 7
COMPLEX_ANSWER_DAYS = 10
PUBLISH_DAYS = 2

# The fields of a question the deadlines are computed from (the delay report reads them with ``values()``).
DEADLINE_FIELDS = (
    "received_at",
    "assigned_at",
    "answered_at",
    "is_complex",
    "extension_days",
    "routing_paused_days",
    "answer_paused_days",
)


STEP_LABELS = {
    "report_back": "báo lại người hỏi (câu hỏi ngoài phạm vi, không rõ nghĩa) hoặc phân loại",
    "routing": "phân loại, chuyển đơn vị trả lời",
    "answer": "đơn vị trả lời",
    "publish": "gửi trả lời và đăng công khai",
}
# The step each open state (``QuestionStatus``) is in, once the asker has been told or the question classified.
STEP_OF = {"received": "routing", "classified": "routing", "assigned": "answer", "answered": "publish"}


def current_step(question) -> str | None:
    """The step an open question is in (a ``STEP_LABELS`` key); None once it is closed.

    A question only received, whose asker has not been told anything, is in the same-day report back
    (seed 002 art. 11.1.a: "thông báo ngay trong ngày"); once the centre has told the asker (a pause asking
    for the full question) or classified it, in routing.
    """
    if question.status == "received" and question.reported_back_at is None:
        return "report_back"
    return STEP_OF.get(question.status)


def step_deadlines(row: Mapping[str, Any], routing_days: int) -> dict[str, dt.datetime | None]:
    """Each step's deadline ("report_back", "routing", "answer", "publish"); None for a step not yet begun."""
    received, assigned, answered = row["received_at"], row["assigned_at"], row["answered_at"]
    answer_days = (COMPLEX_ANSWER_DAYS if row["is_complex"] else ANSWER_DAYS) + row["extension_days"]
    return {
        "report_back": close_of(receipt_day(received)),
        "routing": deadline(received, routing_days + row["routing_paused_days"]),
        "answer": deadline(assigned, answer_days + row["answer_paused_days"]) if assigned else None,
        "publish": deadline(answered, PUBLISH_DAYS) if answered else None,
    }


def fields_of(question) -> dict[str, Any]:
    """A question's ``DEADLINE_FIELDS``, as the delay report reads them."""
    return {field: getattr(question, field) for field in DEADLINE_FIELDS}
