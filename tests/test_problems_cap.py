"""One mistake repeated in every item of a huge list is shown a few times, then counted."""

from __future__ import annotations

from ridsite.model.problems import Problems


def test_repeated_messages_are_capped_with_how_many_more():
    problems = Problems()
    for i in range(100_000):
        problems.add("data/positions/x.yml", 4, 10 + i, f"actors[{i}]", f"unknown actor 'a{i}'")
    problems.add("data/positions/y.yml", 1, 1, "", "another problem")
    lines = problems.report().splitlines()
    assert len(lines) == 23
    assert lines[19] == "data/positions/x.yml:4:29: actors[19]: unknown actor 'a19'"
    assert lines[20] == "data/positions/x.yml: actors[*]: … and 99,980 more like the ones above"
    assert lines[21:] == [
        "data/positions/y.yml:1:1: another problem",
        "100,001 errors found in the records; nothing was built.",
    ]


def test_a_few_problems_are_all_shown():
    problems = Problems()
    for i in range(20):
        problems.add("data/positions/x.yml", 4, 10 + i, f"actors[{i}]", "unknown actor")
    assert len(problems.report().splitlines()) == 21
