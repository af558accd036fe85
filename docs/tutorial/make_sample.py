"""Write nexis-sample.rtf: the export the tutorial starts from.

Twelve short articles in the layout of a Nexis Uni RTF download (English interface): a cover
page announcing the documents, then per article its title, outlet, date, section, length,
byline, body, language and load date, and ``End of Document``. The articles are invented
for the tutorial (four outlets, January to March 2022, the Russia-Ukraine crisis); one is
syndicated, the same text in two outlets of one group, as real exports hold.

    python docs/tutorial/make_sample.py      # rewrites docs/tutorial/nexis-sample.rtf
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))  # the repository, for the export builder of the tests

from tests.exportbuild import write_rtf  # noqa: E402

# (title, outlet, date, section, byline, paragraphs)
ARTICLES = [
    ("Diplomaten zoeken in Genève een uitweg uit de crisis", "Het Dagelijks Bericht",
     "January 10, 2022 Monday", "Buitenland", "Marieke Smit", [
         "Amerikaanse en Russische diplomaten begonnen maandag in Genève aan het overleg "
         "over de veiligheid in Europa.",
         "Beide kanten zeggen dat de dialoog moet doorgaan, ook als er geen akkoord komt. "
         "Een compromis over wapenbeheersing lijkt het meest haalbaar.",
         "Rusland eist dat de NAVO niet verder uitbreidt; Washington noemt dat onbespreekbaar.",
     ]),
    ("Troepenopbouw aan de grens wekt angst voor een inval", "De Avondkrant",
     "January 12, 2022 Wednesday", "Voorpagina", "Joost de Wit", [
         "Satellietbeelden tonen een verdere troepenopbouw langs de Oekraïense grens. "
         "Analisten vrezen een invasie.",
         "Het Russische leger heeft tanks, raketten en tienduizenden soldaten in stelling "
         "gebracht. De dreiging van een escalatie neemt toe.",
         "Rusland zegt dat het geen plannen heeft om Oekraïne binnen te vallen.",
     ]),
    ("Terug naar de Koude Oorlog?", "Noorderlicht",
     "January 14, 2022 Friday", "Opinie", "Frank Visser", [
         "Wie de toespraken van deze week leest, hoort de taal van de Koude Oorlog. Er is "
         "weer sprake van blokken, van invloedssferen en van een nieuwe wapenwedloop.",
         "Toch is Europa niet dat van de Sovjet-Unie en het Warschaupact. Het IJzeren "
         "Gordijn is gevallen, en Oekraïne kiest zelf.",
     ]),
    ("EU dreigt met zware sancties", "Het Dagelijks Bericht",
     "January 20, 2022 Thursday", "Economie", "Marieke Smit", [
         "De Europese Unie bereidt een pakket sancties voor als Rusland Oekraïne aanvalt. "
         "Een exportverbod op technologie en het bevriezen van tegoeden liggen op tafel.",
         "Ook uitsluiting van het betalingssysteem SWIFT wordt besproken, al aarzelen "
         "sommige lidstaten over de gevolgen voor de gasprijs.",
     ]),
    ("Navo stuurt extra troepen naar het oosten", "De Avondkrant",
     "January 24, 2022 Monday", "Buitenland", "Joost de Wit", [
         "De NAVO plaatst extra troepen en gevechtsvliegtuigen in de Baltische staten en "
         "Roemenië. Het bondgenootschap spreekt van een verdedigende maatregel.",
         "Moskou noemt de stap een provocatie en waarschuwt voor escalatie.",
     ]),
    ("Gesprekken in Parijs geven sprankje hoop", "Noorderlicht",
     "January 27, 2022 Thursday", "Buitenland", None, [
         "Na acht uur onderhandelen in Parijs zijn Rusland, Oekraïne, Duitsland en "
         "Frankrijk het eens over een nieuw gesprek in Berlijn.",
         "Diplomaten spreken voorzichtig van een opening. Over de kern van het conflict "
         "kwamen de partijen geen stap dichterbij.",
     ]),
    ("Gesprekken in Parijs geven sprankje hoop", "Zuiderlicht",
     "January 27, 2022 Thursday", "Buitenland", None, [
         "Na acht uur onderhandelen in Parijs zijn Rusland, Oekraïne, Duitsland en "
         "Frankrijk het eens over een nieuw gesprek in Berlijn.",
         "Diplomaten spreken voorzichtig van een opening. Over de kern van het conflict "
         "kwamen de partijen geen stap dichterbij.",
     ]),
    ("Oorlogsdreiging drukt op de beurs", "Het Dagelijks Bericht",
     "February 3, 2022 Thursday", "Economie", "Ahmed El Amrani", [
         "De oorlogsdreiging in Oost-Europa drukt de koersen. Beleggers vrezen sancties "
         "en een boycot van Russisch gas.",
         "Bedrijven met belangen in Rusland bereiden zich voor op strafmaatregelen en "
         "exportbeperkingen.",
     ]),
    ("Macron reist naar Moskou voor bemiddeling", "De Avondkrant",
     "February 7, 2022 Monday", "Buitenland", "Joost de Wit", [
         "De Franse president Macron probeert in Moskou te bemiddelen. Hij wil een "
         "diplomatieke oplossing en spreekt over nieuwe afspraken over wapenbeheersing.",
         "Het Kremlin zegt open te staan voor dialoog, maar houdt vast aan zijn eisen.",
     ]),
    ("Koude-Oorlogsretoriek keert terug in Moskou en Washington", "Noorderlicht",
     "February 10, 2022 Thursday", "Achtergrond", "Frank Visser", [
         "Historici horen in de toespraken de echo van de Koude Oorlog en de Cubacrisis. "
         "Detente lijkt ver weg.",
         "Tegelijk wijzen zij op het verschil: de Sovjet-Unie bestaat niet meer en "
         "Rusland staat er economisch zwakker voor.",
     ]),
    ("Rusland erkent separatisten, Westen kondigt sancties aan", "Het Dagelijks Bericht",
     "February 22, 2022 Tuesday", "Voorpagina", "Marieke Smit", [
         "Rusland heeft de separatistische gebieden in Oost-Oekraïne erkend en stuurt er "
         "troepen heen. Het Westen reageert met sancties tegen banken en oligarchen.",
         "Duitsland zet de gaspijpleiding Nord Stream 2 stil. De escalatie is volgens "
         "diplomaten de ernstigste sinds 2014.",
     ]),
    ("Russische invasie van Oekraïne begonnen", "De Avondkrant",
     "February 24, 2022 Thursday", "Voorpagina", "Joost de Wit", [
         "Russische troepen zijn donderdagochtend Oekraïne binnengevallen. Raketten "
         "troffen militaire doelen in het hele land.",
         "De invasie maakt een einde aan weken van overleg. De EU belooft de zwaarste "
         "sancties ooit.",
     ]),
]


def words(paragraphs: list[str]) -> int:
    return sum(len(p.split()) for p in paragraphs)


def lines() -> list[str]:
    out = ["Date and Time: Monday, March 7, 2022 9:00:00 AM CET", "Job Number: 220307",
           f"Documents ({len(ARTICLES)})"]
    out += [f"{i}. {a[0]}" for i, a in enumerate(ARTICLES, start=1)]
    out += ["Client/Matter: -None-", "Search Terms: Rusland AND Oekra\u00efne",
            "Search Type: Boolean", "", ""]
    for title, outlet, date, section, byline, body in ARTICLES:
        month_day_year = date.rsplit(" ", 1)[0]
        out += [title, outlet, date, f"Section:\u00a0{section}",
                f"Length:\u00a0{words(body)} words"]
        if byline:
            out.append(f"Byline:\u00a0{byline}")
        out += ["Body", *body, "", "Language: DUTCH", f"Load-Date:\u00a0{month_day_year}",
                "End of Document", ""]
    return out


def main() -> None:
    write_rtf(lines(), HERE / "nexis-sample.rtf")


if __name__ == "__main__":
    main()
