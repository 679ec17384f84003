from django.apps import AppConfig

from core.sections import StandardSection


class FaqConfig(AppConfig):
    """Questions from the public and requests for information: built by the Q&A issue."""

    name = "faq"
    verbose_name = "Hỏi đáp"
    standard_sections = [
        StandardSection(
            40,
            "hoi-dap",
            "Hỏi đáp",
            "faq.QuestionIndexPage",
            text_field="intro",
            demo_text=(
                "<p>Gửi câu hỏi về chính sách bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm thất nghiệp "
                "và theo dõi trả lời.</p>"
            ),
        ),
    ]
    demo_loaders = [(10, "faq.demo.load_qa_demo")]

    def ready(self):
        from . import cache_tags

        cache_tags.connect()
