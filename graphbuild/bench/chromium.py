"""A small headless-Chromium driver over the DevTools protocol, standard library only.

Used by the viewer's browser tests (``tests/browser``) and by ``python -m
graphbuild.bench.view``. Chromium is started with ``--remote-debugging-pipe``:
commands go in on file descriptor 3 and answers come back on 4 as NUL-separated
JSON, so no port, websocket library or chromedriver is needed.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path
from typing import Any, Self

__all__ = ["Chromium", "find_chromium"]

_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-default-apps",
    "--disable-dev-shm-usage",
    "--mute-audio",
    "--remote-debugging-pipe",
)


def find_chromium() -> str | None:
    """The Chromium binary: ``$GRAPHBUILD_CHROMIUM``, else the first known name on ``PATH``."""
    explicit = os.environ.get("GRAPHBUILD_CHROMIUM")
    if explicit:
        return explicit if os.access(explicit, os.X_OK) else None
    # Debian's /usr/bin/chromium is a shell wrapper around this binary.
    if os.access("/usr/lib/chromium/chromium", os.X_OK):
        return "/usr/lib/chromium/chromium"
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


class CDPError(RuntimeError):
    """A DevTools command answered with an error, or no answer came in time."""


class Chromium:
    """One headless Chromium with one page; collects console errors, requests and dialogs.

    Use as a context manager::

        with Chromium() as browser:
            browser.open(Path("graph.html").resolve().as_uri())
            browser.evaluate("document.title")
    """

    def __init__(
        self, binary: str | None = None, *, width: int = 1500, height: int = 950, timeout: float = 30.0
    ):
        self.binary = binary or find_chromium()
        if not self.binary:
            raise FileNotFoundError("no Chromium binary found (set GRAPHBUILD_CHROMIUM or install chromium)")
        self.width, self.height, self.timeout = width, height, timeout
        self.console: list[dict[str, Any]] = []
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[dict[str, Any]] = []
        self._events: list[dict[str, Any]] = []
        self._answers: dict[int, dict[str, Any]] = {}
        self._cond = threading.Condition()
        self._next_id = 0
        self._session: str | None = None

    # -- process and pipe -------------------------------------------------------------------
    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def start(self) -> None:
        self._profile = tempfile.mkdtemp(prefix="graphbuild-chromium-")
        to_chrome_r, self._to_chrome = os.pipe()
        self._from_chrome, from_chrome_w = os.pipe()

        def wire_pipes() -> None:  # in the child: the protocol wants fds 3 (in) and 4 (out)
            # Duplicate first: the pipe ends may themselves be fds 3 and 4 (and dup2 onto
            # the same number would keep close-on-exec set).
            read_end, write_end = os.dup(to_chrome_r), os.dup(from_chrome_w)
            os.dup2(read_end, 3)
            os.dup2(write_end, 4)

        self._proc = subprocess.Popen(
            [
                self.binary,
                *_FLAGS,
                f"--user-data-dir={self._profile}",
                f"--window-size={self.width},{self.height}",
                "about:blank",
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            close_fds=False,
            preexec_fn=wire_pipes,  # noqa: PLW1509  (no other thread of ours runs yet; fds 3 and 4 are the protocol)
        )
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        target = self.send("Target.createTarget", url="about:blank")["targetId"]
        self._session = self.send("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        for domain in ("Page.enable", "Runtime.enable", "Log.enable", "Network.enable"):
            self.send(domain)
        self.send(
            "Emulation.setDeviceMetricsOverride",
            width=self.width,
            height=self.height,
            deviceScaleFactor=1,
            mobile=False,
        )

    def close(self) -> None:
        if getattr(self, "_proc", None) is None:
            return
        try:
            self.send("Browser.close", session=False, timeout=5)
        except (CDPError, OSError):
            pass  # already gone: killing below is all that is left to do
        try:
            self._proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()
        for fd in (self._to_chrome, self._from_chrome):
            try:
                os.close(fd)
            except OSError:
                pass  # closed by the reader at end of stream
        shutil.rmtree(self._profile, ignore_errors=True)
        self._proc = None

    def _read(self) -> None:
        buffer = b""
        while True:
            try:
                chunk = os.read(self._from_chrome, 1 << 16)
            except OSError:
                chunk = b""
            if not chunk:
                with self._cond:
                    self._cond.notify_all()
                return
            buffer += chunk
            *messages, buffer = buffer.split(b"\0")
            for raw in messages:
                self._dispatch(json.loads(raw))

    def _dispatch(self, message: dict[str, Any]) -> None:
        with self._cond:
            if "id" in message:
                self._answers[message["id"]] = message
            else:
                self._events.append(message)
                self._note(message)
            self._cond.notify_all()

    def _note(self, message: dict[str, Any]) -> None:
        method, params = message.get("method"), message.get("params", {})
        if method == "Runtime.consoleAPICalled":
            text = " ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", []))
            self.console.append({"type": params.get("type"), "text": text})
            if params.get("type") in ("error", "assert"):
                self.errors.append(f"console.{params.get('type')}: {text}")
        elif method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            self.errors.append(
                f"exception: {details.get('exception', {}).get('description') or details.get('text')}"
            )
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            self.errors.append(f"log: {params['entry'].get('text')}")
        elif method == "Network.requestWillBeSent":
            self.requests.append(params.get("request", {}).get("url", ""))
        elif method == "Page.javascriptDialogOpening":
            self.dialogs.append(params)
            threading.Thread(target=self._dismiss_dialog, daemon=True).start()

    def _dismiss_dialog(self) -> None:
        try:
            self.send("Page.handleJavaScriptDialog", accept=False)
        except CDPError:
            pass  # the dialog is recorded; the test fails on it either way

    # -- protocol ---------------------------------------------------------------------------
    def send(
        self, method: str, *, session: bool = True, timeout: float | None = None, **params: Any
    ) -> dict[str, Any]:
        """Send one command (to the page session unless ``session=False``) and wait for its answer."""
        with self._cond:
            self._next_id += 1
            ident = self._next_id
        message: dict[str, Any] = {"id": ident, "method": method, "params": params}
        if session and self._session:
            message["sessionId"] = self._session
        os.write(self._to_chrome, json.dumps(message).encode("utf-8") + b"\0")
        deadline = time.monotonic() + (timeout or self.timeout)
        with self._cond:
            while ident not in self._answers:
                left = deadline - time.monotonic()
                if left <= 0 or self._proc.poll() is not None:
                    raise CDPError(f"no answer to {method}")
                self._cond.wait(left)
            answer = self._answers.pop(ident)
        if "error" in answer:
            raise CDPError(f"{method}: {answer['error'].get('message')}")
        return answer.get("result", {})

    def wait_event(self, method: str, *, timeout: float | None = None, since: int = 0) -> dict[str, Any]:
        """The first event named ``method`` at or after position ``since`` of the event log."""
        deadline = time.monotonic() + (timeout or self.timeout)
        with self._cond:
            while True:
                for event in self._events[since:]:
                    if event.get("method") == method:
                        return event.get("params", {})
                left = deadline - time.monotonic()
                if left <= 0:
                    raise CDPError(f"no {method} event")
                self._cond.wait(left)

    # -- page -------------------------------------------------------------------------------
    def open(self, url: str, *, offline: bool = True) -> None:
        """Navigate and wait for the load event; ``offline`` cuts the network first."""
        if offline:
            self.send(
                "Network.emulateNetworkConditions",
                offline=True,
                latency=0,
                downloadThroughput=-1,
                uploadThroughput=-1,
            )
        since = len(self._events)
        self.send("Page.navigate", url=url)
        self.wait_event("Page.loadEventFired", since=since)

    def evaluate(self, expression: str, *, await_promise: bool = False) -> Any:
        """The JSON value of ``expression`` in the page; page exceptions raise ``CDPError``."""
        result = self.send(
            "Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=await_promise
        )
        if "exceptionDetails" in result:
            raise CDPError(
                f"evaluate {expression!r}: {result['exceptionDetails'].get('exception', {}).get('description')}"
            )
        return result.get("result", {}).get("value")

    def wait_for(self, expression: str, *, timeout: float | None = None, interval: float = 0.02) -> Any:
        """Poll ``expression`` until it is truthy; return its value."""
        deadline = time.monotonic() + (timeout or self.timeout)
        while True:
            value = self.evaluate(expression)
            if value:
                return value
            if time.monotonic() > deadline:
                raise CDPError(f"timed out waiting for {expression!r}")
            time.sleep(interval)

    def click(self, x: float, y: float) -> None:
        """A real mouse click at viewport coordinates."""
        self.send("Input.dispatchMouseEvent", type="mouseMoved", x=x, y=y)
        self.send("Input.dispatchMouseEvent", type="mousePressed", x=x, y=y, button="left", clickCount=1)
        self.send("Input.dispatchMouseEvent", type="mouseReleased", x=x, y=y, button="left", clickCount=1)

    def type_text(self, text: str) -> None:
        self.send("Input.insertText", text=text)

    def press(self, key: str) -> None:
        code = {"Enter": 13, "Escape": 27}.get(key, 0)
        for kind in ("keyDown", "keyUp"):
            self.send("Input.dispatchKeyEvent", type=kind, key=key, code=key, windowsVirtualKeyCode=code)

    def screenshot(self, path: str | os.PathLike[str]) -> Path:
        out = Path(path)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(base64.b64decode(self.send("Page.captureScreenshot", format="png")["data"]))
        return out
