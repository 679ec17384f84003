"""The admin's sign-in form: Wagtail's, its password field labelled in Vietnamese.

Wagtail gives the field no label, so Django derives an English "Password" from the field's name, which no
catalogue reaches (settings: WAGTAILADMIN_USER_LOGIN_FORM).
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm


class LoginForm(WagtailLoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Mật khẩu")
