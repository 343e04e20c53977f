"""
Errors that gapcoach raises for problems the user caused or can fix.

The hierarchy::

    GapcoachError
    ├── InputError              a resume that cannot be read (missing, empty, binary, too big, ...)
    ├── RatingsError            a self-ratings file that is malformed or names unknown skills
    ├── TaxonomyError           a taxonomy file or folder that is missing or invalid
    │   └── GuideParseError     a text that is not a career guide of the supported format
    ├── UnknownRoleError        a role id that no loaded taxonomy has
    ├── OutputError             an output that cannot be written or would overwrite an input
    └── NotFittedError          a SkillMatcher used before ``fit`` (also an AttributeError)

The CLI prints any of them as one ``Error: ...`` line and exits 1. Programmer misuse
(contradictory arguments) raises ``ValueError`` or ``TypeError`` instead.
"""


class GapcoachError(Exception):
    """
    Base class of every error gapcoach raises for bad input or data.
    """


class InputError(GapcoachError):
    """
    Raised when a resume cannot be read or has no usable text.
    """


class RatingsError(GapcoachError):
    """
    Raised when a self-ratings file is malformed or cannot be resolved to skills.
    """


class TaxonomyError(GapcoachError):
    """
    Raised when a taxonomy file or folder is missing or fails validation.
    """


class GuideParseError(TaxonomyError):
    """
    Raised when a text is not a career guide the builder can read.
    """


class UnknownRoleError(GapcoachError):
    """
    Raised when a role id is not among the loaded taxonomies.
    """


class OutputError(GapcoachError):
    """
    Raised when an output file cannot be written, or would overwrite an input.
    """


class NotFittedError(GapcoachError, AttributeError):
    """
    Raised when a SkillMatcher is used before ``fit``.
    """
