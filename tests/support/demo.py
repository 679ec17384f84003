"""The demo (``portal.demo.load_demo``) loaded once for a module's tests, and rolled back after them."""

import contextlib

from django.db import transaction

from portal.bootstrap import Report
from portal.demo import load_demo


@contextlib.contextmanager
def module_demo(django_db_blocker):
    """Use from a module-scoped fixture (``django_db_setup`` first): the demo on every site inside one transaction,
    rolled back when the module is done, so each module reads the demo as ``make run`` leaves it."""
    with django_db_blocker.unblock(), transaction.atomic():
        load_demo(Report())
        yield
        transaction.set_rollback(True)
