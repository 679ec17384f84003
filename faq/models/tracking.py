"""The tracking code a member of the public gets for a question, a request or a case, and the record that carries
it. How a code is read and shown is ``core.ids`` (``normalise_code``, ``display_code``)."""

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.ids import CODE_LENGTH, display_code

TRACKING_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: easy to read out and type
TRACKING_LENGTH = CODE_LENGTH


def tracking_code():
    """A random code of 10 characters from 31 (about 8·10^14 values): unguessable, easy to type."""
    return "".join(secrets.choice(TRACKING_ALPHABET) for _ in range(TRACKING_LENGTH))


class TrackedRecord(models.Model):
    """A record the public follows by code: the code is drawn when the record is first saved."""

    tracking_code = models.CharField(_("mã tra cứu"), max_length=TRACKING_LENGTH, unique=True, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self.tracking_code:
            self.tracking_code = tracking_code()
        super().save(*args, **kwargs)

    @property
    def display_code(self):
        """The code as people read it out: ``ABCDE-FGHJK``."""
        return display_code(self.tracking_code)

    def get_tracking_code_display(self):
        """The code as shown wherever the admin shows the field (listing column, inspect view, export): the
        hyphenated form citizens have, so staff and citizens read the same code. Sorting and search still use
        the stored field (``core.record_listing``)."""
        return self.display_code
