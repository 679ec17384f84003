"""Topics, and whole extra sites (home page, site, profile) besides the 35 the test database is bootstrapped with."""

import factory
import wagtail_factories
from factory.django import DjangoModelFactory
from wagtail.models import Page

from home.models import HomePage
from multisite_config.models import SiteKind, SiteProfile, Topic


class TopicFactory(DjangoModelFactory):
    """A topic, or the one already stored with that slug (topics are shared by every site)."""

    class Meta:
        model = Topic
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Chủ đề {n}")
    slug = factory.Sequence(lambda n: f"chu-de-{n}")


class SiteProfileFactory(DjangoModelFactory):
    class Meta:
        model = SiteProfile

    kind = SiteKind.PROVINCE
    short_name = factory.Sequence(lambda n: f"Tỉnh {n}")
    full_name = factory.LazyAttribute(lambda profile: profile.site.root_page.title)


class SiteFactory(wagtail_factories.SiteFactory):
    """A province site: its own home page under the tree's root, ``<slug>.localhost`` on port 80, a profile.

    Only the home page: the standard sections come from ``bootstrap_portal``, which the tests don't rerun.
    """

    class Meta:
        skip_postgeneration_save = True  # the profile is a row of its own: nothing of the site changes

    class Params:
        slug = factory.Sequence(lambda n: f"tinh{n}")
        name = factory.Sequence(lambda n: f"Tỉnh {n}")

    hostname = factory.LazyAttribute(lambda site: f"{site.slug}.localhost")
    port = 80
    site_name = ""
    root_page = factory.LazyAttribute(
        lambda site: Page.get_first_root_node().add_child(
            instance=HomePage(title=f"Bảo hiểm xã hội tỉnh {site.name}", slug=site.slug)
        )
    )
    profile = factory.RelatedFactory(
        SiteProfileFactory, factory_related_name="site", short_name=factory.SelfAttribute("..name")
    )
