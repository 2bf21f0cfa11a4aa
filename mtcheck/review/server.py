"""Running the review app: on 127.0.0.1 only, on a free port unless one is named, with a token of
its own, until Ctrl-C."""

from __future__ import annotations

import secrets
import socket
import webbrowser
from collections.abc import Callable

from mtcheck.entry import Stopped
from mtcheck.errors import MtcheckError
from mtcheck.review.app import create_app
from mtcheck.review.session import ReviewSession

HOST = "127.0.0.1"  # never another interface: the review reads and writes the project's files
GRACE_SECONDS = 3  # for answers under way when Ctrl-C comes (a browser keeps idle connections open)


def listening_socket(port: int = 0) -> socket.socket:
    """A socket listening on 127.0.0.1:``port`` (0: a free port the system picks)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.bind((HOST, port))
        sock.listen(128)
    except OSError as error:
        sock.close()
        raise MtcheckError(f"cannot listen on {HOST}:{port}: {error.strerror or error}") from None
    return sock


def review_url(port: int, token: str) -> str:
    return f"http://{HOST}:{port}/?token={token}"


def serve(session: ReviewSession, port: int = 0, open_browser: bool = True,
          announce: Callable[[str], None] = lambda url: None) -> None:
    """Serve ``session`` until Ctrl-C, which ends it cleanly (returns). ``announce`` is told the URL
    (with the token) before the first request can come; the browser is opened on it unless not wanted.
    SIGTERM and SIGHUP stop it too, and go on as ``Stopped`` (the process ends as mtcheck.entry says)."""
    import uvicorn  # here: only `mtcheck review` pays for the web stack

    sock = listening_socket(port)
    token = secrets.token_urlsafe(24)
    url = review_url(sock.getsockname()[1], token)
    config = uvicorn.Config(create_app(session, token, sock.getsockname()[1]), log_level="warning", access_log=False,
                            lifespan="off", timeout_graceful_shutdown=GRACE_SECONDS)
    announce(url)
    if open_browser:
        webbrowser.open(url)
    try:
        # uvicorn stops on SIGINT or SIGTERM after the answers under way, then raises that signal again
        uvicorn.Server(config).run(sockets=[sock])
    except KeyboardInterrupt as stop:
        if isinstance(stop, Stopped):
            raise
    finally:
        sock.close()
