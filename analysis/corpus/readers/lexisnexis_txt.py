"""Classic LexisNexis text exports (``.txt``), split into articles.

The layout: a cover (``Download Request: ...``, ``Terms: ...``), then per article, in
blocks separated by blank lines::

                       1 of 10 DOCUMENTS           "1 van 10 DOCUMENTEN" in Dutch
                       NRC Handelsblad             the outlet
                   January 11, 2010 Monday         the date, then edition lines, if any
                       Late Edition
    A title that may run                           the title: one or more blocks
    onto a second line
    BYLINE: ...   SECTION: ...   LENGTH: 355 words field blocks, labels in capitals
    The text, one block a paragraph.
    LOAD-DATE: ...  LANGUAGE: DUTCH  PUBLICATION-TYPE: ...
                 Copyright 2010 ...               copyright lines

:func:`lexisnexis_parse` is a pure function from the export's text to an
:class:`~analysis.corpus.readers.export_layout.ExportParse`.
"""

from __future__ import annotations

import re

from analysis.corpus.readers import export_layout as layout
from analysis.corpus.readers.export_layout import ExportArticle, ExportParse, Note

__all__ = ["lexisnexis_parse", "lexisnexis_detect", "sniff"]

_START = re.compile(r"\A\s*(\d+)\s+(?:of|van)\s+(\d+)\s+(?:documents?|documenten)\s*\Z",
                    re.IGNORECASE)
_REQUEST = re.compile(r"\A\s*(?:download request|downloadverzoek|aanvraag)\s*:.*?(\d+)\s*-\s*"
                      r"(\d+)", re.IGNORECASE)

Block = list[tuple[int, str]]


def sniff(head: bytes) -> bool:
    """True when ``head`` surely starts a classic LexisNexis export: an ``N of M DOCUMENTS``
    line (or a ``Download Request:`` line) in its first bytes."""
    text = head.decode("utf-8", errors="ignore").replace("\r\n", "\n")
    return lexisnexis_detect(text) or text.lstrip("\ufeff").startswith("Download Request:")


def lexisnexis_detect(text: str) -> bool:
    """Whether ``text`` looks like a classic LexisNexis export: an ``N of M DOCUMENTS``
    line."""
    return any(_START.match(line) for line in text.split("\n"))


def _blocks(lines: list[tuple[int, str]]) -> list[Block]:
    blocks: list[Block] = []
    current: Block = []
    for n, line in lines:
        text = line.replace("\u00a0", " ").strip()
        if text:
            current.append((n, " ".join(text.split())))
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _joined(block: Block) -> str:
    return " ".join(t for _, t in block)


def _is_field(block: Block) -> bool:
    return layout.field_label(block[0][1], upper=True) is not None


def lexisnexis_parse(text: str) -> ExportParse:
    """The articles of a classic LexisNexis text export.

    The number of articles announced is the range of the ``Download Request`` line when
    it gives one, else the ``M`` of the first ``N of M DOCUMENTS``. Articles whose numbers
    skip one are reported.

    >>> export = '''Terms: oekraïne
    ...
    ...                1 of 1 DOCUMENT
    ...
    ...                Het Blad
    ...
    ...          January 11, 2010 Monday
    ...
    ... Een titel
    ...
    ... LENGTH: 4 words
    ...
    ... Vier woorden in tekst.
    ...
    ... LOAD-DATE: January 12, 2010
    ... '''
    >>> a = lexisnexis_parse(export).articles[0]
    >>> a.outlet, a.date, a.title, a.length_words, a.text, a.load_date
    ('Het Blad', '2010-01-11', 'Een titel', 4, 'Vier woorden in tekst.', '2010-01-12')
    """
    lines = list(enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"),
                           start=1))
    starts = [(i, _START.match(line)) for i, (_, line) in enumerate(lines)]
    starts = [(i, m) for i, m in starts if m]
    notes: list[Note] = []
    announced = None
    announced_by = ""
    for _, line in lines[:starts[0][0] if starts else len(lines)]:
        m = _REQUEST.match(line)
        if m:
            announced = int(m.group(2)) - int(m.group(1)) + 1
            announced_by = line.strip()
            break
    if announced is None and starts:
        announced = int(starts[0][1].group(2))
        announced_by = starts[0][1].group(0).strip()
    articles: list[ExportArticle] = []
    expected = int(starts[0][1].group(1)) if starts else 1
    for k, (i, m) in enumerate(starts):
        number = int(m.group(1))
        if number != expected:
            missing = (f"article {expected} is" if number - expected == 1
                       else f"articles {expected}-{number - 1} are")
            notes.append(Note(
                f"article numbers jump from {expected - 1} to {number} "
                f"('{m.group(0).strip()}'): {missing} missing from the export."
                if number > expected else
                f"article number {number} follows {expected - 1}: the export repeats or "
                "mixes up its numbering.",
                "Download the missing articles again.", lines[i][0]))
        expected = number + 1
        stop = starts[k + 1][0] if k + 1 < len(starts) else len(lines)
        article = _article(_blocks(lines[i + 1:stop]), len(articles) + 1, lines[i][0])
        articles.append(article)
    return ExportParse("lexisnexis", announced, articles, notes, announced_by=announced_by,
                       numbers=[int(m.group(1)) for _, m in starts],
                       total=int(starts[0][1].group(2)) if starts else None)


def _article(blocks: list[Block], position: int, line: int) -> ExportArticle:
    article = ExportArticle(position=position, line=line)
    fields: dict[str, str] = {}
    if not blocks:
        article.note(f"article {position} is empty: nothing follows its 'N of M DOCUMENTS' "
                     "line.", "Check the export.", severity="warning")
        return layout.finish_article(article, fields, [])
    # Outlet, then the date block (date line and edition lines); some exports give both
    # in one block.
    head = list(blocks)
    outlet_block = head.pop(0)
    article.outlet = outlet_block[0][1]
    date_block = outlet_block[1:] if len(outlet_block) > 1 else (head.pop(0) if head else [])
    if date_block:
        article.date_text = date_block[0][1]
        article.date = layout.export_date(article.date_text)
    # The trailing blocks: LOAD-DATE, LANGUAGE, PUBLICATION-TYPE, copyright lines.
    end = len(head)
    while end > 0:
        block = head[end - 1]
        if _is_field(block):
            key, value = layout.field_label(block[0][1], upper=True)
            if key is not None:
                fields.setdefault(key, " ".join([value] + [t for _, t in block[1:]]))
            end -= 1
        elif layout.is_copyright(block[0][1]):
            end -= 1
        else:
            break
    # Title blocks up to the first field block (copyright lines skipped), then the field
    # blocks; without any field block the title is the first block.
    first_field = next((i for i in range(end) if _is_field(head[i])), None)
    if first_field is None:
        first_field = min(1, end)
    title = [_joined(b) for b in head[:first_field] if not layout.is_copyright(b[0][1])]
    article.title = " ".join(title)
    start = first_field
    while start < end and _is_field(head[start]):
        block = head[start]
        key, value = layout.field_label(block[0][1], upper=True)
        if key is not None:
            fields.setdefault(key, " ".join([value] + [t for _, t in block[1:]]))
        start += 1
    head = head[start:]
    end -= start
    body = [_joined(b) for b in head[:end]]
    if not title:
        article.note(f"article {position} has no title (no line between its date and its "
                     "first field).", "Check the article in the export.")
    return layout.finish_article(article, fields, body)
