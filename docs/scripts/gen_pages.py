"""The generated pages of the documentation site, written at build time (mkdocs-gen-files).

- ``reference/api/<unit>.md``: every public name of every module and package of
  ``analysis`` (the names in its ``__all__``), each rendered from its docstring by
  mkdocstrings, on the page of the top-level module or package that holds it;
- ``reference/cli.md``: every ``discourse`` command and option, read from the argument
  parser (``analysis.cli.build_parser``);
- ``reference/dictionary-files.md``: the syntax of the frame and actor dictionaries, read
  from the header comment of each shipped dictionary (``analysis/data/*_default.toml``);
- ``reference/tables.md``: the columns of every output table, read from the docstrings;
- ``reference/errors.md``: every public error and warning class, with its docstring;
- ``reference/layout.md``: every module with the first sentence of its docstring, and the
  layers of the import-linter contracts in ``pyproject.toml``;
- ``notebooks/<name>.md``: each notebook in ``notebooks/``, its Markdown and code, with the
  figures it saves (the PNG files in ``figures/``, with their captions) and the first rows
  of the tables it saves (the CSV files in ``figures/``); nothing is executed;
- ``guides/<name>.md`` for a guide the tutorial links to that is not written yet;
- ``SUMMARY.md``: the navigation. Every page under ``docs/guides/`` and
  ``docs/explanation/`` is listed, with the title of its first heading: a new page needs
  no entry anywhere.

Nothing here depends on where a function lives: the package is walked, so a module that
moves moves its reference with it.
"""

from __future__ import annotations

import argparse
import ast
import csv
import importlib
import importlib.util
import inspect
import json
import pkgutil
import re
import sys
from pathlib import Path

import mkdocs_gen_files

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from griffe_docstrings import markdown  # noqa: E402

import analysis  # noqa: E402

#: Guides the tutorial links to; a placeholder page stands in for one not written yet.
LINKED_GUIDES = {
    "search-strings.md": "Search strings",
    "validation.md": "Validating a coding scheme",
    "classifiers.md": "Classifiers",
    "topics-and-networks.md": "Topics and networks",
    "statistics.md": "Statistics",
}

#: The order of the how-to guides in the navigation; any other page of docs/guides/ follows,
#: in name order.
GUIDE_ORDER = [
    "your-corpus.md", "nexis-exports.md", "duplicates.md", "frame-dictionary.md",
    "search-strings.md", "validation.md", "classifiers.md", "topics-and-networks.md",
    "tone.md", "quotes-and-actors.md", "periods-and-timelines.md", "paper-figures.md",
    "statistics.md", "large-corpora.md", "notebooks.md", "troubleshooting.md",
]


def write(path: str, text: str) -> None:
    with mkdocs_gen_files.open(path, "w") as f:
        f.write(text)


def copy(source: Path, path: str) -> None:
    with mkdocs_gen_files.open(path, "wb") as f:
        f.write(source.read_bytes())


def title_of(path: Path) -> str:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return path.stem.replace("-", " ").capitalize()


# --- the API reference ---------------------------------------------------------------------

def modules() -> list[str]:
    """Every module and package of ``analysis``, by name, private ones left out."""
    names = ["analysis"]
    for info in pkgutil.walk_packages(analysis.__path__, "analysis."):
        if not any(part.startswith("_") for part in info.name.split(".")):
            names.append(info.name)
    return sorted(names)


def assigned_in(module_name: str, name: str) -> bool:
    """Whether the module's own source defines or assigns ``name`` at its top level."""
    spec = importlib.util.find_spec(module_name)
    if spec is None or not spec.origin or not spec.origin.endswith(".py"):
        return False
    tree = ast.parse(Path(spec.origin).read_text(encoding="utf-8"))
    for node in tree.body:
        if (isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
                and node.name == name):
            return True
        targets = (node.targets if isinstance(node, ast.Assign)
                   else [node.target] if isinstance(node, ast.AnnAssign)
                   else [])
        for target in targets:
            if isinstance(target, ast.Name) and target.id == name:
                return True
    return False


def home_of(module_name: str, name: str, obj, all_modules: list[str]) -> str:
    """The module that defines ``name`` (exported by ``module_name``)."""
    target = inspect.unwrap(obj) if callable(obj) else obj   # through lru_cache and the like
    defined = getattr(target, "__module__", None)
    if (defined and getattr(target, "__qualname__", None) == name
            and (inspect.isfunction(target) or inspect.isclass(target))):
        return defined
    if assigned_in(module_name, name):
        return module_name
    prefix = module_name + "."
    for candidate in all_modules:
        if candidate.startswith(prefix) and assigned_in(candidate, name):
            return candidate
    for candidate in all_modules:
        if assigned_in(candidate, name):
            return candidate
    return module_name


