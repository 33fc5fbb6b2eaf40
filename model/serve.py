"""``phogov serve``: predict() behind HTTP (FastAPI + uvicorn, the ``[serve]`` extra).

Endpoints: ``POST /predict`` (``{"text": …}`` → one result, ``{"texts": [...]}`` →
a list, exactly predict()'s schema), ``POST /render`` (the same body → the HTML view
as a fragment), ``GET /`` (a page with a text box; ``/?text=…`` is rendered on the
server, ``/#text=…`` in the browser), ``GET /health`` (model, versions, limits).

The model is loaded once, when the app is made (``phogov serve`` does it in a
thread, so the port opens at once and /health says 503 ``loading`` until it is
ready); predict() runs under one lock, so concurrent requests queue instead of
racing through the model and its caches.
Limits answer with JSON ``{"error": …, "limit": NAME, "max": N}``: the body size
with 413, the number of texts and the characters per text with 422.
"""

from __future__ import annotations

import json
import secrets
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from html import escape
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, JSONResponse
from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

import phogov
from phogov.predictor import RULES, predict, resolve_model
from phogov.render import CSS, render_body


@dataclass(frozen=True)
class Limits:
    """What one request may ask for; each is named in the error that enforces it."""

    max_body_bytes: int = 2 * 1024 * 1024
    max_texts: int = 64
    max_chars: int = 200_000

    def __post_init__(self) -> None:
        for name, value in asdict(self).items():
            if not isinstance(value, int) or value < 1:
                raise ValueError(f"limit {name} must be a positive integer, got {value!r}")


class PredictRequest(BaseModel):
    """Exactly one of ``text`` (one result back) or ``texts`` (a list back)."""

    model_config = ConfigDict(extra="forbid", strict=True)

    text: str | None = None
    texts: list[str] | None = None

    @model_validator(mode="after")
    def _one_of(self) -> PredictRequest:
        if (self.text is None) == (self.texts is None):
            raise ValueError("give exactly one of 'text' (a string) or 'texts' (a list of strings)")
        return self


class LimitError(Exception):
    """A request over one of the :class:`Limits`."""

    def __init__(self, status: int, limit: str, maximum: int, message: str) -> None:
        super().__init__(message)
        self.status, self.limit, self.maximum, self.message = status, limit, maximum, message

    def response(self) -> JSONResponse:
        return JSONResponse({"error": self.message, "limit": self.limit, "max": self.maximum},
                            status_code=self.status)


class BadRequest(Exception):
    """A body that is not the JSON /predict takes (→ 422 with pydantic's details)."""

    def __init__(self, message: str, detail: list[Any] | None = None) -> None:
        super().__init__(message)
        self.message, self.detail = message, detail or []


class Unavailable(Exception):
    """The model is not loaded (still loading, or it failed): 503."""


