"""Prebuilt SQLAlchemy statements run straight on the SQLite driver's cursor.

SQLAlchemy's per-call work (binding parameters, expanding IN lists, building result
objects) costs 15-70 µs a statement, more than SQLite's own work for most of the ~12
statements a document needs. ``RawStatement`` compiles a statement once (per IN-list length)
into the driver's SQL and the order of its positional parameters; ``Store._rows`` and
``Store._write`` use it inside an open transaction on SQLite and fall back to SQLAlchemy
otherwise. tests/test_store.py checks each statement returns what SQLAlchemy returns.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any


@lru_cache(maxsize=None)
def column_names(stmt: Any) -> tuple[str, ...]:
    """The result column names of a prebuilt SELECT, in order."""
    return tuple(c.key for c in stmt.selected_columns)


def sql_value(value: Any) -> Any:
    """A parameter as SQLAlchemy's SQLite dialect stores it: dates as ``YYYY-MM-DD``."""
    if isinstance(value, date):
        return "%04d-%02d-%02d" % (value.year, value.month, value.day)
    return value


@dataclass(frozen=True)
class RawStatement:
    """A statement compiled once for the SQLite driver: its SQL (IN lists expanded to the
    lengths it was built for) and where each positional parameter comes from."""

    sql: str
    order: tuple[tuple[str, bool], ...]  # (parameter name, is an IN list)
    fixed: tuple[tuple[str, Any], ...]  # parameters the caller does not give: literals, defaults

    @classmethod
    def build(cls, stmt: Any, params: dict[str, Any], dialect: Any) -> "RawStatement | None":
        is_dml = getattr(stmt, "is_dml", False)
        compiled = stmt.compile(dialect=dialect, column_keys=list(params) if is_dml else None)
        sql = str(compiled)
        for name, value in params.items():
            if isinstance(value, (list, tuple)):
                sql = sql.replace(f"(__[POSTCOMPILE_{name}])", "(" + ", ".join("?" * len(value)) + ")")
        if "__[POSTCOMPILE_" in sql or compiled.positiontup is None:
            return None
        fixed = {}
        prefetch = {c.key: c for c in (*getattr(compiled, "insert_prefetch", ()),
                                       *getattr(compiled, "update_prefetch", ()))}
        for name in compiled.positiontup:
            if name in params:
                continue
            col = prefetch.get(name)
            bind = compiled.binds.get(name)
            if col is not None:
                if col.default is None or not col.default.is_scalar:
                    return None  # a default computed at execution: leave it to SQLAlchemy
                fixed[name] = col.default.arg
            elif bind is not None and not bind.required:
                fixed[name] = bind.effective_value
            else:
                return None
        if any(callable(v) for v in fixed.values()):
            return None
        order = tuple((name, isinstance(params.get(name), (list, tuple))) for name in compiled.positiontup)
        return cls(sql, order, tuple(fixed.items()))

    def values(self, params: dict[str, Any]) -> list[Any]:
        """The positional parameters for one execution."""
        given = {**dict(self.fixed), **params} if self.fixed else params
        out: list[Any] = []
        for name, expanding in self.order:
            value = given[name]
            if expanding:
                out.extend(map(sql_value, value))
            else:
                out.append(sql_value(value))
        return out
