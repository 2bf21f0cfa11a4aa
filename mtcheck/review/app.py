"""The review app: a ``ReviewSession`` as a JSON API under ``/api/`` and the page that uses it.

Who may talk to it: only a browser (or script) that holds the run's token, asking by the address
the server listens on. Every request needs the token (``?token=`` in the query, or the
``X-MTCheck-Token`` header), else 403; a Host header other than ``127.0.0.1:PORT`` or
``localhost:PORT`` is refused (403), so that a web page whose own name was made to point at
127.0.0.1 (DNS rebinding) cannot reach it; a POST must say its body is JSON, which no HTML form can
send cross-site without the browser asking first, and an Origin header, when there is one, must
be the app's own. The page loads only the app's own files, under a Content-Security-Policy that
allows nothing else.

Answers are JSON; an error is ``{"error": "..."}`` with a 4xx status (a 409 also carries the file's
fresh ``report``), and anything unexpected a bare 500, its details left on the server's stderr.
"""

from __future__ import annotations

import hmac
import json
import logging
from importlib import resources

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from mtcheck.errors import MtcheckError
from mtcheck.review.session import BadRequest, Conflict, Refused, ReviewSession

TOKEN_HEADER = "X-MTCheck-Token"
MAX_BODY = 2**20  # bytes: a decision is a few hundred
# name -> (package, file, media type): the page's own files, and the HTML report's stylesheet, whose
# look the page shares.
ASSETS = {
    "app.js": ("mtcheck.review", "static/app.js", "text/javascript; charset=utf-8"),
    "app.css": ("mtcheck.review", "static/app.css", "text/css; charset=utf-8"),
    "report.css": ("mtcheck.reporters", "templates/review.css", "text/css; charset=utf-8"),
    "icon.svg": ("mtcheck.review", "static/icon.svg", "image/svg+xml"),  # else the browser asks for /favicon.ico, tokenless
}
SAFE_HEADERS = {"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}
PAGE_POLICY = ("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; "
               "base-uri 'none'; form-action 'none'; frame-ancestors 'none'")

log = logging.getLogger("mtcheck.review")


def create_app(session: ReviewSession, token: str, port: int) -> Starlette:
    """The app serving ``session`` to holders of ``token`` who ask for 127.0.0.1:``port`` (or localhost)."""
    async def page(request: Request) -> Response:
        html = _asset("mtcheck.review", "static/review.html").replace("{{token}}", token)  # token_urlsafe: no markup
        return Response(html, media_type="text/html; charset=utf-8",
                        headers={**SAFE_HEADERS, "Content-Security-Policy": PAGE_POLICY, "X-Frame-Options": "DENY"})

    async def asset(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in ASSETS:
            return error(404, f"no asset {name!r}")
        package, file, media_type = ASSETS[name]
        return Response(_asset(package, file), media_type=media_type, headers=SAFE_HEADERS)

    async def files(request: Request) -> Response:
        return await answer(session.files)

    async def findings(request: Request) -> Response:
        if "path" not in request.query_params:
            return error(400, "say which file: ?path=...")
        return await answer(session.findings, request.query_params["path"])

    async def decide(request: Request) -> Response:
        body = await _body(request)
        return body if isinstance(body, Response) else await answer(_decision, session, body)

    async def recheck(request: Request) -> Response:
        body = await _body(request)
        return body if isinstance(body, Response) else await answer(session.recheck, body.get("path"))

    async def undo(request: Request) -> Response:
        body = await _body(request)
        return body if isinstance(body, Response) else await answer(session.undo)

    async def decisions(request: Request) -> Response:
        return await answer(session.decisions)

    routes = [
        Route("/", page),
        Route("/assets/{name}", asset),
        Route("/api/files", files),
        Route("/api/files/findings", findings),
        Route("/api/decisions", decisions, methods=["GET"]),
        Route("/api/decisions", decide, methods=["POST"]),
        Route("/api/recheck", recheck, methods=["POST"]),
        Route("/api/undo", undo, methods=["POST"]),
    ]
    hosts = {f"127.0.0.1:{port}", f"localhost:{port}"}
    return Starlette(routes=routes, middleware=[Middleware(_Guard, token=token, hosts=hosts)],
                     exception_handlers={HTTPException: _http_error})


def _decision(session: ReviewSession, body: dict) -> dict:
    fields = {name: body.get(name) for name in ("reason", "old", "new")}
    return session.decide(body.get("path"), body.get("id"), body.get("action"), **fields)


async def answer(call, *args) -> Response:
    """``call(*args)``'s answer as JSON, run in a worker thread (a check takes a while); its refusal as
    a 4xx error; anything unexpected as a 500 that says nothing of it (the server's stderr does)."""
    try:
        return JSONResponse(await run_in_threadpool(call, *args), headers=SAFE_HEADERS)
    except Conflict as conflict:
        return error(conflict.status, _said(conflict), report=conflict.report)
    except Refused as refused:
        return error(refused.status, _said(refused))
    except MtcheckError as problem:  # a glossary edit refused, a file that cannot be read or written
        return error(422, _said(problem))
    except Exception:
        log.exception("mtcheck review: unexpected error in %s", getattr(call, "__name__", call))
        return error(500, "internal error (the server's output says more)")


async def _body(request: Request) -> dict | Response:
    """The request's JSON object, or the error answer to a body that is none (read no further than
    MAX_BODY bytes)."""
    raw = bytearray()
    async for chunk in request.stream():
        raw += chunk
        if len(raw) > MAX_BODY:
            return error(413, f"a request body is at most {MAX_BODY:,} bytes")
    try:
        body = json.loads(bytes(raw) or b"{}")
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        return error(BadRequest.status, f"the body is not JSON: {exc}")
    return body if isinstance(body, dict) else error(BadRequest.status, "the body is a JSON object")


def error(status: int, message: str, **more) -> JSONResponse:
    return JSONResponse({"error": message, **more}, status_code=status, headers=SAFE_HEADERS)


def _said(error: MtcheckError) -> str:
    """The problems, one after another; those of no file without the "mtcheck:" a terminal line starts with."""
    return "; ".join(problem.message if problem.path == "mtcheck" else str(problem) for problem in error.problems)


async def _http_error(request: Request, exc: HTTPException) -> Response:
    return error(exc.status_code, exc.detail)


class _Guard:
    """Refuses, before any route runs, a request without the token, for another host, or a POST that
    is not JSON or comes from another origin."""

    def __init__(self, app, token: str, hosts: set[str]):
        self.app = app
        self.token = token.encode()
        self.hosts = hosts
        self.origins = {f"http://{host}" for host in hosts}

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http" and (refusal := self._refusal(Request(scope))) is not None:
            await refusal(scope, receive, send)
            return
        await self.app(scope, receive, send)

    def _refusal(self, request: Request) -> Response | None:
        if request.headers.get("host") not in self.hosts:
            return error(403, "this server answers only at 127.0.0.1 or localhost, on its own port")
        given = request.query_params.get("token") or request.headers.get(TOKEN_HEADER) or ""
        if not hmac.compare_digest(given.encode("utf-8", "surrogateescape"), self.token):
            return error(403, "the review's token is missing or wrong: open the URL mtcheck review printed")
        if request.method == "POST":
            if request.headers.get("content-type", "").split(";")[0].strip().lower() != "application/json":
                return error(415, "a POST body is JSON: Content-Type: application/json")
            if "origin" in request.headers and request.headers["origin"] not in self.origins:
                return error(403, "requests from another origin are refused")
        return None


def _asset(package: str, name: str) -> str:
    return (resources.files(package) / name).read_text(encoding="utf-8")
