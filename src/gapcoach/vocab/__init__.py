"""
The contact-center language, below every stage that reads text: job titles and their
ladder rungs (``titles``), field relevance (``field``), section headings (``headings``),
claim language (``claims``), scope phrases (``scope``) and the named pieces several of
them share (``pieces``). A phrase is defined once here; its cases live in
``tests/cases/<vocabulary>.json``.
"""