def unit_of(module_name: str) -> str:
    """The top-level module or package a module belongs to (``analysis.corpus``)."""
    return ".".join(module_name.split(".")[:2])


def public_names() -> tuple[dict[str, dict[str, str]], dict[str, list[str]]]:
    """For each unit, the public names documented on its page and where each is defined;
    and for each module with ``__all__``, its names."""
    all_modules = modules()
    exports: dict[str, list[str]] = {}
    units: dict[str, dict[str, str]] = {}
    homes: dict[str, str] = {}
    for module_name in all_modules:
        module = importlib.import_module(module_name)
        names = list(getattr(module, "__all__", []))
        if not names:
            continue
        exports[module_name] = names
        for name in names:
            obj = getattr(module, name)
            home = home_of(module_name, name, obj, all_modules)
            homes.setdefault(f"{module_name}.{name}", f"{home}.{name}")
    for exported, identifier in homes.items():
        unit = unit_of(identifier.rsplit(".", 1)[0])
        if unit == "analysis":  # defined in the package's own __init__
            unit = unit_of(exported.rsplit(".", 1)[0])
        units.setdefault(unit, {})[identifier] = exported
    return units, exports


def first_line(doc: str | None) -> str:
    return (inspect.cleandoc(doc or "").split("\n\n")[0]).replace("\n", " ")


def api_pages() -> list[tuple[str, str]]:
    units, exports = public_names()
    pages = []
    index = ["# Python reference", "",
             "Every public function, class and constant of the package, one page per module "
             "or package, generated from the docstrings (their examples run as doctests in "
             "the test suite). A name is documented once, where it is defined; the table "
             "under each page's title says which modules export it.", ""]
    top = exports.get("analysis", [])
    if top:
        index += ["## Importable from `analysis`", "",
                  ", ".join(f"[`{n}`][{home}]" for n in top
                            for home in [_home(units, f"analysis.{n}")]), ""]
    index += ["## Modules and packages", "", "| page | what it holds |", "|---|---|"]
    for unit in sorted(units):
        if unit == "analysis":
            continue
        module = importlib.import_module(unit)
        page = f"reference/api/{unit.removeprefix('analysis.')}.md"
        pages.append((unit, page))
        index.append(f"| [`{unit}`]({unit.removeprefix('analysis.')}.md) | "
                     f"{first_line(module.__doc__).replace('|', '/')} |")
        lines = [f"# `{unit}`", "", markdown(inspect.cleandoc(module.__doc__ or "")), "",
                 "| name | defined in | exported by |", "|---|---|---|"]
        entries = sorted(units[unit].items(), key=lambda kv: kv[0])
        for identifier, _ in entries:
            name = identifier.rsplit(".", 1)[1]
            where = sorted(m for m, ns in exports.items() if name in ns
                           and _same(m, name, identifier))
            lines.append(f"| [`{name}`][{identifier}] | `{identifier.rsplit('.', 1)[0]}` | "
                         + ", ".join(f"`{m}`" for m in where) + " |")
        lines.append("")
        for identifier, _ in entries:
            lines += [f"::: {identifier}", ""]
        write(page, _roles("\n".join(lines)))
    write("reference/api/index.md", "\n".join(index) + "\n")
    return pages


def _home(units, exported: str) -> str:
    for names in units.values():
        for identifier, where in names.items():
            if where == exported:
                return identifier
    module = importlib.import_module("analysis")
    obj = getattr(module, exported.rsplit(".", 1)[1])
    return f"{getattr(obj, '__module__', 'analysis')}.{exported.rsplit('.', 1)[1]}"


def _same(module_name: str, name: str, identifier: str) -> bool:
    home_module, _ = identifier.rsplit(".", 1)
    try:
        return getattr(importlib.import_module(module_name), name) is getattr(
            importlib.import_module(home_module), name)
    except AttributeError:
        return False


def _roles(text: str) -> str:
    return re.sub(r":(?:func|class|mod|data|meth|attr|exc|obj):`~?([^`]+)`", r"`\1`", text)


# --- the command line ----------------------------------------------------------------------

def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def _subparsers(parser: argparse.ArgumentParser):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {a.dest: a.help for a in action._choices_actions}
            for name, sub in action.choices.items():
                yield name, sub, helps.get(name, "")


