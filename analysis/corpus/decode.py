"""Text files decoded as a user would hope: UTF-8, UTF-16 or Windows-1252, detected per file."""

from __future__ import annotations

import codecs
import re
import unicodedata

from analysis.corpus.problems import CorpusError, Problem

__all__ = ["decode_bytes", "text_encoding"]

# Control characters no text file holds (tab, line feed, form feed and carriage return
# are allowed).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_ENCODING_NAMES = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8", "utf-16": "UTF-16",
                   "utf-16-le": "UTF-16 (little-endian)", "utf-16-be": "UTF-16 (big-endian)",
                   "utf-32": "UTF-32", "cp1252": "Windows-1252"}
_SINGLE_BYTE = {"cp1252", "latin-1", "iso8859-1", "iso8859-15", "cp1250", "mac-roman"}


_UNPACK = "Unpack it first and give the file inside"
#: The first bytes of files that are not text, what they are, and what to do.
_MAGIC: tuple[tuple[bytes, str, str], ...] = (
    (b"\x1f\x8b", "is compressed with gzip, not a text file.",
     "Unpack it first (e.g. with gunzip or 7-Zip) and give the unpacked file."),
    (b"\xfd7zXZ\x00", "is compressed with xz, not a text file.",
     "Unpack it first (e.g. with unxz or 7-Zip) and give the unpacked file."),
    (b"(\xb5/\xfd", "is compressed with Zstandard, not a text file.",
     "Unpack it first (e.g. with unzstd or 7-Zip) and give the unpacked file."),
    (b"PK\x03\x04", "is a zip archive, not a text file.",
     f"{_UNPACK}; a spreadsheet (.xlsx, .ods) is a zip archive too: save it as CSV (UTF-8)."),
    (b"PK\x05\x06", "is a zip archive, not a text file.", f"{_UNPACK}."),
    (b"7z\xbc\xaf\x27\x1c", "is a 7-Zip archive, not a text file.", f"{_UNPACK}."),
    (b"Rar!\x1a\x07", "is a RAR archive, not a text file.", f"{_UNPACK}."),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "is a Microsoft Office file (an Excel .xls "
     "workbook or a Word .doc document), not a text file.",
     "Save it as CSV (UTF-8) or as plain text (.txt)."),
    (b"%PDF-", "is a PDF document, not a text file.",
     "Export its text as plain text (.txt) first."),
)
_BZIP2 = re.compile(rb"\ABZh[1-9]1AY&SY")


def _not_text(data: bytes, name: str) -> Problem | None:
    """What ``data`` is when its first bytes say it is compressed, an archive, an Office
    file or a PDF (a file named ``.csv`` or ``.txt`` may be any of them), else ``None``."""
    if _BZIP2.match(data):
        return Problem(name, "is compressed with bzip2, not a text file.",
                       "Unpack it first (e.g. with bunzip2 or 7-Zip) and give the unpacked "
                       "file.")
    for magic, message, hint in _MAGIC:
        if data.startswith(magic):
            return Problem(name, message, hint)
    return None


