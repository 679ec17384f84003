from django.apps import AppConfig


class RatingsConfig(AppConfig):
    """The anonymous satisfaction rating of procedures, published answers and content pages (seed 001)."""

    name = "ratings"
    verbose_name = "Đánh giá mức độ hài lòng"
    demo_loaders = [(90, "ratings.demo.load_ratings_demo")]

    def ready(self):
        from . import cache_tags

        cache_tags.connect()
