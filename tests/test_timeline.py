"""Timeline labels: a generated 60-capture history of one page, and one case per label."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from checker.read.normalize import normalize
from checker.judge.timeline import LABELS, History, history

START = datetime(2024, 1, 1, 6, 30)
DAYS = 60


def capture_date(day: int) -> datetime:
    """The capture time of day `day` of the series."""
    return START + timedelta(days=day)


def page(day: int) -> list[str]:
    """The boilerplate lines of the page captured on `day` (raw, as a converter printed them).

    * line 0: a phone number, legitimately updated on day 20 and never changed back;
    * line 1: a member count that flaps between 6 and 7 on days 30-34, then is 6 again;
    * line 2: a footer whose `©` an encoding fault shows as `??` on days 45 and 46, then fixed;
    * line 3: a menu whose spacing changes on some days (whitespace only).
    """
    phone = "Call us: 555-0100" if day < 20 else "Call us: 555-0199"
    members = "Members: 7" if day in (30, 32, 34) else "Members: 6"
    footer = "?? 2024 Example Ltd" if day in (45, 46) else "© 2024 Example Ltd"
    menus = ("Home | About | Contact", "Home  |  About |\tContact", " Home | About | Contact ")
    return [phone, members, footer, menus[day * 7 % 3]]


def series(slot: int) -> list[tuple[datetime, str]]:
    """One slot's normalized timeline over the 60 captures."""
    return [(capture_date(day), normalize(page(day)[slot])) for day in range(DAYS)]


def test_generated_series_labels() -> None:
    labels = [history(series(slot)).label for slot in range(4)]
    assert labels == ["update", "flapping", "glitch", None]


def test_generated_update() -> None:
    story = history(series(0))
    assert story.current == "Call us: 555-0199" and story.since == capture_date(20)
    assert story.stale == {"Call us: 555-0100": (0, None)}


def test_generated_flapping_and_glitch_keep_the_old_value() -> None:
    flap, glitch = history(series(1)), history(series(2))
    assert flap.current == "Members: 6" and flap.since == capture_date(35) and flap.stale == {}
    assert glitch.current == "© 2024 Example Ltd" and glitch.since == capture_date(47)
    assert glitch.stale == {}


def test_generated_whitespace_flips_are_no_change() -> None:
    raw = {page(day)[3] for day in range(DAYS)}
    assert len(raw) == 3  # the raw lines differ ...
    story = history(series(3))  # ... but normalized they are equal
    assert story == History(None, "Home | About | Contact", capture_date(0), {})


def test_flapping_that_settles_on_the_new_value() -> None:
    values = ["Members: 6"] * 30 + ["Members: 7", "Members: 6"] * 2 + ["Members: 7"] * 26
    story = history([(capture_date(i), v) for i, v in enumerate(values)])
    assert story.label == "flapping" and story.current == "Members: 7"
    assert story.stale == {"Members: 6": (2, capture_date(31))}


def test_straggler_after_an_update() -> None:
    values = ["old"] * 20 + ["new"] * 3 + ["old"] + ["new"] * 36
    story = history([(capture_date(i), v) for i, v in enumerate(values)])
    assert story.label == "straggler" and story.current == "new"
    assert story.since == capture_date(24)
    assert story.stale == {"old": (1, capture_date(23))}


def run(text: str, stable: int = 3) -> History:
    """The history of a series written as space-separated values, one capture a day."""
    return history([(capture_date(i), v) for i, v in enumerate(text.split())], stable=stable)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("A", None),
        ("A A A A", None),
        ("A A A B B B", "update"),
        ("A B", "update"),
        ("A A A A B B", "update"),  # a change at the end, not yet settled
        ("A A A X B B B", "update"),  # through an intermediate value
        ("A B B B C C C", "update"),  # two updates
        ("A B A B", "flapping"),
        ("A A B A B B", "flapping"),
        ("A A A B A B A B B B", "flapping"),
        ("A A A X A X A A A", "flapping"),  # the same odd value twice without settling
        ("A A A B B A B B B", "straggler"),  # one A against two B after the change
        ("A A A B B A B B A B B B", "straggler"),
        ("A A A B B B B A B B B", "straggler"),  # a superseded value
        ("A A A B B B A", "straggler"),  # a short return at the end is not yet a regression
        ("A A A B B B A A A", "regression"),
        ("A A A B B B A A A B B B", "regression"),  # regressed, then fixed again
        ("A B B B A A A", "regression"),  # the first run counts as settled
        ("A A A X X A A A", "glitch"),
        ("A A A X Y A A A", "glitch"),
        ("A A A X A A A X A A A", "glitch"),  # repeated, but separated by settled runs
        ("A A A X A B B B", "glitch"),  # a glitch, then an update: the glitch wins
        ("A A A B B A", "glitch"),  # B never settled and A is back
    ],
)
def test_labels(text: str, label: str | None) -> None:
    story = run(text)
    assert story.label == label
    assert story.label is None or story.label in LABELS


@pytest.mark.parametrize(
    ("text", "stable", "current", "since"),
    [
        ("A A A B B B", 3, "B", 3),
        ("A A A B B", 3, "A", 0),  # B is not stable yet
        ("A A B B", 3, "B", None),  # nothing stable: the last value
        ("A A B B", 2, "B", 2),
        ("A A A B B A B B B", 3, "B", 6),
        ("A A A B B B A", 3, "B", 3),
    ],
)
def test_current_and_since(text: str, stable: int, current: str, since: int | None) -> None:
    story = run(text, stable)
    assert story.current == current
    assert story.since == (None if since is None else capture_date(since))


def test_equal_values_and_empty() -> None:
    assert run("same same same").label is None
    assert history([]) == History(None, None, None, {})


def test_stable_must_be_positive() -> None:
    with pytest.raises(ValueError):
        run("A B", 0)
