"""What every error answer of the portal API carries, and the published schema the API is checked against."""

from pathlib import Path

PROBLEM_KEYS = {"type", "title", "status", "detail", "errors"}
# The OpenAPI schema as published (tests/api/test_openapi.py keeps it current; schemathesis fuzzes against it).
OPENAPI_SNAPSHOT = Path(__file__).resolve().parents[1] / "api" / "openapi_snapshot.json"
# pydantic's English (core/api/validation_messages.py translates it), which no error answer may carry.
ENGLISH = ("Input should", "Field required", "Value error", "String should", "valid ", "Extra inputs")


def assert_vietnamese(messages):
    """Each message is Vietnamese: none of pydantic's English, and diacritics, which every Vietnamese sentence has."""
    for text in messages:
        assert not any(word in text for word in ENGLISH), text
        assert any(ord(char) > 127 for char in text), text
