"""Choosing courses by certification, cycle, dates and category, for listings and exports (see
services.course_selection): the command tree's side."""

from typing import Any, Optional

import typer

from peertrack.commands.common import open_existing
from peertrack.domain.models import Course
from peertrack.services import clock
from peertrack.services.course_selection import CYCLES, cycle_window
from peertrack.services.course_selection import course_filters as filters_for
from peertrack.storage.courses import find_courses

__all__ = ["CYCLES", "course_filters", "cycle_window", "select_courses"]


def select_courses(ctx: typer.Context, *, cert: Optional[str], cycle: str, since: Optional[str] = None,
                   until: Optional[str] = None, category: Optional[str] = None,
                   with_credits: bool = True) -> list[Course]:
    conn, filters = course_filters(ctx, cert=cert, cycle=cycle, since=since, until=until, category=category)
    return [] if conn is None else find_courses(conn, **filters, with_credits=with_credits)


def course_filters(ctx: typer.Context, *, cert: Optional[str], cycle: str, since: Optional[str] = None,
                   until: Optional[str] = None, category: Optional[str] = None) -> tuple[Any, dict[str, Any]]:
    """The open database (None before the first record) and the filters for storage.stream_courses."""
    conn = open_existing(ctx)
    filters = filters_for(conn, clock.today(), cert=cert, cycle=cycle, since=since, until=until, category=category)
    return conn, filters or {}
