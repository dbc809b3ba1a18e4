"""Statements of the hot paths run straight on the embedded SQLite driver.

Search as you type runs up to three indexed statements and one audit insert per keystroke.
On the embedded register each of those statements costs SQLite some 0.05 ms, and
SQLAlchemy's work around it (the compiled-cache look-up, the execution context, the
result's set-up) some 0.2 ms more; with the rows built into objects, kkdesk's word search
took 2–5× the bare statement with its audit rows (bench/bench_find.py, issue 12). Here a
statement is compiled once per dialect, its parameters' order and type processing worked
out once, and it runs on the driver cursor of the caller's own connection, so it takes
part in the caller's transaction as before. A driver error is wrapped the way SQLAlchemy
wraps it, so :mod:`kkdesk.store.errors` classifies it the same.

Only a connection of an engine made with the execution option :data:`DIRECT` goes this
way: the embedded register's (:class:`kkdesk.store.database.Database`), whose engine has
no listeners to bypass. An offline snapshot's engine diverts its audit rows with
SQLAlchemy events (:mod:`kkdesk.store.memory_db`), so its statements keep going through
SQLAlchemy. On PostgreSQL a statement is a network round trip, which costs
more than SQLAlchemy's work, and the server's plans are what matter there
(tests/integration/test_search_plans.py): those statements go through SQLAlchemy as before.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Connection
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import Dialect
from sqlalchemy.sql import ClauseElement, Executable
from sqlalchemy.sql.compiler import SQLCompiler

# The engine-wide execution option that allows the driver's cursor to be used directly.
DIRECT = "kkdesk_direct_sqlite"


def _direct(conn: Connection) -> bool:
    return conn.dialect.name == "sqlite" and bool(conn.get_execution_options().get(DIRECT))


@dataclass(frozen=True)
class _Prepared:
    sql: str
    names: tuple[str, ...]  # the bind parameters in the order of the statement's "?"
    constants: dict[str, Any]  # values the statement itself carries (literals, defaults)
    processors: dict[str, Callable[[Any], Any]]  # bind type processing (a datetime)


_cache: dict[tuple[int, str, tuple[str, ...]], tuple[Executable, _Prepared | None]] = {}


def _prepare(statement: Executable, dialect: Dialect, keys: tuple[str, ...]) -> _Prepared | None:
    """The statement compiled for ``dialect``, or None if it needs SQLAlchemy at run time
    (parameters expanded per call, or result values that need type processing)."""
    key = (id(statement), dialect.name, keys)
    hit = _cache.get(key)
    if hit is not None and hit[0] is statement:
        return hit[1]
    compiled = cast(
        SQLCompiler,
        cast(ClauseElement, statement).compile(dialect=dialect, column_keys=list(keys) or None),
    )
    names = tuple(compiled.positiontup or ())
    prepared: _Prepared | None = _Prepared(
        sql=compiled.string,
        names=names,
        constants={
            name: compiled.binds[name].effective_value
            for name in set(names)
            if not compiled.binds[name].required
        },
        processors={
            name: proc
            for name in set(names)
            if (proc := _impl(compiled.binds[name].type, dialect).bind_processor(dialect))
            is not None
        },
    )
    needs_results = any(
        _impl(column[3], dialect).result_processor(dialect, None) is not None
        for column in getattr(compiled, "_result_columns", ())
    )
    if "POSTCOMPILE" in compiled.string or needs_results or not dialect.positional:
        prepared = None
    # Statements are module-level constants (built once per kind of query): the cache
    # holds the statement itself, so an id is never reused for another one.
    _cache[key] = (statement, prepared)
    return prepared


def _impl(type_: Any, dialect: Dialect) -> Any:
    return type_.dialect_impl(dialect)


def _args(
    prepared: _Prepared, params: Mapping[str, Any], done: dict[tuple[str, int], Any] | None = None
) -> tuple[Any, ...]:
    """The statement's parameters in order, type-processed. ``done`` remembers processed
    values across the rows of one call: a page's audit rows share one timestamp object."""
    values = {**prepared.constants, **params} if prepared.constants else params
    out = []
    for name in prepared.names:
        value = values[name]
        proc = prepared.processors.get(name)
        if proc is not None and value is not None:
            if done is None:
                value = proc(value)
            elif (key := (name, id(value))) in done:
                value = done[key]
            else:
                value = done[key] = proc(value)
        out.append(value)
    return tuple(out)


def _wrapped(conn: Connection, sql: str, args: Any, exc: Exception) -> sa_exc.StatementError:
    dbapi = conn.dialect.loaded_dbapi
    return sa_exc.DBAPIError.instance(sql, args, exc, dbapi.Error)


def rows(
    conn: Connection, statement: Executable, params: Mapping[str, Any]
) -> Sequence[Sequence[Any]]:
    """All rows of a SELECT, each indexable by its column's position."""
    prepared = _prepare(statement, conn.dialect, ()) if _direct(conn) else None
    if prepared is None:
        return conn.execute(statement, dict(params)).all()
    args = _args(prepared, params)
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(prepared.sql, args)
        found: list[Any] = cursor.fetchall()
    except conn.dialect.loaded_dbapi.Error as exc:
        raise _wrapped(conn, prepared.sql, args, exc) from exc
    finally:
        cursor.close()
    return found


def insert_many(conn: Connection, statement: Executable, values: list[dict[str, Any]]) -> None:
    """An INSERT run once per dict of ``values`` (every dict with the same keys)."""
    if not values:
        return
    keys = tuple(values[0])
    prepared = _prepare(statement, conn.dialect, keys) if _direct(conn) else None
    if prepared is None:
        conn.execute(statement, values)
        return
    done: dict[tuple[str, int], Any] = {}  # the values stay alive: ids are not reused
    args = [_args(prepared, v, done) for v in values]
    try:
        conn.connection.driver_connection.executemany(prepared.sql, args)  # type: ignore[union-attr]
    except conn.dialect.loaded_dbapi.Error as exc:
        raise _wrapped(conn, prepared.sql, args, exc) from exc
