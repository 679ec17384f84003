from .pages import ContactPage  # noqa: F401
from .reception import (  # noqa: F401
    ReceptionKind,
    ReceptionLog,
    ReceptionMode,
    ReceptionSchedule,
    ReceptionSettings,
)
from .units import Leader, Unit  # noqa: F401