class Service:
    """The loaded model, the lock around it and the request checks.

    ``background=True`` (what ``phogov serve`` uses) loads the model in a thread so
    that the port is open at once: /health answers 503 ``"loading"`` until the model
    can predict, and requests that come in meanwhile wait for it instead of failing.
    """

    def __init__(self, model: str | None = None, limits: Limits | None = None,
                 background: bool = False) -> None:
        self.model = resolve_model(model)
        self.limits = limits or Limits()
        self.lock = threading.Lock()
        self.ready = threading.Event()
        self.error: BaseException | None = None
        self.load_seconds: float | None = None
        self.on_loaded: Callable[[Service], None] | None = None
        self.info: dict[str, Any] = {"model": Path(self.model).name or self.model,
                                     "model_path": None if self.model == RULES else self.model,
                                     "model_version": phogov.__version__}
        if background:
            threading.Thread(target=self._load, name="phogov-load", daemon=True).start()
        else:
            self._load()
            if self.error is not None:
                raise self.error

    def _load(self) -> None:
        t0 = time.perf_counter()
        try:
            if self.model != RULES:
                loaded = phogov.load(self.model)
                path = getattr(loaded, "path", None)
                self.info.update(model=Path(path).name if path else self.model,
                                 model_path=str(path) if path else self.model,
                                 model_version=loaded.info.phogov_version,
                                 model_created=loaded.info.created)
            predict(["Khởi động."], model=self.model)  # first-call costs (segmenter) paid here
            self.load_seconds = time.perf_counter() - t0
        except Exception as exc:  # reported by /health and by `phogov serve` on exit
            self.error = exc
        finally:
            self.ready.set()
            if self.on_loaded is not None:
                self.on_loaded(self)

    def status(self) -> str:
        if not self.ready.is_set():
            return "loading"
        return "error" if self.error is not None else "ok"

    def predict(self, texts: list[str]) -> list[dict[str, Any]]:
        self.ready.wait()
        if self.error is not None:
            raise Unavailable(f"model {self.info['model']} failed to load: {self.error}")
        with self.lock:
            return predict(texts, model=self.model)

    def check_texts(self, texts: list[str]) -> None:
        lim = self.limits
        if len(texts) > lim.max_texts:
            raise LimitError(422, "max_texts", lim.max_texts,
                             f"{len(texts)} texts in one request; the limit is "
                             f"max_texts={lim.max_texts}")
        for i, t in enumerate(texts):
            if len(t) > lim.max_chars:
                raise LimitError(422, "max_chars", lim.max_chars,
                                 f"text {i} has {len(t)} characters; the limit is "
                                 f"max_chars={lim.max_chars}")

    async def read_request(self, request: Request) -> PredictRequest:
        """The body, read no further than the size limit, then validated."""
        lim = self.limits.max_body_bytes
        declared = request.headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > lim:
            raise LimitError(413, "max_body_bytes", lim,
                             f"request body is {declared} bytes; the limit is max_body_bytes={lim}")
        chunks: list[bytes] = []
        size = 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > lim:
                raise LimitError(413, "max_body_bytes", lim,
                                 f"request body is over {lim} bytes; the limit is "
                                 f"max_body_bytes={lim}")
            chunks.append(chunk)
        try:
            body = PredictRequest.model_validate_json(b"".join(chunks))
        except ValidationError as exc:
            detail = json.loads(exc.json(include_url=False, include_input=False))
            first = detail[0] if detail else {}
            where = ".".join(str(x) for x in first.get("loc", ())) or "body"
            raise BadRequest(f"invalid request: {where}: {first.get('msg', 'invalid')}",
                             detail) from None
        self.check_texts([body.text] if body.text is not None else list(body.texts or []))
        return body

    async def run(self, body: PredictRequest) -> dict[str, Any] | list[dict[str, Any]]:
        texts = [body.text] if body.text is not None else list(body.texts or [])
        results = await run_in_threadpool(self.predict, texts) if texts else []
        return results[0] if body.text is not None else results


def create_app(model: str | None = None, limits: Limits | None = None,
               background: bool = False) -> FastAPI:
    """The app; the model is loaded now, or in a thread with ``background=True``."""
    service = Service(model, limits, background=background)
    app = FastAPI(title="phogov", version=phogov.__version__,
                  description="Entities and topics of Vietnamese government and Party news.")
    app.state.service = service
    body_schema = {"requestBody": {"required": True, "content": {
        "application/json": {"schema": PredictRequest.model_json_schema()}}}}

    @app.exception_handler(LimitError)
    async def _limit(_: Request, exc: LimitError) -> JSONResponse:
        return exc.response()

    @app.exception_handler(BadRequest)
    async def _bad(_: Request, exc: BadRequest) -> JSONResponse:
        return JSONResponse({"error": exc.message, "detail": exc.detail}, status_code=422)

    @app.exception_handler(Unavailable)
    async def _unavailable(_: Request, exc: Unavailable) -> JSONResponse:
        return JSONResponse({"error": str(exc)}, status_code=503)

    @app.post("/predict", openapi_extra=body_schema)
    async def predict_endpoint(request: Request) -> JSONResponse:
        """predict() for one text (→ a result) or several (→ a list of results)."""
        body = await service.read_request(request)
        return JSONResponse(await service.run(body))

    @app.post("/render", openapi_extra=body_schema, response_class=HTMLResponse)
    async def render_endpoint(request: Request) -> HTMLResponse:
        """The HTML view (a fragment, styled by the page's CSS) of what /predict returns."""
        body = await service.read_request(request)
        return HTMLResponse(render_body(await service.run(body)))

    @app.get("/health")
    async def health() -> JSONResponse:
        """Which model and versions, and whether it is ready: 200 ``ok``, else 503."""
        state = service.status()
        body: dict[str, Any] = {"status": state, **service.info,
                                "phogov_version": phogov.__version__,
                                "limits": asdict(service.limits)}
        if service.load_seconds is not None:
            body["load_seconds"] = round(service.load_seconds, 3)
        if service.error is not None:
            body["error"] = str(service.error)
        return JSONResponse(body, status_code=200 if state == "ok" else 503)

    @app.get("/", response_class=HTMLResponse)
    async def page(text: str | None = None) -> HTMLResponse:
        """A text box; ``?text=`` is analysed here, so the view needs no script."""
        view = ""
        if text:
            service.check_texts([text])
            view = render_body((await run_in_threadpool(service.predict, [text]))[0])
        nonce = secrets.token_urlsafe(16)
        csp = (f"default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
               f"script-src 'nonce-{nonce}'; connect-src 'self'; form-action 'self'; "
               "base-uri 'none'")
        return HTMLResponse(_page(text or "", view, nonce, service),
                            headers={"Content-Security-Policy": csp})

    return app


