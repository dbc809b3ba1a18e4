"""Signing in to a central database: connection profiles, the OS keyring, password prompts.

No Qt and no database access here: :mod:`kkdesk.services.login` and
:func:`kkdesk.services.session.open_session` put these pieces together with the store.
Passwords live only in the OS keyring (service ``kkdesk``), never in a settings file, a log,
a command line or an environment dump.
"""
