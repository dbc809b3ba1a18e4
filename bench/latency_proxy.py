"""A TCP proxy that adds a network's round trip on 127.0.0.1, for the PostgreSQL bench.

Every byte read from either side is written to the other side ``rtt / 2`` later, so a
request and its answer together cost ``rtt`` more than on the loopback, as over an office
WAN to a data centre. Bytes are never held back by what came before them beyond their own
delay: a client that sends several statements at once (psycopg's pipeline mode) pays the
round trip once, as it would on the real network; bandwidth is not limited.

The proxy also counts *turns* per connection: a client→server chunk that arrives after the
server last answered is a new round trip the client waits for. A pipeline's statements
sent together are one turn. (With no added latency a pipeline's later chunks can arrive
after the first answer; read the counts from a run with some latency.)

It runs its own asyncio loop in a process of its own (:class:`LatencyProxy`): on a
thread of the benchmarked process it would wait for that process's GIL, and a client
holding the GIL in a libpq call made the proxy add three times its delay. (The loop can
also run on a thread, :meth:`LatencyProxy.start_thread`, where a process cannot be
started.)::

    with LatencyProxy("127.0.0.1", pg_port, rtt_ms=20) as proxy:
        psycopg.connect(host="127.0.0.1", port=proxy.port, ...)
"""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
import os
import threading
import time
from types import TracebackType
from typing import Any


class LatencyProxy:
    """Listen on 127.0.0.1 (a free port), forward to ``upstream``, delay both directions."""

    def __init__(self, upstream_host: str, upstream_port: int, rtt_ms: float = 20.0) -> None:
        self.upstream = (upstream_host, upstream_port)
        self.rtt_ms = rtt_ms
        self.port = 0
        self._turns: Any = None  # a shared counter (multiprocessing.Value or _Counter)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._server: asyncio.Server | None = None
        self._thread: threading.Thread | None = None
        self._process: Any = None
        self._ready = threading.Event()
        self._error: BaseException | None = None

    # -- life --------------------------------------------------------------------------

    def start(self) -> LatencyProxy:
        """Run the proxy in a process of its own."""
        ctx = multiprocessing.get_context("spawn")
        self._turns = ctx.Value("q", 0)
        parent, child = ctx.Pipe()
        self._process = ctx.Process(
            target=_serve,
            args=(self.upstream, self.rtt_ms, self._turns, child),
            name="latency-proxy",
            daemon=True,
        )
        self._process.start()
        if not parent.poll(30):
            self.stop()
            raise RuntimeError("the latency proxy did not start")
        self.port = int(parent.recv())
        return self

    def start_thread(self) -> LatencyProxy:
        """Run the proxy on a daemon thread of this process."""
        self._turns = _Counter()
        self._thread = threading.Thread(target=self._run, name="latency-proxy", daemon=True)
        self._thread.start()
        self._ready.wait(10)
        if self._error is not None:
            raise self._error
        return self

    def stop(self) -> None:
        if self._process is not None:
            self._process.terminate()
            self._process.join(10)
            self._process = None
        loop = self._loop
        if loop is not None and self._thread is not None:
            loop.call_soon_threadsafe(loop.stop)
            self._thread.join(10)
        self._loop = None

    def __enter__(self) -> LatencyProxy:
        return self.start()

    def __exit__(
        self,
        _t: type[BaseException] | None,
        _e: BaseException | None,
        _tb: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def turns(self) -> int:
        """Round trips clients began through this proxy since it started."""
        with self._turns.get_lock():
            return int(self._turns.value)

    # -- the loop ----------------------------------------------------------------------

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        try:
            self._server = loop.run_until_complete(
                asyncio.start_server(self._on_client, "127.0.0.1", 0)
            )
            self.port = int(self._server.sockets[0].getsockname()[1])
        except BaseException as exc:  # reported to start()'s caller
            self._error = exc
            self._ready.set()
            return
        self._ready.set()
        try:
            loop.run_forever()
        finally:
            self._server.close()
            for task in asyncio.all_tasks(loop):
                task.cancel()
            with contextlib.suppress(BaseException):
                loop.run_until_complete(asyncio.sleep(0))
            loop.close()

    async def _on_client(
        self, c_reader: asyncio.StreamReader, c_writer: asyncio.StreamWriter
    ) -> None:
        try:
            s_reader, s_writer = await asyncio.open_connection(*self.upstream)
        except OSError:
            c_writer.close()
            return
        state = {"answered": True}  # the server spoke last (or nobody yet): a new turn
        delay = self.rtt_ms / 2000.0
        await asyncio.gather(
            self._pump(c_reader, s_writer, delay, state, client_side=True),
            self._pump(s_reader, c_writer, delay, state, client_side=False),
            return_exceptions=True,
        )

    async def _pump(
        self,
        reader: asyncio.StreamReader,
        writer: asyncio.StreamWriter,
        delay: float,
        state: dict[str, bool],
        *,
        client_side: bool,
    ) -> None:
        """Read chunks as they come; a second task writes each one ``delay`` after it came,
        in order (a queue keeps the order and lets reading run ahead of the delay)."""
        queue: asyncio.Queue[tuple[float, bytes]] = asyncio.Queue()

        async def deliver() -> None:
            while True:
                due, chunk = await queue.get()
                if not chunk:
                    break
                wait = due - time.perf_counter()
                if wait > 0:
                    await asyncio.sleep(wait)
                writer.write(chunk)
                await writer.drain()
            with contextlib.suppress(OSError):
                if writer.can_write_eof():
                    writer.write_eof()

        sender = asyncio.ensure_future(deliver())
        try:
            while True:
                chunk = await reader.read(65536)
                if client_side and chunk and state["answered"]:
                    state["answered"] = False
                    with self._turns.get_lock():
                        self._turns.value += 1
                elif not client_side and chunk:
                    state["answered"] = True
                await queue.put((time.perf_counter() + delay, chunk))
                if not chunk:
                    break
        except (ConnectionError, OSError):
            await queue.put((0.0, b""))
        finally:
            with contextlib.suppress(BaseException):
                await sender
            writer.close()


class _Counter:
    """multiprocessing.Value's interface for the thread mode."""

    def __init__(self) -> None:
        self.value = 0
        self._lock = threading.Lock()

    def get_lock(self) -> threading.Lock:
        return self._lock


def _serve(upstream: tuple[str, int], rtt_ms: float, turns: Any, pipe: Any) -> None:
    """The proxy process: run the loop, say the port, serve until terminated.

    It stands for the network, whose delay does not grow when the benchmark's machine is
    busy: it runs at normal priority even under ``nice`` where it may (root), so that
    waking it costs what waking the client and the server cost."""
    with contextlib.suppress(OSError):
        os.setpriority(os.PRIO_PROCESS, 0, 0)
    proxy = LatencyProxy(upstream[0], upstream[1], rtt_ms)
    proxy._turns = turns
    loop = asyncio.new_event_loop()
    proxy._loop = loop
    server = loop.run_until_complete(asyncio.start_server(proxy._on_client, "127.0.0.1", 0))
    pipe.send(int(server.sockets[0].getsockname()[1]))
    loop.run_forever()
