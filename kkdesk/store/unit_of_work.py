"""The unit-of-work handle services pass to store functions, named without importing SQLAlchemy."""

from sqlalchemy.orm import Session

__all__ = ["Session"]
