"""Names a package offers from its modules, each imported when it is first asked for
(PEP 562), so importing a package costs nothing until one of its functions is used and a
package never imports its own modules back through its ``__init__``."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping, Sequence

__all__ = ["lazy_exports"]


def lazy_exports(package: str, exports: Mapping[str, Sequence[str]]
                 ) -> tuple[list[str], Callable[[str], object], Callable[[], list[str]]]:
    """``__all__``, ``__getattr__`` and ``__dir__`` of the package ``package``, which offers
    the names ``exports`` lists by module: ``".words"`` is a module of the package,
    ``"analysis.tables"`` any other. A name is looked up in its module at each use, so it
    is always the module's current value.

    >>> names, get, _ = lazy_exports("analysis.text", {".spans": ["spans_overlap"]})
    >>> names, get("spans_overlap").__module__
    (['spans_overlap'], 'analysis.text.spans')
    """
    where = {name: module for module, names in exports.items() for name in names}

    def __getattr__(name: str) -> object:
        if name not in where:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(importlib.import_module(where[name], package), name)

    def __dir__() -> list[str]:
        return sorted(set(vars(sys.modules[package])) | set(where))

    return list(where), __getattr__, __dir__
