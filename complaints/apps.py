from django.apps import AppConfig


class ComplaintsConfig(AppConfig):
    """The complaint-handling record of seed 004 (a database networked across the sector)."""

    name = "complaints"
    verbose_name = "Khiếu nại, tố cáo"
    demo_loaders = [(30, "complaints.demo.load_complaints_demo")]
