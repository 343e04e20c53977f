"""
How a self-rating and the resume's evidence make one level (``combine_levels``).
"""


def combine_levels(
    resume_level: int, rating_level: int | None, *, has_resume: bool
) -> tuple[int, str]:
    """
    Merge resume evidence and a self-rating into one level, and say how.

    A rating may lift a skill at most one level above what the resume shows (a resume
    that shows nothing allows a rating of at most 1); a rating below the resume never
    lowers it. Without a resume the rating stands alone. Both inputs are monotone: a
    higher resume level or rating never lowers the result.

    Returns:
        The combined level and a one-line explanation that keeps any disagreement visible.
    """
    if rating_level is None:
        return resume_level, f"resume {resume_level}"
    if not has_resume:
        return rating_level, f"self-rating {rating_level} (no resume given)"
    combined = max(resume_level, min(rating_level, resume_level + 1))
    note = f"resume {resume_level}, self-rating {rating_level} -> {combined}"
    if rating_level > resume_level + 1:
        note += " (rating capped at resume + 1: disagreement)"
    elif rating_level < resume_level:
        note += " (resume shows more than rated: disagreement)"
    return combined, note
