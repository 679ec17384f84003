"""The sites the bootstrapped test database has (``tests/conftest.py``), and the paths every site serves.

Hostnames follow ``<slug>.<PORTAL_DOMAIN>`` with the domain ``localhost`` the suite bootstraps with.
"""

NATIONAL = "localhost"
HANOI = "hanoi.localhost"
DANANG = "danang.localhost"
HAIPHONG = "haiphong.localhost"

NATIONAL_NAME = "Bảo hiểm xã hội Việt Nam"
HANOI_NAME = "Bảo hiểm xã hội thành phố Hà Nội"

# The standard sections (seed 003) at the same path on every site.
NEWS = "/tin-tuc-su-kien/"
DOCUMENTS = "/van-ban-thu-tuc-hanh-chinh/"