def _options_table(parser: argparse.ArgumentParser) -> list[str]:
    formatter = parser._get_formatter()
    rows = ["| argument | value | default | meaning |", "|---|---|---|---|"]
    for action in parser._actions:
        if isinstance(action, (argparse._HelpAction, argparse._SubParsersAction)):
            continue
        if action.help == argparse.SUPPRESS:
            continue
        name = (", ".join(f"`{o}`" for o in action.option_strings)
                or f"`{action.metavar or action.dest}`")
        if action.choices is not None and not isinstance(action, argparse._SubParsersAction):
            value = " \\| ".join(f"`{c}`" for c in action.choices)
        elif action.nargs == 0:
            value = ""
        else:
            metavar = action.metavar or (action.dest.upper() if action.option_strings
                                         else action.dest)
            value = f"`{metavar}`" + (" ..." if action.nargs in ("*", "+") else "")
        default = action.default
        shown = "" if default in (None, False, argparse.SUPPRESS) or action.nargs == 0 and \
            default is False else f"`{default}`"
        meaning = formatter._expand_help(action) if action.help else ""
        rows.append(f"| {name} | {value} | {shown} | {_cell(meaning)} |")
    return rows if len(rows) > 2 else []


def cli_page() -> None:
    from analysis.cli import build_parser

    parser = build_parser()
    lines = ["# Command line: `discourse`", "",
             "Generated from the command's argument parser: every command, every option. "
             "`discourse COMMAND --help` prints the same.", "",
             _cell(parser.description or ""), "",
             "| command | what it does |", "|---|---|"]
    commands = list(_subparsers(parser))
    for name, _, help_text in commands:
        lines.append(f"| [`discourse {name}`](#{name}) | {_cell(help_text)} |")
    lines.append("")
    for name, sub, help_text in commands:
        lines += _command(f"discourse {name}", name, sub, help_text, level=2)
    write("reference/cli.md", "\n".join(lines) + "\n")


def _command(full: str, anchor: str, parser, help_text: str, *, level: int) -> list[str]:
    lines = [f"{'#' * level} `{full}` {{#{anchor}}}", "", _cell(help_text), "",
             "```text", parser.format_usage().strip(), "```", ""]
    if parser.description:
        lines += [parser.description.strip(), ""]
    lines += _options_table(parser) + [""]
    if parser.epilog:
        lines += ["```text", parser.epilog.strip(), "```", ""]
    for name, sub, sub_help in _subparsers(parser):
        lines += _command(f"{full} {name}", f"{anchor}-{name}", sub, sub_help, level=level + 1)
    return lines


# --- the dictionary files ------------------------------------------------------------------

def dictionary_page() -> None:
    data = Path(analysis.__file__).parent / "data"
    lines = ["# Dictionary files", "",
             "The frame dictionary and the actor dictionary are commented TOML files. The "
             "syntax below is the header of each shipped file, as it is in the package: "
             "`discourse frames --init myframes.toml` (or `discourse actors --init`) copies "
             "the file with this header, to edit.", ""]
    for path in sorted(data.glob("*_default.toml")):
        header = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.startswith("#"):
                break
            header.append(line[2:] if line.startswith("# ") else line[1:])
        title = path.stem.removesuffix("_default").capitalize()
        lines += [f"## {title}: `analysis/data/{path.name}`", "", "```text", *header, "```", ""]
        body = path.read_text(encoding="utf-8").splitlines()[len(header):]
        lines += ["??? example \"The whole shipped file\"", "", "    ```toml",
                  *("    " + b for b in body), "    ```", ""]
    write("reference/dictionary-files.md", "\n".join(lines))


# --- the output tables ---------------------------------------------------------------------

COLUMNS = re.compile(r"(?:^|\n)((?:Returns?|Return|A|One|The)[^\n]*?(?:columns?|rows?)[^\n]*"
                     r"(?:\n(?!\s*\n)[^\n]*)*)", re.S)


def _columns_section(doc: str) -> str | None:
    """The paragraph of a docstring that says what the table holds, and its bullet list of
    columns."""
    text = inspect.cleandoc(doc)
    paragraphs = re.split(r"\n\s*\n", text)
    for i, paragraph in enumerate(paragraphs):
        if paragraph.lstrip().startswith("Returns") and re.search(r"columns?\b", paragraph):
            section = [paragraph]
            for following in paragraphs[i + 1:]:
                if following.lstrip().startswith("- "):
                    section.append(following)
                else:
                    break
            return "\n\n".join(section)
    return None


