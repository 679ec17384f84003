"""What every error answer of the portal API carries (RFC 9457 problem details plus the field errors)."""

PROBLEM_KEYS = {"type", "title", "status", "detail", "errors"}
