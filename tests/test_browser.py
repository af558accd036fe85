"""The notebooks in a real browser: JupyterLab in headless Chromium runs every notebook.

The browser test is marked ``browser``: ``make test`` runs it, ``-m "not browser"`` leaves
it out. It needs the system's Chromium (Debian's ``chromium`` package, as ``.ci/run``
installs it) and Playwright for Python. Without Chromium it is skipped on a laptop and fails
on CI (``CI=true``). Screenshots go to ``tests/screenshots/`` (git-ignored), one per
notebook, with ``report.txt`` listing per notebook the cells run and the images seen.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from analysis.notebooks import notebooks_list
from analysis.paths import ROOT

CHROMIUM = Path(os.environ.get("DISCOURSE_CHROMIUM", "/usr/bin/chromium"))
SCREENSHOTS = Path(os.environ.get("DISCOURSE_SCREENSHOTS", ROOT / "tests" / "screenshots"))
#: Chromium as root in a container needs these (and a fresh --user-data-dir per run).
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"]
NOTEBOOK_TIMEOUT_S = 300
#: Notebooks also run with English figures and tables (a copy named ``<name>-en.ipynb``).
ENGLISH = ["rq1-vocabulary-by-outlet", "rq5-who-speaks"]


def _need(condition: bool, why: str) -> None:
    if condition:
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{why} (required on CI: .ci/run installs it)")
    pytest.skip(why)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """JupyterLab on 127.0.0.1 with a token, serving a copy of notebooks/ whose parameter
    cells write into a temporary folder (figures/ is left alone), and English copies of the
    notebooks in ``ENGLISH``; yields (url, token, out)."""
    _need(CHROMIUM.exists(), f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    try:
        import playwright  # noqa: F401
    except ImportError:
        _need(False, "Playwright for Python is not installed (pip install -e '.[test]')")
    base = tmp_path_factory.mktemp("lab")
    (SCREENSHOTS / "report.txt").unlink(missing_ok=True)
    out = base / "out"
    work = base / "notebooks"
    work.mkdir()
    for path in notebooks_list():
        for lang in ("nl", "en") if path.stem in ENGLISH else ("nl",):
            notebook = json.loads(path.read_text(encoding="utf-8"))
            for cell in notebook["cells"]:
                if "parameters" in cell.get("metadata", {}).get("tags", []):
                    cell["source"] = "".join(cell["source"]) + (
                        f"\nout_dir = {str(out / lang)!r}\nlang = {lang!r}")
            name = path.name if lang == "nl" else f"{path.stem}-en.ipynb"
            (work / name).write_text(json.dumps(notebook), encoding="utf-8")
    settings = base / "settings" / "@jupyterlab" / "notebook-extension"
    settings.mkdir(parents=True)
    # every cell in the page (no virtual scrolling), so every output can be measured
    (settings / "tracker.jupyterlab-settings").write_text('{"windowingMode": "none"}')
    news = base / "settings" / "@jupyterlab" / "apputils-extension"
    news.mkdir(parents=True)
    (news / "notification.jupyterlab-settings").write_text('{"fetchNews": "false"}')
    env = dict(os.environ, JUPYTERLAB_SETTINGS_DIR=str(base / "settings"),
               JUPYTERLAB_WORKSPACES_DIR=str(base / "workspaces"),
               JUPYTER_RUNTIME_DIR=str(base / "runtime"), JUPYTER_CONFIG_DIR=str(base / "config"))
    port, token = _free_port(), "discourse-browser-test"
    log = (base / "lab.log").open("wb")
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
         f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={base}",
         "--LabApp.expose_app_in_browser=True",
         *(["--allow-root"] if os.geteuid() == 0 else [])],
        stdout=log, stderr=subprocess.STDOUT, env=env, cwd=base)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=2)
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("JupyterLab did not start:\n" + (
                        base / "lab.log").read_text(errors="replace")) from None
                time.sleep(0.5)
        yield url, token, out
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


@pytest.fixture(scope="module")
def browser_page(lab, tmp_path_factory):
    from playwright.sync_api import sync_playwright

    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(profile), executable_path=str(CHROMIUM), headless=True,
            args=CHROMIUM_FLAGS, viewport={"width": 1280, "height": 900})
        try:
            yield context.pages[0] if context.pages else context.new_page()
        finally:
            context.close()


def _shutdown_kernels(url: str, token: str) -> None:
    """Stop every kernel the server runs, so each notebook starts with the machine to itself."""
    headers = {"Authorization": f"token {token}"}
    request = urllib.request.Request(f"{url}/api/kernels", headers=headers)
    for kernel in json.load(urllib.request.urlopen(request, timeout=10)):
        urllib.request.urlopen(urllib.request.Request(
            f"{url}/api/kernels/{kernel['id']}", headers=headers, method="DELETE"), timeout=30)


_READY = """path => {
  const app = window.jupyterapp;
  const panel = app && app.shell.currentWidget;
  if (!panel || !panel.context || panel.context.path !== path) return false;
  const session = panel.sessionContext && panel.sessionContext.session;
  return !!(session && session.kernel && session.kernel.status === 'idle');
}"""

_STATE = """() => {
  const panel = window.jupyterapp.shell.currentWidget;
  if (!panel || !panel.content || !panel.sessionContext) return null;
  const kernel = panel.sessionContext.session && panel.sessionContext.session.kernel;
  const cells = panel.content.widgets.filter(c => c.model.type === 'code').map(c => ({
    source: c.model.sharedModel.getSource(),
    count: c.model.executionCount,
    running: c.node.querySelector('.jp-InputPrompt').textContent.includes('*'),
    outputs: Array.from(c.node.querySelectorAll('.jp-OutputArea-output'))
                  .map(o => o.getAttribute('data-mime-type') || ''),
    errors: Array.from(c.node.querySelectorAll(
        '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'))
                  .map(o => o.textContent.slice(0, 500)),
    images: Array.from(c.node.querySelectorAll('.jp-OutputArea-output img')).map(i => {
        const r = i.getBoundingClientRect();
        return {natural: i.naturalWidth, width: r.width, height: r.height};
    }),
  }));
  return {kernel: kernel ? kernel.status : 'none', cells};
}"""


def _open_and_run(page, url: str, token: str, name: str) -> dict:
    """Open notebook ``name`` in JupyterLab, run all its cells and wait until they ran (or
    one failed, or the time is up); returns the notebook's state (see ``_STATE``)."""
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{url}/lab/tree/notebooks/{name}?reset&token={token}")
    page.wait_for_function(_READY, arg=f"notebooks/{name}", timeout=90_000)
    page.evaluate("window.jupyterapp.commands.execute('notebook:run-all-cells')")
    deadline = time.monotonic() + NOTEBOOK_TIMEOUT_S
    while True:
        state = page.evaluate(_STATE)
        done = state["kernel"] == "idle" and not any(c["running"] for c in state["cells"]) \
            and all(c["count"] is not None for c in state["cells"])
        failed = any(c["errors"] for c in state["cells"])
        if done or failed or time.monotonic() > deadline:
            return state
        time.sleep(1)


