"""What leaves the toolkit: figures and tables saved with their manifest (:mod:`.figures`),
tables for papers (:mod:`.paper_tables`), captions (:mod:`.captions`) and the catalogue of
every word a figure or table shows, in Dutch and English (:mod:`.catalogue`, read through
:mod:`.messages`).

Every name in ``__all__`` is importable from the package itself (imported when first used).
"""

from analysis.lazy import lazy_exports

__all__, __getattr__, __dir__ = lazy_exports(__name__, {
    ".figures": ["FIGURE_SIZES", "FIGURE_FORMATS", "DEFAULT_FORMATS", "MANIFEST_NAME",
        "figures_formats", "figures_setup", "figures_source", "figure_caption", "figure_new",
        "figure_save", "table_save", "write_atomic", "file_sha256", "figures_refuse_corpus",
        "OutputFolderError", "manifest_read", "manifest_owns", "manifest_write"],
    ".paper_tables": ["PAPER_TABLE_MAX_ROWS", "p_apa", "table_readable", "table_latex",
        "table_docx"],
    ".captions": ["caption_set", "caption_get", "caption_corpus", "caption_dates",
        "captions_markdown", "CAPTIONS_NAME"],
    ".messages": ["Lang", "LANGS", "MESSAGES", "lang_check", "msg", "number", "group_word",
        "column_header", "method_name"],
})
