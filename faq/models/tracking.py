"""The tracking code a member of the public gets for a question or a request, and the record that carries it."""

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _

TRACKING_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: easy to read out and type
TRACKING_LENGTH = 10


def tracking_code():
    """A random code of 10 characters from 31 (about 8·10^14 values): unguessable, easy to type."""
    return "".join(secrets.choice(TRACKING_ALPHABET) for _ in range(TRACKING_LENGTH))


def normalise_code(text):
    """What a person typed ("abcde-fghjk ") as the stored code ("ABCDEFGHJK")."""
    return "".join(ch for ch in (text or "").upper() if ch.isalnum())


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
        return f"{self.tracking_code[:5]}-{self.tracking_code[5:]}"
