"""A database's address (SQLAlchemy's ``URL``), named for services without importing
SQLAlchemy; :mod:`kkdesk.store.database` resolves and checks them."""

from sqlalchemy.engine import URL

__all__ = ["URL"]
