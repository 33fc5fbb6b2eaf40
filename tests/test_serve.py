"""The HTTP service: predict() over HTTP, limits that name themselves, a page in chromium."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

pytest.importorskip("fastapi", reason="the [serve] extra is not installed")

from browser import dump_dom, entities, needs_chromium, parse  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402

import phogov  # noqa: E402
from phogov import predict  # noqa: E402
from phogov.cli import main  # noqa: E402
from phogov.render import render_body  # noqa: E402
from phogov.serve import Limits, create_app  # noqa: E402

ARTICLE = (
    "Đồng chí Trần Thị Mai, Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch UBND tỉnh phát biểu. "
    "Vốn đầu tư công giải ngân 2.300 tỷ đồng, đạt 61,4% kế hoạch.\n"
    'Chú thích <script>document.documentElement.setAttribute("data-pwned","1")</script>'
    "<img src=x onerror=\"document.documentElement.setAttribute('data-pwned','2')\"> hết.\n"
    "Bộ Công an triển khai kế hoạch bảo đảm an ninh."
)
TEXTS = [
    "Chủ tịch UBND tỉnh Nguyễn Văn Bình dự hội nghị.",
    "Thu ngân sách đạt 932,7 tỷ đồng, tăng 12,5%.",
    "Sở Y tế tổ chức khám bệnh miễn phí cho người dân.",
    ARTICLE,
    "",
]
LIMITS = Limits(max_body_bytes=4096, max_texts=3, max_chars=600)


@pytest.fixture(scope="module")
def client():
    with TestClient(create_app("rules", LIMITS)) as c:
        yield c


def _post(client, path: str, body) -> tuple[int, object]:
    r = client.post(path, content=body if isinstance(body, (str, bytes)) else json.dumps(body),
                    headers={"Content-Type": "application/json"})
    return r.status_code, (r.json() if "json" in r.headers.get("content-type", "") else r.text)


# --------------------------------------------------------------------------- schema


def test_predict_returns_what_predict_returns(client) -> None:
    status, body = _post(client, "/predict", {"text": ARTICLE})
    assert status == 200
    assert body == predict(ARTICLE, model="rules")
    # and the answer is the guideline's, not just the same object twice
    assert ("OFFICIAL", "Trần Thị Mai") in [(e["label"], e["text"]) for e in body["entities"]]
    money = next(e for e in body["entities"] if e["label"] == "MONEY")
    assert money["values"] == [2_300_000_000_000.0] and money["unit"] == "VND"


def test_texts_give_a_list(client) -> None:
    status, body = _post(client, "/predict", {"texts": TEXTS[:3]})
    assert status == 200 and body == predict(TEXTS[:3], model="rules")
    assert _post(client, "/predict", {"texts": []}) == (200, [])


def test_empty_text_gives_an_empty_result(client) -> None:
    assert _post(client, "/predict", {"text": ""}) == (
        200, {"entities": [], "sentences": [], "topics": []})


def test_render_is_the_view_of_predict(client) -> None:
    status, html = _post(client, "/render", {"text": TEXTS[1]})
    assert status == 200
    assert html == render_body(predict(TEXTS[1], model="rules"))
    assert entities(parse(html)) == [("MONEY", "932,7 tỷ đồng"), ("PERCENT", "12,5%")]


def test_health_names_model_and_version(client) -> None:
    r = client.get("/health")
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "ok" and body["model"] == "rules"
    assert body["phogov_version"] == phogov.__version__
    assert body["limits"] == {"max_body_bytes": 4096, "max_texts": 3, "max_chars": 600}


def test_model_directory(tiny_model) -> None:
    with TestClient(create_app(str(tiny_model))) as c:
        health = c.get("/health").json()
        assert health["model"] == tiny_model.name and health["model_path"] == str(tiny_model)
        status, body = _post(c, "/predict", {"text": TEXTS[1]})
    assert status == 200 and body == predict(TEXTS[1], model=str(tiny_model))


# --------------------------------------------------------------------------- limits and bad input


def test_body_over_the_limit_is_413(client) -> None:
    status, body = _post(client, "/predict", {"text": "a" * 5000})
    assert status == 413 and body["limit"] == "max_body_bytes" and body["max"] == 4096
    assert "max_body_bytes=4096" in body["error"]

    def chunks():  # no Content-Length: counted while reading
        for _ in range(10):
            yield b" " * 1000

    r = client.post("/predict", content=chunks(), headers={"Content-Type": "application/json"})
    assert r.status_code == 413 and r.json()["limit"] == "max_body_bytes"


def test_too_many_texts_is_422(client) -> None:
    status, body = _post(client, "/predict", {"texts": ["a", "b", "c", "d"]})
    assert status == 422 and body["limit"] == "max_texts"
    assert "4 texts" in body["error"] and "max_texts=3" in body["error"]


def test_too_long_text_is_422(client) -> None:
    status, body = _post(client, "/predict", {"texts": ["ngắn", "x" * 601]})
    assert status == 422 and body["limit"] == "max_chars"
    assert "text 1 has 601 characters" in body["error"] and "max_chars=600" in body["error"]
    assert _post(client, "/predict", {"text": "ă" * 600})[0] == 200  # the limit itself is fine
    r = client.get("/", params={"text": "x" * 601})
    assert r.status_code == 422 and r.json()["limit"] == "max_chars"


@pytest.mark.parametrize("body, where", [
    ("{not json", "Invalid JSON"),
    ("", "Invalid JSON"),
    ('["a list"]', "body"),
    ('{"text": 5}', "text"),
    ('{"texts": "not a list"}', "texts"),
    ('{"texts": ["ok", 3]}', "texts.1"),
    ('{"text": "a", "texts": ["b"]}', "exactly one of"),
    ("{}", "exactly one of"),
    ('{"txt": "typo"}', "txt"),
    ('{"text": "\\ud800 lone surrogate"}', "Invalid JSON"),  # not text predict() could take
])
def test_bad_requests_are_422_and_say_why(client, body: str, where: str) -> None:
    status, answer = _post(client, "/predict", body)
    assert status == 422, answer
    assert where in answer["error"]


def test_limits_must_be_positive() -> None:
    with pytest.raises(ValueError, match="max_texts"):
        Limits(max_texts=0)


# ----------------------------------------------------------------- concurrency and loading


def test_concurrent_requests_give_the_sequential_answers(client) -> None:
    expected = [predict(t, model="rules") for t in TEXTS]
    jobs = [TEXTS[i % len(TEXTS)] for i in range(24)]
    with ThreadPoolExecutor(max_workers=6) as pool:
        answers = list(pool.map(lambda t: _post(client, "/predict", {"text": t}), jobs))
    assert answers == [(200, expected[i % len(TEXTS)]) for i in range(24)]


def test_health_is_503_while_loading_and_requests_wait(monkeypatch) -> None:
    import phogov.serve as serve_mod

    gate = threading.Event()
    real = serve_mod.predict

    def slow_first(texts, model=None):
        gate.wait(30)
        return real(texts, model=model)

    monkeypatch.setattr(serve_mod, "predict", slow_first)
    with TestClient(create_app("rules", background=True)) as c:
        r = c.get("/health")
        assert r.status_code == 503 and r.json()["status"] == "loading"
        assert r.json()["model"] == "rules"
        with ThreadPoolExecutor(max_workers=1) as pool:
            waiting = pool.submit(_post, c, "/predict", {"text": TEXTS[0]})
            time.sleep(0.3)
            assert not waiting.done()  # held until the model is ready, not refused
            gate.set()
            assert waiting.result(timeout=30) == (200, predict(TEXTS[0], model="rules"))
        assert c.get("/health").json()["status"] == "ok"


def test_a_model_that_fails_to_load_is_reported(tmp_path) -> None:
    missing = str(tmp_path / "no-such-model")
    with pytest.raises(Exception, match="no-such-model"):
        create_app(missing)
    app = create_app(missing, background=True)
    app.state.service.ready.wait(60)
    with TestClient(app) as c:
        r = c.get("/health")
        assert r.status_code == 503 and r.json()["status"] == "error"
        assert "no-such-model" in r.json()["error"]
        status, body = _post(c, "/predict", {"text": "a"})
        assert status == 503 and "failed to load" in body["error"]


# --------------------------------------------------------------------------- the page


def test_page_renders_text_on_the_server(client) -> None:
    r = client.get("/", params={"text": ARTICLE})
    assert r.status_code == 200
    csp = r.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src 'nonce-" in csp
    root = parse(r.text)
    assert entities(root) == [(e["label"], e["text"])
                              for e in predict(ARTICLE, model="rules")["entities"]]
    assert root.find("textarea").text() == ARTICLE  # the box holds the text, escaped
    scripts = root.find_all("script")
    assert len(scripts) == 1 and "data-pwned" not in scripts[0].text()
    assert root.find_all("img") == []
    empty = parse(client.get("/").text)
    assert empty.find("textarea").text() == "" and empty.find_all(cls="ent") == []


def test_importing_phogov_does_not_need_fastapi() -> None:
    code = ("import sys, phogov; phogov.render({'entities': [], 'sentences': []}); "
            "bad = [m for m in ('fastapi', 'uvicorn', 'starlette', 'phogov.serve') "
            "if m in sys.modules]; print(bad); sys.exit(1 if bad else 0)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_serve_without_the_extra_says_how_to_get_it(monkeypatch, capsys) -> None:
    monkeypatch.delitem(sys.modules, "phogov.serve", raising=False)
    monkeypatch.setitem(sys.modules, "fastapi", None)  # import fastapi → ImportError
    assert main(["serve", "--model", "rules"]) == 2
    assert "pip install 'phogov[serve]'" in capsys.readouterr().err


# --------------------------------------------------------------------------- a real server


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


@pytest.fixture(scope="module")
def server():
    """`phogov serve --model rules` in a subprocess on a free loopback port."""
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "phogov.cli", "serve", "--model", "rules", "--host", "127.0.0.1",
         "--port", str(port), "--max-texts", "8"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            if proc.poll() is not None:
                pytest.fail(f"phogov serve exited {proc.returncode}: {proc.stdout.read()}")
            try:
                if _get(base + "/health")[0] == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("phogov serve did not become healthy in 120 s")
            time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)


def _post_real(url: str, body: dict) -> tuple[int, object]:
    req = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                 headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read())


def test_real_server_answers_concurrent_clients(server) -> None:
    status, health = _get(server + "/health")
    assert status == 200 and json.loads(health)["limits"]["max_texts"] == 8
    expected = [predict(t, model="rules") for t in TEXTS]
    with ThreadPoolExecutor(max_workers=5) as pool:
        answers = list(pool.map(lambda i: _post_real(server + "/predict",
                                                     {"text": TEXTS[i % len(TEXTS)]}), range(15)))
    assert answers == [(200, expected[i % len(TEXTS)]) for i in range(15)]
    assert _post_real(server + "/predict", {"texts": ["a"] * 9})[0] == 422


@needs_chromium
def test_chromium_served_page_rendered_on_the_server(server) -> None:
    expected = [(e["label"], e["text"]) for e in predict(ARTICLE, model="rules")["entities"]]
    root = parse(dump_dom(server + "/?" + urllib.parse.urlencode({"text": ARTICLE})))
    assert entities(root.by_id("phogov-view")) == expected
    assert "data-pwned" not in root.find("html").attrs
    assert root.find_all("img") == [] and len(root.find_all("script")) == 1


@needs_chromium
def test_chromium_served_page_fetches_and_shows_the_view(server) -> None:
    """The browser path: the page's script posts the box to /render and shows the answer."""
    expected = [(e["label"], e["text"]) for e in predict(ARTICLE, model="rules")["entities"]]
    url = server + "/#text=" + urllib.parse.quote(ARTICLE, safe="")
    root = parse(dump_dom(url, budget_ms=15000))
    html_el = root.find("html")
    assert html_el.attrs.get("data-state") == "done", root.by_id("phogov-status").text()
    assert entities(root.by_id("phogov-view")) == expected
    assert "data-pwned" not in html_el.attrs
    assert root.find_all("img") == []
    sentences = [n.text(("ent-label", "ent-tip")) for n in root.find_all(cls="sent-text")]
    assert any("<script>document.documentElement" in s for s in sentences)
