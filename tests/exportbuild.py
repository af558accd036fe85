"""Small news exports made for the tests: Nexis Uni DOCX and RTF, classic LexisNexis TXT,
in the English and the Dutch interface, with the traps real exports hold (an article
without byline, an edition line under the date, a title on two lines, a body quoting
``Load-Date``, an empty body, a graphic caption, a truncated export, a zip holding a
folder). The article texts are written for these tests.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["ARTICLES", "Article", "nexis_uni_lines", "write_docx", "write_rtf",
           "classic_txt", "write_zip"]


@dataclass(frozen=True)
class Article:
    title: tuple[str, ...]        # one entry per line of the title
    outlet: str
    date_en: str
    date_nl: str
    section: str
    byline: str | None
    body: tuple[str, ...]
    load_en: str
    load_nl: str
    length: int | None = None     # None: the words of the body
    copyright: str | None = None
    edition: str | None = None
    graphic: str | None = None
    language: str = "DUTCH"
    extra: dict = field(default_factory=dict)

    @property
    def words(self) -> int:
        return sum(len(p.split()) for p in self.body)

    @property
    def length_given(self) -> int:
        return self.words if self.length is None else self.length


ARTICLES = (
    Article(
        title=("Kabinet trekt extra geld uit voor dijkversterking",),
        outlet="Het Rivierblad",
        date_en="March 3, 2023 Friday 7:15 AM GMT",
        date_nl="3 maart 2023 vrijdag 7:15 AM GMT",
        section="Binnenland; Blz. 4",
        byline="Anna de Vries",
        copyright="Copyright 2023 Het Rivierblad B.V. All Rights Reserved",
        edition="Eerste editie",
        body=(
            "Het kabinet maakt dit jaar tweehonderd miljoen euro vrij om zwakke dijken langs "
            "de grote rivieren sneller te versterken.",
            "De minister zei vrijdag dat de waterschappen het geld al in het voorjaar kunnen "
            "aanvragen, zodat het werk voor de winter klaar is.",
        ),
        load_en="March 4, 2023",
        load_nl="4 maart 2023",
    ),
    Article(
        title=("Waterschappen waarschuwen:", "hoogwater blijft nog dagen"),
        outlet="Dagblad van de Delta",
        date_en="March 5, 2023 Sunday",
        date_nl="5 maart 2023 zondag",
        section="Regio",
        byline=None,
        body=(
            "Langs de Waal en de Maas blijft het water de komende dagen hoog staan, melden "
            "de waterschappen in het zuiden van het land.",
            "Load-Date: zo heet het veld waarmee het archief bijhoudt wanneer een stuk is "
            "ingeladen, legt de archivaris uit.",
            "Bewoners van de uiterwaarden krijgen het advies hun spullen hoger te zetten.",
        ),
        load_en="March 6, 2023",
        load_nl="6 maart 2023",
    ),
    Article(
        title=("Foto van de dag",),
        outlet="Het Rivierblad",
        date_en="March 6, 2023 Monday",
        date_nl="6 maart 2023 maandag",
        section="Voorpagina",
        byline="Redactie",
        body=(),
        length=0,
        load_en="March 7, 2023",
        load_nl="7 maart 2023",
    ),
    Article(
        title=("Vrijwilligers vullen zandzakken in Zaltbommel",),
        outlet="Gelders Avondnieuws",
        date_en="March 7, 2023 Tuesday 6:00 PM GMT",
        date_nl="7 maart 2023 dinsdag 6:00 PM GMT",
        section="Stad en streek",
        byline="Pieter Bakker en Sanne Jansen",
        body=(
            "Honderd vrijwilligers vulden dinsdag in Zaltbommel duizenden zandzakken voor de "
            "kade bij de oude haven.",
            "Het werk ging door tot het donker werd; de gemeente zorgde voor soep.",
        ),
        length=60,
        graphic="Vrijwilligers aan het werk bij de haven. Foto: archief",
        load_en="March 8, 2023",
        load_nl="8 maart 2023",
    ),
)

LABELS = {
    "en": {"documents": "Documents", "client": "Client/Matter: -None-",
           "terms": "Search Terms: dijk OR hoogwater", "type": "Search Type: Boolean",
           "section": "Section", "length": "Length", "words": "words", "byline": "Byline",
           "body": "Body", "graphic": "Graphic", "load": "Load-Date",
           "end": "End of Document", "language": "Language", "date_time":
           "Date and Time: Wednesday, March 8, 2023 9:00:00 AM CET",
           "job": "Job Number: 190233"},
    "nl": {"documents": "Documenten", "client": "Klant/dossier: -Geen-",
           "terms": "Zoektermen: dijk OR hoogwater", "type": "Zoektype: Booleaans",
           "section": "Sectie", "length": "Lengte", "words": "woorden", "byline": "Auteur",
           "body": "Hoofdtekst", "graphic": "Afbeelding", "load": "Laaddatum",
           "end": "Einde document", "language": "Taal", "date_time":
           "Datum en tijd: woensdag 8 maart 2023 9:00:00 CET",
           "job": "Opdrachtnummer: 190233"},
}


def nexis_uni_lines(articles=ARTICLES, *, lang: str = "en", cover: bool = True,
                    truncate: int | None = None, announced: int | None = None) -> list[str]:
    """The paragraphs of a Nexis Uni export (a title on two lines is one paragraph with a
    line break, written ``\\n``). ``truncate=k`` cuts the export off in the middle of
    article ``k`` (1-based: after its first body paragraph); ``announced`` overrides the
    cover's count."""
    lab = LABELS[lang]
    out: list[str] = []
    if cover:
        out += [lab["date_time"], lab["job"],
                f"{lab['documents']} ({announced or len(articles)})"]
        out += [f"{i}. {' '.join(a.title)}" for i, a in enumerate(articles, start=1)]
        out += [lab["client"], lab["terms"], lab["type"], "", ""]
    for k, a in enumerate(articles, start=1):
        out.append("\n".join(a.title))
        out.append(a.outlet)
        out.append(a.date_en if lang == "en" else a.date_nl)
        if a.copyright:
            out.append(a.copyright)
        out.append(f"{lab['section']}:\u00a0{a.section}")
        out.append(f"{lab['length']}:\u00a0{a.length_given} {lab['words']}")
        if a.byline:
            out.append(f"{lab['byline']}:\u00a0{a.byline}")
        out.append(lab["body"])
        if truncate == k:
            out += list(a.body[:1])
            return out
        out += list(a.body)
        if a.graphic:
            out += [lab["graphic"], a.graphic]
        out += ["", f"{lab['language']}: {a.language}",
                f"{lab['load']}:\u00a0{a.load_en if lang == 'en' else a.load_nl}",
                lab["end"], ""]
    return out


