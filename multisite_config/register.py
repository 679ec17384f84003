"""The register of provincial-level units (a data file) read into plain records."""

import json
from dataclasses import dataclass, field
from pathlib import Path

REGISTER_FILE = Path(__file__).with_name("provinces.json")
NATIONAL_CODE = "00"


@dataclass(frozen=True)
class Unit:
    """One site's unit as the register describes it."""

    code: str
    name: str
    slug: str
    kind: str  # "national", "city" or "province"
    merged_from: tuple = field(default_factory=tuple)
    address: str = ""  # the seat: where the unit's office is, which after a merger may lie in a merged-in province
    phone: str = ""  # the unit's own hotline, when it has one

    @property
    def is_national(self):
        return self.kind == "national"

    @property
    def full_name(self):
        if self.is_national:
            return "Bảo hiểm xã hội Việt Nam"
        if self.name == "Hồ Chí Minh":
            return "Bảo hiểm xã hội Thành phố Hồ Chí Minh"
        prefix = "thành phố" if self.kind == "city" else "tỉnh"
        return f"Bảo hiểm xã hội {prefix} {self.name}"

    @property
    def short_name(self):
        return "Toàn quốc" if self.is_national else self.name


def load_register(path=REGISTER_FILE):
    """(national unit, provincial units in register order) from the data file."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    national_row = data["national"]
    national = Unit(
        code=national_row["code"],
        name=national_row["name"],
        slug="",
        kind="national",
        address=national_row.get("address", ""),
        phone=national_row.get("phone", ""),
    )
    units = [
        Unit(
            code=row["code"],
            name=row["name"],
            slug=row["slug"],
            kind=row["kind"],
            merged_from=tuple(row.get("merged_from", ())),
            address=row.get("address", ""),
            phone=row.get("phone", ""),
        )
        for row in data["units"]
    ]
    _check_unique(units)
    return national, units


def _check_unique(units):
    for attr in ("code", "slug", "name"):
        values = [getattr(unit, attr) for unit in units]
        duplicates = {value for value in values if values.count(value) > 1}
        if duplicates:
            raise ValueError(f"Danh mục tỉnh có {attr} trùng: {sorted(duplicates)}")
