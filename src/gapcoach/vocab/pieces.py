"""
Named pieces of contact-center language, used to build the patterns of every vocabulary.

In the spirit of spaCy's ``lang/char_classes.py``: a phrase that several patterns need is
spelled once here, and the patterns are built from it with f-strings.
"""

__all__ = ["CALL_CENTER", "SITE_NOUN"]

CALL_CENTER = r"(?:call|contact)[\s-]*cent(?:er|re)"
"""'call center', 'contact-centre', 'callcenter' (no word boundaries: add them)."""

SITE_NOUN = r"(?:site|center|centre|location)"
"""The singular nouns of a site ('multi-site', 'multi-centre', 'multi-location')."""
