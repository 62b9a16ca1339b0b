"""How work is split among the worker processes: every item once, in order, the last tasks
small so that the workers finish together."""

from __future__ import annotations

import os

import pytest

from advising_content.workers import MAX_CHUNK, _parts, map_in_workers


@pytest.mark.parametrize("count", [1, 2, 7, 128, 300, 1000, 10_000])
def test_every_item_is_in_one_part_in_order_and_the_last_parts_are_small(count: int) -> None:
    parts = _parts(count, workers=2)
    assert [index for part in parts for index in part] == list(range(count))
    sizes = [len(part) for part in parts]
    assert max(sizes) <= MAX_CHUNK
    assert sizes == sorted(sizes, reverse=True)
    assert sizes[-1] == 1


def _pid_and_square(number: int) -> tuple[int, int]:
    return os.getpid(), number * number


def test_the_workers_results_come_back_in_the_order_of_the_items() -> None:
    results = map_in_workers(_pid_and_square, list(range(500)), workers=2)
    assert [square for _, square in results] == [number * number for number in range(500)]
    assert len({pid for pid, _ in results} - {os.getpid()}) == 2
