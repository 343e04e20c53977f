"""
Growth measurement for the regex-growth tests (imported as a plain module).

A cost is "linear in practice" when doubling the input at most ~2.5x its time. Timings are
the minimum of a few runs; only doublings whose runs both cost more than a floor count,
and their geometric mean decides, so that scheduler noise on a busy 2-core machine cannot
fail a linear pattern while a quadratic (4x per doubling) or exponential one fails at
once, long before it could hang.
"""

import statistics
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

FLOOR_SECONDS = 0.02  # below this a run is too short to time reliably
MAX_RATIO = 2.5  # per doubling: linear is 2, quadratic 4
STOP_SECONDS = 0.25  # a run this slow ends the series (it is then judged)


@dataclass(frozen=True)
class Growth:
    """The worst doubling seen in one series."""

    sizes: tuple[int, ...]
    seconds: tuple[float, ...]
    ratio: float  # mean t(2n) / t(n) over the doublings that can be timed, else 0

    @property
    def linear(self) -> bool:
        return self.ratio <= MAX_RATIO


def _time(run: Callable[[str], object], text: str, repeats: int, stop: float) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        run(text)
        best = min(best, time.perf_counter() - start)
        if best > stop:
            break
    return best


def measure(
    run: Callable[[str], object], make: Callable[[int], str], **options: int
) -> Growth:
    """
    ``series`` once, and up to twice more while it looks super-linear: a real quadratic
    or exponential cost shows in every series, a burst of machine noise seldom in three
    in a row (one CI run saw a linear pattern at 2.6 twice).
    """
    best = series(run, make, **options)
    for _ in range(2):
        if best.linear:
            break
        best = min(best, series(run, make, **options), key=lambda g: g.ratio)
    return best


def series(
    run: Callable[[str], object],
    make: Callable[[int], str],
    *,
    start: int = 16,
    limit: int = 1 << 16,
    repeats: int = 3,
    stop: float = STOP_SECONDS,
) -> Growth:
    """
    Time ``run`` on ``make(n)`` for n = start, 2*start, ... up to ``limit`` characters.

    The series stops at the first run slower than ``stop`` (STOP_SECONDS unless a test
    times a whole pipeline), so an exponential pattern costs at most a few of those.
    The growth is the geometric mean ratio of the doublings whose runs are both long
    enough to time (a real super-linear cost shows in every doubling; a burst of noise
    in one), or whose larger run is slower than ``stop``.
    """
    sizes: list[int] = []
    seconds: list[float] = []
    ratios: list[float] = []
    n = start
    while n <= limit:
        took = _time(run, make(n), repeats, stop)
        # a doubling counts once both runs are long enough to time, or when the larger
        # one is so slow that no noise explains it
        if seconds and (seconds[-1] >= FLOOR_SECONDS or took > stop):
            ratios.append(took / max(seconds[-1], 1e-9))
        sizes.append(n)
        seconds.append(took)
        if took > stop:
            break
        n *= 2
    growth = statistics.geometric_mean(ratios) if ratios else 0.0
    return Growth(tuple(sizes), tuple(seconds), growth)
