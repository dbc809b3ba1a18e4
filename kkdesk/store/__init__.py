"""Storage: SQLAlchemy models, engines and sessions, repositories, Alembic migrations.

No Qt here. Everything leaves this package as plain data from :mod:`kkdesk.domain`.
"""
