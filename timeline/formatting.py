"""Dates shown at the precision the sources give them, never finer, in the active language."""

import calendar
import datetime

from django.utils import dateformat
from django.utils.translation import pgettext

# Month abbreviations come from Django's translated calendar ("Mei", "Agu" in Indonesian).


def _qualified(qualifier: str, label: str) -> str:
    if qualifier == "early":
        return pgettext("date qualifier", "early %(date)s") % {"date": label}
    if qualifier == "mid":
        return pgettext("date qualifier", "mid %(date)s") % {"date": label}
    return pgettext("date qualifier", "late %(date)s") % {"date": label}


def _month(day: datetime.date, with_year: bool = True) -> str:
    return dateformat.format(day, "M Y" if with_year else "M")


def _last_day_of_month(day: datetime.date) -> datetime.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def _unit_label(day: datetime.date, precision: str) -> str:
    if precision == "decade":
        return pgettext("date", "%(decade)ss") % {"decade": day.year // 10 * 10}
    if precision == "year":
        return f"{day.year}"
    if precision == "quarter":
        return pgettext("date", "Q%(quarter)s %(year)s") % {"quarter": (day.month - 1) // 3 + 1, "year": day.year}
    if precision == "season":
        seasons = {
            3: pgettext("season", "spring"),
            6: pgettext("season", "summer"),
            9: pgettext("season", "autumn"),
            12: pgettext("season", "winter"),
        }
        season = seasons.get(day.month, pgettext("season", "season"))
        return f"{season} {day.year}"
    if precision == "month":
        return _month(day)
    if precision == "week":
        iso = day.isocalendar()
        return pgettext("date", "week %(week)s of %(year)s") % {"week": iso.week, "year": iso.year}
    return f"{day.day} {_month(day)}"


def _unit_end(day: datetime.date, precision: str) -> datetime.date:
    if precision == "decade":
        return datetime.date(day.year // 10 * 10 + 9, 12, 31)
    if precision == "year":
        return datetime.date(day.year, 12, 31)
    if precision in {"quarter", "season"}:
        return _last_day_of_month(_add_months(day, 2))
    if precision == "month":
        return _last_day_of_month(day)
    if precision == "week":
        return day + datetime.timedelta(days=6 - day.weekday())
    return day


def _add_months(day: datetime.date, months: int) -> datetime.date:
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def format_date_span(
    start: datetime.date, end: datetime.date | None, precision: str, qualifier: str = ""
) -> str:
    """'15 Jun 2022', 'Feb 2022', 'early 2021', '20–22 Mar 2023', 'Mar 2022 – Jun 2022'."""
    end = end or start
    label = _unit_label(start, precision)
    if qualifier in ("early", "mid", "late"):
        return _qualified(qualifier, label)
    if end <= _unit_end(start, precision):
        return label
    if precision == "day":
        if (start.year, start.month) == (end.year, end.month):
            return f"{start.day}–{end.day} {_month(end)}"
        if start.year == end.year:
            return f"{start.day} {_month(start, with_year=False)} – {end.day} {_month(end)}"
    return f"{label} – {_unit_label(end, precision)}"