def tables_page() -> None:
    units, _ = public_names()
    lines = ["# Output tables", "",
             "Every function that returns a table, with its columns, as its docstring "
             "states them (the command-line table of the same name has the same columns). "
             "Follow a name to the whole docstring.", ""]
    for unit in sorted(units):
        found = []
        for identifier in sorted(units[unit]):
            module_name, name = identifier.rsplit(".", 1)
            obj = getattr(importlib.import_module(module_name), name, None)
            obj = inspect.unwrap(obj) if callable(obj) else obj
            if not inspect.isfunction(obj):
                continue
            section = _columns_section(obj.__doc__ or "")
            if section:
                found.append((name, identifier, section))
        if found:
            lines += [f"## `{unit}`", ""]
            for name, identifier, section in found:
                lines += [f"### `{name}`", "", f"[`{name}`][{identifier}]: "
                          + _roles(re.sub(r"``([^`]+)``", r"`\1`", section)), ""]
    write("reference/tables.md", "\n".join(lines))


# --- the layout of the package ------------------------------------------------------------

def layout_page() -> None:
    import tomllib

    lines = ["# The package, module by module", "",
             "Generated from the package: every module and package of `analysis`, with the "
             "first sentence of its docstring, and the layers that `make lint` checks "
             "(the import-linter contracts in `pyproject.toml`). Which file to touch for a "
             "new format, method or notebook: "
             "[Contributing](../contributing.md#which-file-to-touch).",
             "", "## Modules", "", "| module | what it holds |", "|---|---|"]
    for name in modules():
        spec = importlib.util.find_spec(name)
        source = Path(spec.origin).read_text(encoding="utf-8") if spec and spec.origin else ""
        try:
            doc = ast.get_docstring(ast.parse(source)) or ""
        except SyntaxError:
            doc = ""
        depth = name.count(".") - 1
        shown = "&nbsp;" * 4 * depth + f"`{name}`"
        lines.append(f"| {shown} | {_cell(_roles(first_line(doc)))} |")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = project.get("tool", {}).get("importlinter", {}).get("contracts", [])
    lines += ["", "## Layers", "",
              "A module imports only from layers below its own (top to bottom); modules on "
              "one line are independent of each other.", ""]
    for contract in contracts:
        lines += [f"**{contract.get('name', '')}**", ""]
        container = contract.get("containers", [""])[0]
        for i, layer in enumerate(contract.get("layers", []), start=1):
            parts = [f"`{container + '.' if container else ''}{p.strip()}`"
                     for p in layer.split("|")]
            lines.append(f"{i}. " + ", ".join(parts))
        lines.append("")
    write("reference/layout.md", "\n".join(lines))


# --- the error classes --------------------------------------------------------------------

def errors_page() -> None:
    units, _ = public_names()
    rows = []
    for unit in sorted(units):
        for identifier in sorted(units[unit]):
            module_name, name = identifier.rsplit(".", 1)
            obj = getattr(importlib.import_module(module_name), name, None)
            if inspect.isclass(obj) and issubclass(obj, (Exception, Warning)):
                bases = ", ".join(f"`{b.__name__}`" for b in obj.__bases__)
                rows.append(f"| [`{name}`][{identifier}] | {bases} | "
                            f"{_cell(_roles(first_line(obj.__doc__)))} |")
    lines = ["# Errors and warnings", "",
             "Every error and warning class the toolkit raises on purpose, generated from the "
             "package. On the command line each error is one line on stderr (exit status 2) "
             "that names the file, the line where there is one, and what to do; in a notebook "
             "it is the same message, without a traceback. "
             "[When something goes wrong](../guides/troubleshooting.md) goes through the "
             "messages one by one.", "",
             "| class | is a | raised when |", "|---|---|---|", *rows, ""]
    write("reference/errors.md", "\n".join(lines))


# --- the notebooks -------------------------------------------------------------------------

def _manifest() -> dict[str, dict[str, str]]:
    path = ROOT / "figures" / "MANIFEST.csv"
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as f:
        return {row["file"]: row for row in csv.DictReader(f)}


