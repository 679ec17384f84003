"""What every error answer of the portal API carries, and the published schema the API is checked against."""

from pathlib import Path

PROBLEM_KEYS = {"type", "title", "status", "detail", "errors"}
# The OpenAPI schema as published (tests/api/test_openapi.py keeps it current; schemathesis fuzzes against it).
OPENAPI_SNAPSHOT = Path(__file__).resolve().parents[1] / "api" / "openapi_snapshot.json"
