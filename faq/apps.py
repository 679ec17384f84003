from django.apps import AppConfig


class FaqConfig(AppConfig):
    """Questions from the public and requests for information: built by the Q&A issue."""

    name = "faq"
    verbose_name = "Hỏi đáp"
