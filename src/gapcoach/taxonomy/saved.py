"""
A career guide as people save it, made into the guide's own lines: a browser copy with an
empty line between lines, the page's title and navigation above the heading and its footer
below, CRLF line ends, non-breaking spaces and smart quotes, bullets written ``•``, ``*``,
``–``, ``·`` or numbered, Markdown ``#`` headings and ``**bold**``, or a saved HTML page
(read with lxml: the article's text, not its scripts, styles, navigation or footer).

The result has one line per paragraph, heading, bullet (``- ``) or table row
(``a | b | c |``), no empty lines, and starts at the "Complete <Role> Career Guide" line,
so every form of one guide gives the same lines and the same taxonomy.
"""

import re

# characters that a web page or a word processor puts where the guide has plain ones
_TRANSLATE = str.maketrans(
    {
        "\u00a0": " ",  # no-break space
        "\u202f": " ",  # narrow no-break space
        "\u2007": " ",  # figure space
        "\u2009": " ",  # thin space
        "\u200b": None,  # zero-width space
        "\u200c": None,
        "\u200d": None,
        "\u2060": None,  # word joiner
        "\ufeff": None,  # byte-order mark
        "\u00ad": None,  # soft hyphen
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2033": '"',
    }
)

# a bullet however it is written: "- ", "* ", "• ", "– ", "· ", "▪ ", "1. ", "2) "
_BULLET_RE = re.compile(r"^(?:[-*•–—·‣▪◦●■]|\d{1,2}[.)])\s+(?=\S)")
_MARKDOWN_HEADING_RE = re.compile(r"^#{1,6}\s+")
# (?<!\s): a match starts only where a run of spaces starts, so a long run is read once
_MARKDOWN_CLOSING_RE = re.compile(r"(?<!\s)\s+#+$")
_BOLD_RE = re.compile(r"\*\*([^*]+)\*\*|__([^_]+)__")
_ITALIC_LINE_RE = re.compile(r"^\*([^*\s][^*]*)\*$|^_([^_\s][^_]*)_$")
_SPACES_RE = re.compile(r"[ \t\f\v]+")
_TABLE_RULE_RE = re.compile(r"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$")
_TITLE_RE = re.compile(r"^Complete .+ Career Guide$")
# "Step 1" is a heading of the guide, not a numbered bullet
_STEP_RE = re.compile(r"^Step \d+$")

_HTML_START_RE = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[^>]*-->\s*)*<(?:!doctype\s+html|html)\b", re.I
)
_XML_DECLARATION_RE = re.compile(r"^\s*<\?xml[^>]*>")


def looks_like_html(text: str) -> bool:
    """Is this a saved web page (whatever its file name says)?"""
    return bool(_HTML_START_RE.match(text[:4096]))


def _bold(match: re.Match[str]) -> str:
    return match.group(1) or match.group(2) or ""


def _line(raw: str) -> str:
    text = raw.translate(_TRANSLATE)
    cells = [cell.strip() for cell in text.split("\t")]
    if len([cell for cell in cells if cell]) >= 2:
        # a table row copied from a page: its cells stand between tabs
        text = " | ".join(cell for cell in cells if cell) + " |"
    line = _SPACES_RE.sub(" ", text).strip()
    line = _MARKDOWN_HEADING_RE.sub("", line)
    line = _MARKDOWN_CLOSING_RE.sub("", line)
    if "**" in line or "__" in line:
        line = _BOLD_RE.sub(_bold, line)
    italic = _ITALIC_LINE_RE.match(line)
    if italic:
        line = italic.group(1) or italic.group(2) or line
    if _TABLE_RULE_RE.match(line) and "|" in line:
        # a table's rule row: "|---|---|---|" and "---|---|---|" alike
        return "|".join(["---"] * len(line.strip("|").split("|"))) + "|"
    if line.startswith("|") and line.endswith("|") and line.count("|") >= 3:
        line = line[1:].strip()  # "| a | b |" -> "a | b |"
    bullet = _BULLET_RE.match(line)
    if bullet and not _STEP_RE.match(line):
        line = "- " + line[bullet.end() :]
    return line