def write_docx(lines: list[str], path: Path) -> Path:
    """A Word document with one paragraph per entry of ``lines`` (``\\n`` inside an entry
    becomes a line break), each article on a new page as Nexis Uni delivers it."""
    import docx

    document = docx.Document()
    for line in lines:
        paragraph = document.add_paragraph()
        parts = line.split("\n")
        for i, part in enumerate(parts):
            if ":\u00a0" in part:
                label, value = part.split(":\u00a0", 1)
                paragraph.add_run(label + ":").bold = True
                paragraph.add_run("\u00a0" + value)
            else:
                paragraph.add_run(part)
            if i < len(parts) - 1:
                paragraph.runs[-1].add_break()
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


def _rtf_escape(text: str) -> str:
    out = []
    for ch in text:
        if ch in "\\{}":
            out.append("\\" + ch)
        elif ch == "\u00a0":
            out.append("\\~")
        elif ord(ch) > 127:
            out.append(f"\\u{ord(ch)}?")
        else:
            out.append(ch)
    return "".join(out)


def write_rtf(lines: list[str], path: Path) -> Path:
    """An RTF document with one paragraph per entry of ``lines`` (``\\n`` becomes
    ``\\line``)."""
    body = "".join("{\\pard " + "\\line ".join(_rtf_escape(p) for p in line.split("\n"))
                   + "\\par}\n" for line in lines)
    text = ("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss Arial;}}\n"
            + body + "}\n")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("ascii"))
    return path


def classic_txt(articles=ARTICLES, *, lang: str = "en", total: int | None = None,
                first: int = 1, request: bool = True) -> str:
    """A classic LexisNexis text export of ``articles``, numbered from ``first`` of
    ``total`` (default: their number)."""
    total = total or len(articles)
    of, docs = ("of", "DOCUMENTS") if lang == "en" else ("van", "DOCUMENTEN")
    labels = ({"byline": "BYLINE", "section": "SECTION", "length": "LENGTH", "words": "words",
               "load": "LOAD-DATE", "language": "LANGUAGE", "type": "PUBLICATION-TYPE"}
              if lang == "en" else
              {"byline": "AUTEUR", "section": "SECTIE", "length": "LENGTE", "words": "woorden",
               "load": "LAADDATUM", "language": "TAAL", "type": "PUBLICATIETYPE"})
    out = []
    if request:
        out += [f"Download Request: Current Document: {first}-{first + len(articles) - 1}",
                "Time Of Request: Wednesday, March 8, 2023  09:00:00 EST",
                "Terms: dijk OR hoogwater", "", ""]
    for k, a in enumerate(articles, start=first):
        out += [f"                             {k} {of} {total} {docs}", "",
                f"                             {a.outlet}", "",
                f"                        {a.date_en if lang == 'en' else a.date_nl}"]
        if a.edition:
            out.append(f"                             {a.edition}")
        out += [""]
        out += list(a.title) + [""]
        if a.byline:
            out += [f"{labels['byline']}: {a.byline}", ""]
        out += [f"{labels['section']}: {a.section.upper()}", "",
                f"{labels['length']}: {a.length_given} {labels['words']}", ""]
        for paragraph in a.body:
            out += [paragraph.replace("Load-Date:", "LOAD-DATE:"), ""]
        if a.graphic:
            out += [f"GRAPHIC: {a.graphic}", ""]
        out += [f"{labels['load']}: {a.load_en if lang == 'en' else a.load_nl}", "",
                f"{labels['language']}: {a.language}", "", f"{labels['type']}: Krant", "",
                f"                  Copyright {a.date_en.split(',')[1].split()[0]} "
                f"{a.outlet}", "                       All Rights Reserved", "", ""]
    return "\r\n".join(out)


def write_zip(path: Path, members: dict[str, bytes]) -> Path:
    """A zip archive holding ``members`` (path inside the archive: bytes), folders too."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        folders = sorted({str(Path(name).parent) for name in members} - {"."})
        for folder in folders:
            archive.writestr(folder.rstrip("/") + "/", b"")
        for name, data in members.items():
            archive.writestr(name, data)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buffer.getvalue())
    return path
