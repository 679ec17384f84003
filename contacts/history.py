"""The change history of contact details: every admin edit of a unit or its leaders, field by field.

Seed 002 asks that a change of contact be published within one working day, so the portal must know what
changed and when, and who changed it. Wagtail's audit log already records who and when ("wagtail.edit");
this action records the same edit under ``contacts.edit`` with the old and new value of each changed field
(the unit's and its leaders'), read from the validated admin form, so the unit's history page shows them,
and the day the change happened in the unit, so the timeliness report can tell a late update.
"""

from django.db.models import Model
from django.forms import ChoiceField, ModelChoiceField
from wagtail.actions.edit import EditAction
from wagtail.log_actions import LogFormatter, log

EDIT_ACTION = "contacts.edit"
# The day the change happened in the unit (given in the edit form; absent means the day it was recorded).
CHANGED_ON = "changed_on"
# Formset bookkeeping fields and the change date: not contact data.
SKIPPED_FIELDS = {"id", "DELETE", "ORDER", "unit", CHANGED_ON}


def shown(field, value):
    """A value as the admin shows it: a choice's label, a related object's name, "" for nothing."""
    if value in (None, ""):
        return ""
    if isinstance(field, ModelChoiceField):
        related = value if isinstance(value, Model) else field.queryset.model._default_manager.filter(pk=value).first()
        return str(related) if related is not None else str(value)
    if isinstance(field, ChoiceField):
        return str(dict(field.choices).get(value, value))
    return str(value)


def field_changes(form, prefix=""):
    """[{field, old, new}] for each changed field of one bound, validated form."""
    changes = []
    for name in form.changed_data:
        if name in SKIPPED_FIELDS:
            continue
        field = form.fields[name]
        old, new = shown(field, form.initial.get(name)), shown(field, form.cleaned_data.get(name))
        if old != new:
            changes.append({"field": f"{prefix}{field.label}", "old": old, "new": new})
    return changes


def contact_changes(form):
    """The changes of a unit form and of its leaders' inline forms (added, changed and removed leaders)."""
    changes = field_changes(form)
    for formset in getattr(form, "formsets", {}).values():
        for leader_form in formset.forms:
            name = leader_form.initial.get("name") or leader_form.cleaned_data.get("name", "")
            if leader_form in formset.deleted_forms:
                if leader_form.instance.pk:
                    changes.append({"field": f"Lãnh đạo {name}", "old": name, "new": ""})
            elif not leader_form.instance.pk and leader_form.has_changed():
                changes.append({"field": f"Lãnh đạo {name}", "old": "", "new": name})
            elif leader_form.instance.pk:
                changes += field_changes(leader_form, prefix=f"Lãnh đạo {name} – ")
    return changes


class ContactEditAction(EditAction):
    """Saves the edit like Wagtail does and logs it once, as ``contacts.edit`` with the field changes."""

    def __init__(self, instance, **kwargs):
        kwargs["log_action"] = False
        super().__init__(instance, **kwargs)

    def _edit(self, skip_permission_checks=False):
        valid = self.form is not None and self.form.is_valid()
        changes = contact_changes(self.form) if valid else []
        changed_on = self.form.cleaned_data.get("changed_on") if valid else None
        instance = super()._edit(skip_permission_checks=skip_permission_checks)
        log(
            instance=instance,
            action=EDIT_ACTION,
            user=self.user,
            content_changed=bool(changes),
            data={"changes": changes, CHANGED_ON: changed_on.isoformat() if changed_on else None},
        )
        return instance


class ContactEditFormatter(LogFormatter):
    label = "Sửa thông tin liên hệ"

    def format_message(self, log_entry):
        changes = log_entry.data.get("changes", [])
        if not changes:
            return "Lưu, không thay đổi thông tin"
        return "; ".join(f"{c['field']}: “{c['old']}” → “{c['new']}”" for c in changes)


def register_log_actions(actions):
    actions.register_action(EDIT_ACTION)(ContactEditFormatter)
