"""Who may do what with records the public creates (questions, their e-mails): handle them, never create them."""
from wagtail.permission_policies.sites import SitePermissionPolicy

# Records come from the public and are kept as evidence: nobody (not even a superuser) adds or deletes them
# in the admin; "change" means handling them through the actions of the inbox.
NEVER_IN_ADMIN = frozenset({"add", "delete"})


class PublicRecordPermissionPolicy(SitePermissionPolicy):
    """Per-site "view" and "change" (``GroupSitePermission``) or national (model permissions), no add/delete."""

    def user_has_any_permission(self, user, actions):
        actions = [action for action in actions if action not in NEVER_IN_ADMIN]
        return bool(actions) and super().user_has_any_permission(user, actions)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        actions = [action for action in actions if action not in NEVER_IN_ADMIN]
        return bool(actions) and super().user_has_any_permission_for_instance(user, actions, instance)

    def handled_sites(self, user):
        """The sites whose records this user handles (sees in the inbox)."""
        return self.sites_user_has_any_permission_for(user, ["view", "change"])
