"""The package's import structure: no module imports itself back through others. (The
layers are a contract in pyproject.toml that ``make lint`` checks with lint-imports.)"""

from __future__ import annotations

import grimp
import pytest


@pytest.fixture(scope="module")
def graph():
    return grimp.build_graph("analysis")


def test_no_import_cycle_in_the_package(graph):
    """Depth-first search over the imports between modules of ``analysis``: a cycle is a
    module that can reach itself."""
    cycles = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for imported in sorted(graph.find_modules_directly_imported_by(module)):
            if state.get(imported) == 1:
                cycles.append(path[path.index(imported):] + [imported])
            elif imported not in state:
                visit(imported, path + [imported])
        state[module] = 2

    for module in sorted(graph.modules):
        if module not in state:
            visit(module, [module])
    assert cycles == []


def test_tokens_import_corpus_and_not_the_reverse(graph):
    assert graph.chain_exists(importer="analysis.tokens", imported="analysis.corpus",
                              as_packages=True)
    assert not graph.chain_exists(importer="analysis.corpus", imported="analysis.tokens",
                                  as_packages=True)

