"""The names the package offers: everything in ``__all__`` of ``analysis`` and of each
capability package resolves, to the function its module defines, and importing a package
imports none of its modules until a name is used."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

import analysis
from analysis.paths import ROOT

PACKAGES = ["analysis.text", "analysis.periods", "analysis.tokens", "analysis.vocabulary",
            "analysis.dictionaries", "analysis.timeline", "analysis.output", "analysis.query",
            "analysis.learn", "analysis.statistics"]


def test_every_name_in_the_top_level_all_resolves():
    assert len(analysis.__all__) == len(set(analysis.__all__))
    for name in analysis.__all__:
        value = getattr(analysis, name)
        module = importlib.import_module(value.__module__)
        assert getattr(module, name) is value, name
    assert {"corpus_load", "corpus_check", "tokens_corpus", "textstat_frequency",
            "textstat_keyness", "kwic", "frames_match", "sentiment_corpus",
            "textplot_frequency", "figure_save"} <= set(analysis.__all__)


@pytest.mark.parametrize("package", PACKAGES)
def test_every_name_a_package_offers_resolves(package):
    module = importlib.import_module(package)
    assert module.__all__ and len(module.__all__) == len(set(module.__all__))
    for name in module.__all__:
        getattr(module, name)
    assert set(module.__all__) <= set(dir(module))
    with pytest.raises(AttributeError, match=f"module '{package}' has no attribute 'nothing'"):
        module.nothing  # noqa: B018


def test_from_analysis_import_gives_the_modules_function():
    from analysis import kwic, textstat_frequency
    from analysis.vocabulary.concordance import kwic as kwic_defined
    from analysis.vocabulary.frequency import textstat_frequency as frequency_defined

    assert kwic is kwic_defined and textstat_frequency is frequency_defined


def test_importing_the_packages_imports_no_library():
    code = ("import sys, analysis, " + ", ".join(PACKAGES) + "\n"
            "print(sorted(m for m in ('pandas', 'numpy', 'matplotlib') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, check=True)
    assert done.stdout.strip() == "[]"
