"""A step an editor takes a record to (assign, answer, refuse, approve, extend…), declared as data.

The question inbox, comment moderation and requests for information offer their steps the same way: a small
form per step, shown on the record's page when the record's state and the user's permission allow it, and
posted to one view (``multisite_config.record_views.RecordActionView``) that validates it, applies it in a
transaction and says what happened. The rules stay in each app's own module (``faq.transitions``,
``legal.comments``, ``faq.information_requests``), which refuses a step the state does not allow by raising
``ActionRefused``: ``when`` only decides which forms a page shows, so the rules are judged in one place
whichever door (admin, public form, API) a step comes in by.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.db.models import Model
from wagtail.permissions import policy_registry

# Taking a record to its next step changes it: the permission the step's page and its form require.
ACT_PERMISSION = "change"


class ActionRefused(Exception):
    """A step the record's rules do not allow now; the message is shown to the person as it is."""


class RecordActionForm(forms.Form):
    """The form of one step, given its record so it can offer that record's choices (its site's units) or start
    from what the record holds (the current answer); ``None`` where one form serves many records (bulk)."""

    def __init__(self, *args: Any, record: Model | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.record = record


def always(record: Model) -> bool:
    """Offered whatever the record's state (its rules still judge when it is taken)."""
    return True


@dataclass(frozen=True)
class RecordAction:
    """One step: ``form_class`` collects what it needs, ``apply(record, user, cleaned_data)`` takes it (raising
    ``ActionRefused`` when the rules say no), and it is offered while ``when(record)`` holds. ``done(record)``,
    when given, is what the person is told afterwards (what happened, not just which step ran)."""

    name: str
    label: str
    form_class: type[RecordActionForm]
    apply: Callable[[Model, Any, dict], object]
    when: Callable[[Model], bool] = always
    done: Callable[[Model], str] | None = None

    def offered(self, record: Model, user: Any) -> bool:
        """Whether the record's page shows this step to ``user``: its state allows it and the user may act on
        the record under the permission policy registered for the record's model (per site)."""
        policy = policy_registry.get_by_type(type(record))
        return self.when(record) and policy.user_has_permission_for_instance(user, ACT_PERMISSION, record)

    def bind(self, record: Model, data: Any = None) -> RecordActionForm:
        return self.form_class(data, record=record)


def calling(rule: Callable[..., object]) -> Callable[[Model, Any, dict], object]:
    """An ``apply`` that hands the form's fields to a rule as keyword arguments: each form's fields are named
    after its rule's arguments, so most steps are just ``rule(record, user, **cleaned_data)``."""

    def apply(record: Model, user: Any, data: dict) -> object:
        return rule(record, user, **data)

    return apply


def named(actions: Iterable[RecordAction], name: str) -> RecordAction | None:
    return next((action for action in actions if action.name == name), None)


def offered_forms(
    actions: Iterable[RecordAction], record: Model, user: Any
) -> list[tuple[RecordAction, RecordActionForm]]:
    """(step, its empty form) for each step the record's page shows to ``user``, in the declared order."""
    return [(action, action.bind(record)) for action in actions if action.offered(record, user)]
