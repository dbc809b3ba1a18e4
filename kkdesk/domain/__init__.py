"""The register's domain: plain Python data and rules. No Qt, no SQLAlchemy."""
