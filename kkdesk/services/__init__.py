"""Use cases of the register. No Qt. Each takes a :class:`~kkdesk.services.session.DeskSession`
and returns frozen dataclasses from :mod:`kkdesk.domain`, never live database objects."""
