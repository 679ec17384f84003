"""Copies of the bootstrapped test database for server processes the suite starts (gunicorn, a second node).

A server cannot see the suite's test database (its rows live in transactions that roll back) and
live_server would flush it, so it gets a copy: SQLite's backup API for the suite's in-memory SQLite,
``CREATE DATABASE … TEMPLATE`` for PostgreSQL.
"""

import sqlite3
from contextlib import contextmanager
from urllib.parse import quote

from django.db import connection

from bench import submissions


@contextmanager
def sqlite_copy(directory):
    """The suite's database as a file, through SQLite's backup API (it copies an in-memory database too)."""
    path = directory / "db.sqlite3"
    connection.ensure_connection()
    target = sqlite3.connect(path)
    try:
        connection.connection.backup(target)
    finally:
        target.close()
    yield f"sqlite:///{path}"


@contextmanager
def postgresql_copy(suffix="copy"):
    """A database cloned from the suite's test database on the same server, dropped afterwards.

    A template must have no other session, so the suite's own connection is closed first (Django reopens
    it on the next query).
    """
    settings = connection.settings_dict
    password = f":{quote(settings['PASSWORD'], safe='')}" if settings["PASSWORD"] else ""
    server = (
        f"postgres://{quote(settings['USER'], safe='')}{password}@{settings['HOST'] or 'localhost'}"
        f":{settings['PORT'] or 5432}/postgres"
    )
    connection.close()
    with submissions.postgresql_database(server, f"{settings['NAME']}_{suffix}", template=settings["NAME"]) as url:
        yield url


@contextmanager
def database_copy(directory, suffix):
    """A copy of the suite's database on its own engine: a file in ``directory`` or a clone on the server."""
    copy = postgresql_copy(suffix) if connection.vendor == "postgresql" else sqlite_copy(directory)
    with copy as url:
        yield url
