"""Hugging Face Hub look-ups for model names that are not local directories.

Why a module of its own: telling a mistyped local path (``runs/my-model``) from a
Hub id, and failing in seconds when offline, are decisions apart from loading.
"""

from __future__ import annotations

import os
import re
import socket
from pathlib import Path
from urllib.parse import urlparse

from phogov.errors import ModelLoadError

_HUB_ID = re.compile(r"[A-Za-z0-9][\w.-]*/[A-Za-z0-9][\w.-]*")


def could_be_hub_id(name: str, path: Path) -> bool:
    """``owner/name`` whose ``owner`` is not a local directory: ``runs/my-model`` with a
    ``runs/`` here is a missing local model, never a Hub download."""
    return bool(_HUB_ID.fullmatch(name)) and not path.parent.is_dir()


def hub_reachable(timeout: float = 3.0) -> bool:
    """A quick connect test, so offline machines fail in seconds, not after a minute of retries."""
    if os.environ.get("HF_HUB_OFFLINE", "").lower() in ("1", "true", "yes"):
        return False
    host = urlparse(os.environ.get("HF_ENDPOINT", "https://huggingface.co")).hostname
    try:
        with socket.create_connection((host or "huggingface.co", 443), timeout=timeout):
            return True
    except OSError:
        return False


def download(repo_id: str, what: str) -> str:
    """The local snapshot of ``repo_id``: the cache first, then the network if reachable."""
    from huggingface_hub import snapshot_download

    try:
        return snapshot_download(repo_id, local_files_only=True)
    except Exception:  # noqa: BLE001 - not cached: try the network below
        pass
    if not hub_reachable():
        raise ModelLoadError(
            f"could not load {what}: it is not in the Hugging Face cache and "
            "huggingface.co cannot be reached (offline?)"
        )
    try:
        return snapshot_download(repo_id)
    except Exception as exc:  # noqa: BLE001
        raise ModelLoadError(
            f"could not download {what} from Hugging Face: {type(exc).__name__}: {exc}"
        ) from None


def cached_on_hub(repo_id: str) -> bool:
    """Whether the Hugging Face cache holds ``repo_id`` (so no network is needed)."""
    try:
        from huggingface_hub import try_to_load_from_cache

        hit = try_to_load_from_cache(repo_id, "config.json")
        return isinstance(hit, str)
    except Exception:  # noqa: BLE001
        return False
