"""Adapters for the domain's ports: SQLAlchemy models, repositories, unit of work, migrations."""