def _looks_binary(data: bytes) -> bool:
    """Whether ``data`` (not UTF-16 or UTF-32) is binary: its first 4,096 bytes hold at least
    four zero bytes (and at least one in a hundred). A stray zero byte in text is reported
    as a control character instead, with its line."""
    head = data[:4096]
    return head.count(0) >= max(4, len(head) // 100)


def _binary(data: bytes, name: str) -> Problem:
    return Problem(name, "is a binary file, not text: it holds a zero byte, which no text "
                   "file does.", "Give a text file (a .txt article, or a CSV, TSV or JSON "
                   "Lines table).", line=data.index(0), unit="byte")


def text_encoding(name: str) -> str:
    """The codec name of the text encoding ``name``; raises ``LookupError`` with a message
    saying what to name instead when Python knows no such encoding, or when it is a codec
    that turns bytes into bytes (rot13, base64, hex, zlib), not bytes into text.

    >>> text_encoding("UTF8"), text_encoding("Windows-1252")
    ('utf-8', 'cp1252')
    """
    known = "utf-8, utf-16, cp1252 (Windows-1252) or latin-1"
    try:
        info = codecs.lookup(name)
    except (LookupError, TypeError, ValueError):
        raise LookupError(f"the encoding {name!r} is unknown; name one Python knows, e.g. "
                          f"{known}") from None
    if not getattr(info, "_is_text_encoding", True):
        raise LookupError(f"{name!r} is not a text encoding (it turns bytes into bytes); "
                          f"name one such as {known}")
    return info.name


def _encoding_name(encoding: str) -> str:
    return _ENCODING_NAMES.get(encoding, encoding)


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` when ``data`` looks like UTF-16 text without a
    byte-order mark (most characters of Western text have a zero high byte)."""
    if len(data) < 2 or len(data) % 2 or b"\x00" not in data:
        return None
    even = data[0::2].count(0)
    odd = data[1::2].count(0)
    pairs = len(data) // 2
    if odd >= 0.3 * pairs and even <= odd / 10:
        return "utf-16-le"
    if even >= 0.3 * pairs and odd <= even / 10:
        return "utf-16-be"
    return None


def _decode(data: bytes, name: str, encoding: str | None, *,
            prefer_utf8: bool = False) -> tuple[str, list[Problem]]:
    """Decode ``data``; return the text and any warnings; raise CorpusError if impossible.

    ``prefer_utf8`` (for metadata.csv): valid UTF-8 is read as UTF-8 even when another
    encoding is named, since the named encoding is the articles' one.
    """
    notes: list[Problem] = []
    not_text = _not_text(data, name)
    if not_text is not None:
        raise CorpusError([not_text])
    if encoding is not None:
        try:
            codec = text_encoding(encoding)
        except LookupError as exc:
            said, _, hint = str(exc).partition("; ")
            raise CorpusError([Problem(name, f"{said}.", f"{hint[0].upper()}{hint[1:]}.")]
                              ) from None
        text = None
        if prefer_utf8 and codec not in {"utf-8", "utf-8-sig"}:
            try:
                text = _decode(data, name, None)[0]
            except CorpusError:
                text = None
        if text is None:
            offset = 3 if codec == "utf-8" and data.startswith(b"\xef\xbb\xbf") else 0
            try:
                text = data[offset:].decode(codec)
            except UnicodeDecodeError as exc:
                raise CorpusError([_undecodable(name, [(codec, exc, offset)])]) from None
            text = text.removeprefix("\ufeff")
            if codec in _SINGLE_BYTE and any(b > 0x7F for b in data):
                try:
                    data.decode("utf-8")
                except UnicodeDecodeError:
                    pass
                else:
                    notes.append(Problem(
                        name, f"was read as {_encoding_name(codec)} as asked, but it looks "
                        "like UTF-8: letters such as 'ë' may have come out as 'Ã«'.",
                        "Check the text, and drop the encoding option if it is UTF-8.",
                        severity="warning"))
    elif data.startswith(b"\xef\xbb\xbf"):
        text = _strict(data, "utf-8-sig", name, offset=3)
    elif data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        text = _strict(data, "utf-32", name)
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = _strict(data, "utf-16", name)
    elif (utf16 := _utf16_without_bom(data)) is not None:
        text = _strict(data, utf16, name)
    elif _looks_binary(data):
        raise CorpusError([_binary(data, name)])
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as utf8_error:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError as cp1252_error:
                raise CorpusError([_undecodable(
                    name, [("utf-8", utf8_error, 0), ("cp1252", cp1252_error, 0)])]) from None
    match = _CONTROL.search(text)
    if match:
        raise CorpusError([Problem(
            name, f"holds the control character U+{ord(match.group()):04X} at character "
            f"{match.start()}: this is not plain text, or its encoding was guessed wrong.",
            "Name the right encoding with --encoding (encoding=... in Python), or remove the "
            "file.", line=text.count("\n", 0, match.start()) + 1)])
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text), notes


def decode_bytes(data: bytes, *, name: str, encoding: str | None = None) -> str:
    """Decode ``data`` read from file ``name``.

    With ``encoding=None`` a byte-order mark selects UTF-8, UTF-16 or UTF-32; UTF-16
    without one is recognised by its zero bytes; otherwise UTF-8 is tried, then
    Windows-1252 (the encoding of older Dutch newspaper exports). Raises
    :class:`CorpusError` naming the file and the byte offset when no encoding fits, or
    when the text holds control characters. Line endings are made ``\\n`` and the text is
    NFC-normalised.

    >>> decode_bytes("Oekraïne\\r\\n".encode("cp1252"), name="a.txt")
    'Oekraïne\\n'
    >>> decode_bytes("\\ufeffNAVO".encode("utf-16-le"), name="a.txt")
    'NAVO'
    """
    return _decode(data, name, encoding)[0]


def _strict(data: bytes, encoding: str, name: str, offset: int = 0) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise CorpusError([_undecodable(name, [(encoding, exc, offset)])]) from None


def _undecodable(name: str, tries: list[tuple[str, UnicodeDecodeError, int]]) -> Problem:
    parts = []
    for encoding, exc, offset in tries:
        at = exc.start + offset
        byte = exc.object[exc.start]
        what = "has no character" if encoding == "cp1252" else "is not valid there"
        parts.append(f"{_encoding_name(encoding)} (byte 0x{byte:02X} at byte offset {at} "
                     f"{what})")
    return Problem(
        name,
        f"cannot be read as {' nor as '.join(parts)}.",
        "Find out the file's encoding and name it with --encoding (encoding=... in Python), "
        "e.g. latin-1 or cp1250, or save the file as UTF-8.",
        line=tries[0][1].start + tries[0][2],
        unit="byte",
    )
