"""Read queries answer with frozen dataclasses, not driver rows: a row's columns become the fields of the
same names, so a caller never indexes a mapping by a string."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import fields
from typing import TYPE_CHECKING, TypeVar

from sqlalchemy.engine import RowMapping

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

Row = TypeVar("Row", bound="DataclassInstance")


def typed(cls: type[Row], rows: Iterable[RowMapping]) -> list[Row]:
    """Each row as a `cls`, from the columns named like its fields."""
    names = [f.name for f in fields(cls)]
    return [cls(**{name: row[name] for name in names}) for row in rows]
