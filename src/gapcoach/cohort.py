"""
The data of a batch: one ``BatchResult`` per input, and the ``Cohort`` counters and small
per-person summaries the team view is drawn from (memory stays bounded however many
people there are). Both ``batch`` (which runs the work) and ``render`` (which draws the
team view) import it; it imports neither.
"""

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from gapcoach.models import Assessment

__all__ = ["BatchResult", "Cohort", "PersonSummary"]


@dataclass(frozen=True)
class BatchResult:
    """
    The outcome for one input: its assessment, or the error that stopped it.
    """

    path: str
    assessment: Assessment | None
    error: str | None = None


@dataclass
class PersonSummary:
    """
    What the team view keeps of one person for one role.
    """

    file: str
    role_id: str
    readiness: float
    band: str
    top_gap: str | None


_KEEP_PEOPLE = 10


@dataclass
class Cohort:
    """
    Counters and small summaries for the team picture, updated one result at a time.
    """

    n_files: int = 0
    n_failed: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    bands: Counter[tuple[str, str]] = field(default_factory=Counter)
    readiness_sum: Counter[str] = field(default_factory=Counter)
    readiness_n: Counter[str] = field(default_factory=Counter)
    gaps: Counter[tuple[str, str]] = field(default_factory=Counter)
    gap_names: dict[str, str] = field(default_factory=dict)
    role_titles: dict[str, str] = field(default_factory=dict)
    people: list[PersonSummary] = field(default_factory=list)
    histogram: Counter[tuple[str, int]] = field(default_factory=Counter)

    def add(self, result: BatchResult) -> None:
        """
        Count one result.
        """
        self.n_files += 1
        if result.assessment is None:
            self.n_failed += 1
            self.failures.append((result.path, result.error or "unknown error"))
            return
        for item in result.assessment.assessments:
            self.role_titles[item.role_id] = item.role_title
            self.bands[(item.role_id, item.band)] += 1
            self.readiness_sum[item.role_id] += round(item.readiness * 100)
            self.readiness_n[item.role_id] += 1
            self.histogram[(item.role_id, min(int(item.readiness // 10), 9))] += 1
            for gap in item.gaps[:3]:
                self.gaps[(item.role_id, gap.skill_id)] += 1
                self.gap_names[gap.skill_id] = gap.name
            self.people.append(
                PersonSummary(
                    file=Path(result.path).name,
                    role_id=item.role_id,
                    readiness=item.readiness,
                    band=item.band,
                    top_gap=item.gaps[0].name if item.gaps else None,
                )
            )
        if len(self.people) > _KEEP_PEOPLE * 4:
            self._trim()

    def _trim(self) -> None:
        """
        Keep only the people who can still be among the closest: memory stays bounded.
        """
        kept: list[PersonSummary] = []
        for role_id in sorted({p.role_id for p in self.people}):
            kept.extend(self.closest(role_id, _KEEP_PEOPLE))
        self.people = kept

    def mean(self, role_id: str) -> float:
        """
        Mean readiness of the people assessed for a role.
        """
        n = self.readiness_n[role_id]
        return self.readiness_sum[role_id] / 100 / n if n else 0.0

    def common_gaps(self, role_id: str, n: int = 5) -> list[tuple[str, int]]:
        """
        The gaps most often among a person's top three, by skill name and count.
        """
        counts = [
            (skill, c) for (role, skill), c in self.gaps.items() if role == role_id
        ]
        counts.sort(key=lambda item: (-item[1], item[0]))
        return [(self.gap_names[skill], count) for skill, count in counts[:n]]

    def closest(self, role_id: str, n: int = _KEEP_PEOPLE) -> list[PersonSummary]:
        """
        The people closest to being ready for a role.
        """
        people = [p for p in self.people if p.role_id == role_id]
        people.sort(key=lambda p: (-p.readiness, p.file))
        return people[:n]
