"""A classifier on disk: a folder with ``model.npz`` (plain arrays, read without pickle),
``model.json`` (settings, labels, format version and the SHA-256 of ``model.npz``) and,
after training, ``report.json``."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import numpy as np

from analysis.io import file_sha256, write_atomic
from analysis.learn.classifier import Classifier, LearnError
from analysis.learn.features import Features
from analysis.learn.models import learn_model

__all__ = ["MODEL_FORMAT", "MODEL_FORMAT_VERSION", "learn_save", "learn_load",
           "learn_report_load"]

MODEL_FORMAT = "discourse-classifier"
#: Raised whenever the files' layout changes; a folder of another version is refused.
MODEL_FORMAT_VERSION = 1


def _npz_bytes(arrays: dict[str, np.ndarray]) -> bytes:
    """An NPZ file, byte-identical for the same arrays (fixed member dates and order)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for key in sorted(arrays):
            info = zipfile.ZipInfo(f"{key}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            data = io.BytesIO()
            np.lib.format.write_array(data, np.asarray(arrays[key]), allow_pickle=False)
            zf.writestr(info, data.getvalue())
    return buffer.getvalue()


def _json_bytes(data: dict) -> bytes:
    return (json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n").encode()


def learn_save(classifier: Classifier, folder: str | Path, *, report: dict | None = None
               ) -> Path:
    """Write ``classifier`` (and its training ``report``) into ``folder``; the same model
    gives the same bytes. Returns the folder."""
    import sklearn

    folder = Path(folder)
    arrays = classifier.features.arrays()
    arrays.update({f"model_{k}": v for k, v in classifier.model.arrays().items()})
    data = _npz_bytes(arrays)
    write_atomic(folder / "model.npz", data)
    import hashlib

    integer = all(isinstance(v, int | np.integer) for v in classifier.labels)
    meta = {"format": MODEL_FORMAT, "format_version": MODEL_FORMAT_VERSION,
            "settings": classifier.settings,
            "labels": [int(v) if integer else str(v) for v in classifier.labels],
            "n_features": classifier.features.n_features(),
            "model_sha256": hashlib.sha256(data).hexdigest(),
            "versions": {"scikit-learn": sklearn.__version__}}
    write_atomic(folder / "model.json", _json_bytes(meta))
    if report is not None:
        write_atomic(folder / "report.json", _json_bytes(report))
    return folder


def learn_load(folder: str | Path) -> Classifier:
    """The classifier saved in ``folder`` by :func:`learn_save`. A folder without a model,
    of another format version, or whose ``model.npz`` does not match the SHA-256 in
    ``model.json`` (changed after saving) raises :class:`LearnError` naming the folder."""
    folder = Path(folder)
    meta_path, npz_path = folder / "model.json", folder / "model.npz"
    if not folder.is_dir() or not meta_path.exists() or not npz_path.exists():
        raise LearnError(f"{folder}: not a classifier folder (it needs model.json and "
                         "model.npz); train one with `discourse classify-train`")
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise LearnError(f"{meta_path}: not readable JSON ({exc}); train the model "
                         "again") from None
    if not isinstance(meta, dict) or meta.get("format") != MODEL_FORMAT:
        raise LearnError(f"{meta_path}: not a classifier of this toolkit")
    if meta.get("format_version") != MODEL_FORMAT_VERSION:
        raise LearnError(f"{folder}: a model of format version {meta.get('format_version')}; "
                         f"this version reads version {MODEL_FORMAT_VERSION}: train the "
                         "model again with `discourse classify-train`")
    if file_sha256(npz_path) != meta.get("model_sha256"):
        raise LearnError(f"{npz_path}: its SHA-256 does not match the one in model.json: "
                         "the file was changed after training; train the model again")
    try:
        with np.load(npz_path, allow_pickle=False) as npz:
            arrays = {k: npz[k] for k in npz.files}
        settings = meta["settings"]
        features = Features.from_arrays(settings["features"], arrays)
        model = learn_model(settings["model"], settings["model_settings"],
                            seed=settings.get("seed", 0))
        model.load_arrays({k[len("model_"):]: v for k, v in arrays.items()
                           if k.startswith("model_")})
    except (KeyError, ValueError, OSError) as exc:
        raise LearnError(f"{folder}: the model files are incomplete ({exc}); train the "
                         "model again") from None
    return Classifier(features, model, meta["labels"], settings)


def learn_report_load(folder: str | Path) -> dict:
    """The training report (``report.json``) of a model folder."""
    path = Path(folder) / "report.json"
    if not path.exists():
        raise LearnError(f"{folder}: no report.json (the model was saved without one)")
    return json.loads(path.read_text(encoding="utf-8"))