_PAGE_CSS = """
.phogov-form { max-width: 1100px; margin: 0 auto; padding: 1rem 1.25rem 0; }
.phogov-form h1 { font-size: 1.4rem; margin: .5rem 0; }
.phogov-form textarea { width: 100%; box-sizing: border-box; min-height: 9rem; padding: .6rem;
  font: inherit; border: 1px solid #cbd5e1; border-radius: .4rem; }
.phogov-form button { margin-top: .5rem; padding: .4rem 1.1rem; font: inherit; font-weight: 600;
  color: #fff; background: #1d4ed8; border: 0; border-radius: .4rem; cursor: pointer; }
.phogov-form .status { margin-left: .75rem; color: #475569; font-size: .9rem; }
.phogov-form .status.error { color: #b91c1c; }
"""

# Posts the box to /render (no length limit of a URL, no reload); /#text=… runs on load
# (a shareable link whose text never reaches a server log).
_SCRIPT = """
const form = document.getElementById("phogov-form");
const box = document.getElementById("phogov-text");
const out = document.getElementById("phogov-view");
const status = document.getElementById("phogov-status");
async function analyse() {
  status.className = "status"; status.textContent = "…";
  try {
    const resp = await fetch("/render", {method: "POST",
      headers: {"Content-Type": "application/json"}, body: JSON.stringify({text: box.value})});
    if (!resp.ok) {
      const err = await resp.json().catch(() => ({error: resp.statusText}));
      throw new Error(err.error || resp.statusText);
    }
    out.innerHTML = await resp.text();
    status.textContent = "";
    document.documentElement.dataset.state = "done";
  } catch (e) {
    status.className = "status error"; status.textContent = e.message;
    document.documentElement.dataset.state = "error";
  }
}
form.addEventListener("submit", (ev) => { ev.preventDefault(); analyse(); });
if (location.hash.startsWith("#text=")) {
  try {
    box.value = decodeURIComponent(location.hash.slice(6));
    analyse();
  } catch (e) {
    status.className = "status error"; status.textContent = "the #text= link is malformed";
  }
}
"""


def _page(text: str, view: str, nonce: str, service: Service) -> str:
    info = service.info
    return (
        "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">"
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>phogov</title><style>{CSS}{_PAGE_CSS}</style></head><body>"
        '<form class="phogov-form" id="phogov-form" method="get" action="/">'
        f"<h1>phogov <small class=\"status\">{escape(str(info['model']))} · "
        f"v{escape(phogov.__version__)}</small></h1>"
        '<label for="phogov-text">Vietnamese news text</label>'
        f'<textarea id="phogov-text" name="text" maxlength="{service.limits.max_chars}" '
        f'required>{escape(text)}</textarea>'
        '<button type="submit">Analyse</button><span class="status" id="phogov-status" '
        'role="status"></span></form>'
        f'<div id="phogov-view" aria-live="polite">{view}</div>'
        f'<script nonce="{nonce}">{_SCRIPT}</script></body></html>\n'
    )


def serve(model: str | None = None, host: str = "127.0.0.1", port: int = 8000,
          limits: Limits | None = None) -> None:
    """Open the port at once, load the model in the background, serve until interrupted.

    A model that fails to load stops the server and raises, naming the model.
    """
    import uvicorn

    app = create_app(model, limits, background=True)
    service: Service = app.state.service
    server = uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level="info"))

    def loaded(svc: Service) -> None:
        if svc.error is not None:
            server.should_exit = True
        else:
            print(f"phogov serve: {svc.info['model']} ready in {svc.load_seconds:.1f} s "
                  f"on http://{host}:{port}/", file=sys.stderr, flush=True)

    service.on_loaded = loaded
    if service.ready.is_set():
        loaded(service)
    server.run()
    if service.error is not None:
        raise RuntimeError(f"model {service.model} failed to load: {service.error}")