def guide_lines(text: str) -> list[str]:
    """
    The guide's own lines from a saved text or Markdown page: one per paragraph, bullets
    as "- ", no empty lines, from the title line on (all of it when there is none).
    """
    # why not splitlines(): it also splits on U+2028, U+0085 and form feeds inside a line,
    # which would cut a bullet
    raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = [line for line in (_line(item) for item in raw) if line]
    start = next((i for i, line in enumerate(lines) if _TITLE_RE.match(line)), 0)
    return lines[start:]


# what a page holds beside its article: never the guide's text
_NOT_ARTICLE = (
    "//script|//style|//noscript|//template|//nav|//header|//footer|//aside|//form"
    "|//iframe|//svg|//button|//dialog"
    "|//*[contains(translate(@class, 'COKIEBANR', 'cokiebanr'), 'cookie')]"
    "|//*[contains(translate(@id, 'COKIEBANR', 'cokiebanr'), 'cookie')]"
    "|//*[@role='navigation' or @role='banner' or @role='contentinfo']"
    "|//*[@aria-hidden='true' or @hidden]"
)
_BLOCKS = frozenset(
    [
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "dt",
        "dd",
        "blockquote",
        "pre",
        "figcaption",
        "caption",
        "tr",
        "div",
        "section",
        "article",
        "main",
        "ul",
        "ol",
        "dl",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "header",
        "body",
    ]
)


def html_lines(text: str) -> list[str]:
    """
    The text of a saved HTML page's article as guide lines: each heading, paragraph and
    list item a line (list items as "- "), each table row "a | b | c |" (a rule row after
    a header row), without scripts, styles, navigation, cookie banners or the footer.
    """
    # (only a guide saved as a web page needs it; lxml ships no type stubs)
    from lxml import html as lxml_html  # type: ignore[import-untyped]

    # (lxml refuses a str that declares its encoding: the text is decoded already)
    root = lxml_html.document_fromstring(_XML_DECLARATION_RE.sub("", text, count=1))
    found = root.xpath("//article") or root.xpath("//main")
    top = found[0] if found else root
    for element in top.xpath(_NOT_ARTICLE):
        # (a header inside the article is its heading: only the page's own goes)
        inside = element.tag in ("header", "footer") and found
        if element.getparent() is not None and not inside:
            element.drop_tree()
    out: list[str] = []

    def inline_text(element: object) -> str:
        # itertext keeps inline elements' text in order ("<b>Name</b>: text")
        return " ".join("".join(element.itertext()).split())  # type: ignore[attr-defined]

    def walk(element: object) -> None:
        tag = getattr(element, "tag", None)
        if not isinstance(tag, str):
            return
        children = [
            child
            for child in element  # type: ignore[attr-defined]
            if isinstance(child.tag, str)
        ]
        if tag == "tr":
            cells = [c for c in children if c.tag in ("td", "th")]
            out.append(" | ".join(inline_text(cell) for cell in cells) + " |")
            if cells and all(cell.tag == "th" for cell in cells):
                out.append("|".join(["---"] * len(cells)) + "|")
            return
        has_blocks = any(child.tag in _BLOCKS for child in children)
        if tag in _BLOCKS and not has_blocks:
            text = inline_text(element)
            if text:
                out.append(("- " if tag == "li" else "") + text)
            return
        # a block holding blocks: its own loose text, then each child in order
        lead = (getattr(element, "text", None) or "").strip()
        if lead and tag in _BLOCKS:
            out.append(("- " if tag == "li" else "") + " ".join(lead.split()))
        for child in children:
            if child.tag in _BLOCKS:
                walk(child)
            else:
                text = " ".join("".join(child.itertext()).split())
                if text:
                    out.append(text)
            tail = (child.tail or "").strip()
            if tail:
                out.append(" ".join(tail.split()))

    walk(top)
    return guide_lines("\n".join(out))