@pytest.mark.browser
@pytest.mark.parametrize("name", [p.name for p in notebooks_list()] +
                         [f"{stem}-en.ipynb" for stem in ENGLISH])
def test_each_notebook_runs_in_jupyterlab_and_shows_its_figures(lab, browser_page, name):
    url, token, _ = lab
    page = browser_page
    _open_and_run(page, url, token, name)
    # one tall screenshot shows the whole notebook
    height = page.evaluate("""() => {
        const node = window.jupyterapp.shell.currentWidget.content.node;
        return Math.max(node.scrollHeight, ...Array.from(
            node.querySelectorAll('.jp-WindowedPanel-outer, .jp-WindowedPanel-inner'),
            n => n.scrollHeight));
    }""")
    page.set_viewport_size({"width": 1280, "height": min(max(height + 200, 900), 16000)})
    page.evaluate("""() => {
        const node = window.jupyterapp.shell.currentWidget.content.node;
        node.scrollTop = 0;
        node.querySelectorAll('.jp-WindowedPanel-outer').forEach(n => { n.scrollTop = 0; });
    }""")
    page.wait_for_timeout(500)
    state = page.evaluate(_STATE)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{Path(name).stem}.png"), full_page=True)

    cells = state["cells"]
    assert state["kernel"] == "idle", f"{name}: kernel {state['kernel']}"
    errors = [(c["source"][:60], e) for c in cells for e in c["errors"]]
    assert errors == [], f"{name}: error or warning output: {errors}"
    assert all(c["count"] is not None for c in cells), f"{name}: not every cell ran"
    for cell in cells:
        figures = cell["source"].count("figure_save(")
        assert len(cell["images"]) == figures, f"{name}: {cell['source'][:60]!r}"
        for image in cell["images"]:
            assert image["natural"] > 0 and image["width"] > 0 and image["height"] > 0
    _shutdown_kernels(url, token)
    report = SCREENSHOTS / "report.txt"
    with report.open("a", encoding="utf-8") as handle:
        images = [(i["width"], i["height"]) for c in cells for i in c["images"]]
        handle.write(f"{name}: {len(cells)} code cells run; {len(images)} images {images}\n")


@pytest.mark.browser
def test_coding_view_codes_by_buttons_and_keys_and_saves_each_unit(lab, browser_page):
    """rq7's coding view in the browser: a click per frame and "Save and next" save the
    first unit to the sheet; typing the codes in the key box saves the second."""
    import pandas as pd

    url, token, _ = lab
    page = browser_page
    name = "rq7-validating-frames.ipynb"
    state = _open_and_run(page, url, token, name)
    assert not any(c["errors"] for c in state["cells"]), state
    view = page.locator(".widget-vbox").filter(has=page.locator(".widget-toggle-buttons"))
    view.first.wait_for(timeout=30_000)
    groups = view.first.locator(".widget-toggle-buttons")
    assert groups.count() == 5  # one row of buttons per frame of the shipped dictionary
    assert "Unit 1 of 40" in view.first.inner_text()
    for k in range(groups.count()):
        groups.nth(k).locator("button", has_text="1").first.click()
    view.first.locator("button", has_text="Save and next").click()
    page.wait_for_function("() => document.body.innerText.includes('Unit 2 of 40')",
                           timeout=30_000)
    saved = view.first.locator(".widget-html-content", has_text="Saved unit 1 to")
    path = saved.inner_text().split("Saved unit 1 to", 1)[1].strip().rstrip(".")
    frames = ["koude_oorlog", "escalatie", "sancties", "diplomatie", "militair"]
    sheet = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert sheet.loc[0, frames].tolist() == ["1"] * 5
    assert sheet.loc[1, frames].tolist() == [""] * 5
    view.first.locator(".widget-text input").fill("00100")
    page.wait_for_function("() => document.body.innerText.includes('Unit 3 of 40')",
                           timeout=30_000)
    sheet = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert sheet.loc[1, frames].tolist() == ["0", "0", "1", "0", "0"]
    _shutdown_kernels(url, token)


def test_without_chromium_the_browser_test_skips_on_a_laptop_and_fails_on_ci(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="Chromium not found"):
        _need(False, "Chromium not found at /nowhere")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match=r"required on CI"):
        _need(False, "Chromium not found at /nowhere")
    _need(True, "never said")