def _csv_head(path: Path, rows: int = 8) -> list[str]:
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader, None)
        if not header:
            return []
        body = [row for _, row in zip(range(rows), reader, strict=False)]
        total = rows + sum(1 for _ in reader)
    shown = len(body)
    lines = ["| " + " | ".join(_cell(h) for h in header) + " |",
             "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_cell(c[:80]) for c in row) + " |" for row in body]
    if total > shown:
        lines += ["", f"*The first {shown} rows; all are in `figures/{path.name}`.*"]
    return lines


SAVED = re.compile(r"(figure_save|table_save)\(\s*[^,()]+(?:\([^()]*\))?\s*,"
                   r"\s*f?[\"']([^\"']+)[\"']")


def notebook_pages() -> list[tuple[str, str]]:
    manifest = _manifest()
    figures = ROOT / "figures"
    pages = []
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        shown: set[str] = set()
        lines = [f"!!! note \"Rendered from `notebooks/{path.name}`\"",
                 "    The notebook's text and code; its figures and tables are the files "
                 "it saved in `figures/` from the bundled corpus. Run it with `make lab`, "
                 "or all notebooks with `discourse figures`.", ""]
        title = path.stem
        for cell in cells:
            source = "".join(cell["source"])
            if cell["cell_type"] == "markdown":
                if title == path.stem and source.startswith("# "):
                    title = source.splitlines()[0][2:].strip()
                    lines.insert(0, "")
                    lines.insert(0, source.splitlines()[0])
                    source = "\n".join(source.splitlines()[1:])
                lines += [source, ""]
                continue
            if cell["cell_type"] != "code" or not source.strip():
                continue
            lines += ["```python", source.rstrip(), "```", ""]
            for kind, name in SAVED.findall(source):
                lines += _output(kind, name, figures, manifest, shown)
        rest = sorted(row["file"].rsplit(".", 1)[0] for row in manifest.values()
                      if row["notebook"] == path.stem and row["file"].endswith(".png")
                      and row["file"].rsplit(".", 1)[0] not in shown)
        if rest:
            lines += ["## More figures of this notebook", ""]
            for name in rest:
                lines += _output("figure_save", name, figures, manifest, shown)
        page = f"notebooks/{path.stem}.md"
        write(page, "\n".join(lines) + "\n")
        pages.append((title, page))
    return pages


def _output(kind, name, figures, manifest, shown) -> list[str]:
    if kind == "figure_save":
        png = figures / f"{name}.png"
        if not png.exists() or name in shown:
            return []
        shown.add(name)
        copy(png, f"notebooks/figures/{name}.png")
        caption = manifest.get(f"{name}.png", {}).get("caption", "")
        return ["<figure markdown>", f"![{_cell(caption) or name}](figures/{name}.png)",
                f"<figcaption><code>{name}</code>: {caption}</figcaption>", "</figure>", ""]
    table = figures / f"{name}.csv"
    if not table.exists() or f"table:{name}" in shown:
        return []
    shown.add(f"table:{name}")
    return [f"??? info \"Table `{name}.csv`\"", "",
            *("    " + line for line in _csv_head(table)), ""]


# --- placeholders and navigation -----------------------------------------------------------

def placeholders() -> None:
    for name, title in LINKED_GUIDES.items():
        if not (DOCS / "guides" / name).exists():
            write(f"guides/{name}", f"# {title}\n\nThis guide is being written.\n")


def pages_in(folder: str, order: list[str] | None = None) -> list[tuple[str, str]]:
    found = {p.name: p for p in (DOCS / folder).glob("*.md")}
    for name in LINKED_GUIDES:
        if folder == "guides" and name not in found:
            found[name] = None
    names = [n for n in (order or []) if n in found]
    names += sorted(n for n in found if n not in names)
    return [(title_of(found[n]) if found[n] else LINKED_GUIDES[n], f"{folder}/{n}")
            for n in names]


def summary(notebooks, api) -> None:
    def entry(title, page, indent=0):
        return f"{'    ' * indent}* [{title}]({page})"

    lines = [entry("Home", "index.md"), "* Tutorial"]
    lines += [entry(t, p, 1) for t, p in pages_in("tutorial")]
    lines += ["* How-to guides"] + [entry(t, p, 1) for t, p in pages_in("guides", GUIDE_ORDER)]
    lines += ["* Explanation"] + [entry(t, p, 1) for t, p in pages_in("explanation")]
    lines += ["* Notebooks"] + [entry(t, p, 1) for t, p in notebooks]
    lines += ["* Reference", entry("Command line", "reference/cli.md", 1),
              entry("Dictionary files", "reference/dictionary-files.md", 1),
              entry("Output tables", "reference/tables.md", 1),
              entry("Errors and warnings", "reference/errors.md", 1),
              entry("The package, module by module", "reference/layout.md", 1),
              "    * Python", entry("Overview", "reference/api/index.md", 2)]
    lines += [entry(f"{unit.removeprefix('analysis.')}", page, 2) for unit, page in api]
    lines += [entry("Contributing", "contributing.md")]
    write("SUMMARY.md", "\n".join(lines) + "\n")


placeholders()
api = api_pages()
cli_page()
dictionary_page()
tables_page()
errors_page()
layout_page()
summary(notebook_pages(), api)
