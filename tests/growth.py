"""
Growth measurement for the regex-growth tests (imported as a plain module).

A cost is "linear in practice" when doubling the input at most ~2.5x its time. Timings are
taken as the minimum of a few runs, and only once a run costs more than a floor, so that
scheduler noise on a busy 2-core machine cannot fail a linear pattern while a quadratic
(4x per doubling) or exponential one fails at once, long before it could hang.
"""

import time
from collections.abc import Callable
from dataclasses import dataclass

# Adversarial inputs: runs of the characters that patterns of a resume reader repeat.
ADVERSARIAL: dict[str, Callable[[int], str]] = {
    "dashes": lambda n: "Led " + "-" * n + " x",
    "dash-words": lambda n: "Led " + "- a " * (n // 4) + "!",
    "slashes": lambda n: "a/" * (n // 2) + "!",
    "digits": lambda n: "1" * n + "x",
    "dotted-digits": lambda n: "1." * (n // 2) + "x",
    "digit-words": lambda n: "1 of " * (n // 5) + "x",
    "letters": lambda n: "a" * n + "1",
    "words": lambda n: "like " * (n // 5) + "x",
    "commas": lambda n: "a, " * (n // 3) + "x",
    "spaces": lambda n: "x" + " " * n + "1",
    "punctuation": lambda n: "-/ ,;:" * (n // 6) + "x",
    "dots": lambda n: "." * n + "x",
    "parentheses": lambda n: "(" * n + "x",
    "colons": lambda n: "a:" * (n // 2) + "x",
    "dates": lambda n: "2019 - " * (n // 7) + "x",
    "capitals": lambda n: "Call Center " * (n // 12) + "x",
    "newlines": lambda n: "a\n" * (n // 2) + "x",
    "quotes": lambda n: "'\"" * (n // 2) + "x",
}

FLOOR_SECONDS = 0.008  # below this a run is too short to time reliably
MAX_RATIO = 2.5  # per doubling: linear is 2, quadratic 4
STOP_SECONDS = 0.25  # a run this slow ends the series (it is then judged)


@dataclass(frozen=True)
class Growth:
    """The worst doubling seen in one series."""

    sizes: tuple[int, ...]
    seconds: tuple[float, ...]
    ratio: float  # the largest t(2n) / t(n) where t(2n) >= FLOOR_SECONDS, else 0

    @property
    def linear(self) -> bool:
        return self.ratio <= MAX_RATIO


def _time(run: Callable[[str], object], text: str, repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        run(text)
        best = min(best, time.perf_counter() - start)
        if best > STOP_SECONDS:
            break
    return best


def measure(
    run: Callable[[str], object],
    make: Callable[[int], str],
    *,
    start: int = 16,
    limit: int = 1 << 16,
    repeats: int = 3,
) -> Growth:
    """
    ``series`` once, and once more when it looks super-linear: a real quadratic or
    exponential cost shows in both runs, a burst of machine noise seldom does twice.
    """
    first = series(run, make, start=start, limit=limit, repeats=repeats)
    if first.linear:
        return first
    second = series(run, make, start=start, limit=limit, repeats=repeats)
    return min(first, second, key=lambda growth: growth.ratio)


def series(
    run: Callable[[str], object],
    make: Callable[[int], str],
    *,
    start: int = 16,
    limit: int = 1 << 16,
    repeats: int = 3,
) -> Growth:
    """
    Time ``run`` on ``make(n)`` for n = start, 2*start, ... up to ``limit`` characters.

    The series stops at the first run slower than STOP_SECONDS, so an exponential
    pattern costs at most a few of those. A pair that looks super-linear is timed again
    (minimum of more runs, over two doublings) before it counts.
    """
    sizes: list[int] = []
    seconds: list[float] = []
    worst = 0.0
    n = start
    while n <= limit:
        took = _time(run, make(n), repeats)
        sizes.append(n)
        seconds.append(took)
        if len(seconds) >= 2 and took >= FLOOR_SECONDS:
            ratio = took / max(seconds[-2], 1e-9)
            if ratio > MAX_RATIO and took < STOP_SECONDS:
                # confirm over two doublings with more runs: noise rarely inflates both
                before = _time(run, make(n // 2), repeats + 2)
                after = _time(run, make(n * 2), repeats + 2)
                ratio = (after / max(before, 1e-9)) ** 0.5
            worst = max(worst, ratio)
        if took > STOP_SECONDS:
            break
        n *= 2
    return Growth(tuple(sizes), tuple(seconds), worst)
