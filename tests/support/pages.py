"""The base of the page factories: a page added under its parent, then published as an editor publishes it.

``wagtail_factories.PageFactory`` only adds the page to the tree (live, without a revision); the portal's
lists, caches and reports read the revision and the publish log, so each factory page is published through
a revision like an editor's. ``live=False`` leaves a draft: saved as a revision, never published.
"""

import wagtail_factories


class PublishedPageFactory(wagtail_factories.PageFactory):
    class Meta:
        abstract = True

    @classmethod
    def _after_postgeneration(cls, page, create, results=None):
        """After every post-generation hook, so what they set (topics, bases…) is in the revision."""
        if create:
            revision = page.save_revision()
            if page.live:
                revision.publish()
