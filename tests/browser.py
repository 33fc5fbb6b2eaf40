"""Helpers for the HTML tests: a small DOM built with the standard parser, and headless chromium.

The browser tests load pages in Debian's ``chromium`` and read back the DOM it
built (``--dump-dom``): what a person's browser would show, scripts run or not.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from html.parser import HTMLParser

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("/usr/bin/chromium")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None,
    reason="Debian's chromium is not installed (.ci/run installs it: apt-get install chromium)",
)

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
         "track", "wbr"}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    children: list[Node | str] = field(default_factory=list)

    @property
    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()

    def iter(self):
        yield self
        for c in self.children:
            if isinstance(c, Node):
                yield from c.iter()

    def find_all(self, tag: str | None = None, cls: str | None = None) -> list[Node]:
        return [n for n in self.iter()
                if (tag is None or n.tag == tag) and (cls is None or cls in n.classes)]

    def find(self, tag: str | None = None, cls: str | None = None) -> Node:
        found = self.find_all(tag, cls)
        assert found, f"no <{tag or '*'} class={cls}> in the DOM"
        return found[0]

    def by_id(self, id_: str) -> Node:
        found = [n for n in self.iter() if n.attrs.get("id") == id_]
        assert len(found) == 1, f"{len(found)} elements with id {id_!r}"
        return found[0]

    def text(self, skip_classes: tuple[str, ...] = ()) -> str:
        """textContent, leaving out the subtrees of elements with any of ``skip_classes``."""
        out = []
        for c in self.children:
            if isinstance(c, str):
                out.append(c)
            elif not set(c.classes) & set(skip_classes):
                out.append(c.text(skip_classes))
        return "".join(out)


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1].children.append(Node(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def parse(html: str) -> Node:
    b = _Builder()
    b.feed(html)
    b.close()
    return b.root


def entities(root: Node) -> list[tuple[str, str]]:
    """(label, exact text) of every entity element, in document order."""
    return [(n.attrs.get("data-label", ""), n.find(cls="ent-text").text())
            for n in root.find_all(cls="ent")]


def dump_dom(url: str, budget_ms: int | None = None, timeout: float = 120) -> str:
    """The DOM chromium builds for ``url`` (after ``budget_ms`` of virtual time for scripts)."""
    assert CHROMIUM is not None
    with tempfile.TemporaryDirectory() as profile:
        cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--no-first-run", f"--user-data-dir={profile}"]
        if budget_ms:
            cmd.append(f"--virtual-time-budget={budget_ms}")
        proc = subprocess.run([*cmd, "--dump-dom", url], capture_output=True, text=True,
                              timeout=timeout, check=False)
    assert proc.returncode == 0, f"chromium failed ({proc.returncode}): {proc.stderr[-2000:]}"
    assert "<html" in proc.stdout, f"chromium printed no DOM: {proc.stderr[-2000:]}"
    return proc.stdout
