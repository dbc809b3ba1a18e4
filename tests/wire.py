"""A TCP proxy for tests and benches that counts network round trips and can add latency.

Put it between kkdesk and a PostgreSQL server (``WireProxy(host, port)``, then connect to
``proxy.port``): every byte passes through unchanged, and the proxy counts the *round
trips* the client made — the bursts of client-to-server traffic that each follow a reply
(the first burst of a connection counts too). Statements sent together (psycopg's pipeline
mode, one multi-statement message) are one round trip however many there are; a statement
that waits for the previous one's answer is another. That is what a WAN link charges for,
which a server-side statement count cannot show.

``delay_s`` adds a round-trip time: half of it before forwarding each chunk in either
direction (the order of chunks is kept). ``count()`` gives the round trips since the last
``mark()``, over every connection through the proxy (or one client address's).

Used by ``tests/integration/test_round_trips.py``; a bench can import it as is (it needs
nothing but the standard library).
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress


class WireProxy:
    """A threaded TCP proxy on 127.0.0.1 that counts round trips per connection."""

    def __init__(self, target_host: str, target_port: int, *, delay_s: float = 0.0) -> None:
        self.target = (target_host, target_port)
        self.delay_s = delay_s
        self._lock = threading.Lock()
        self._trips = 0  # client bursts since start, all connections
        self._mark = 0
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port: int = self._listener.getsockname()[1]
        self._closed = False
        self._sockets: list[socket.socket] = []
        self._accepting = threading.Thread(target=self._accept, daemon=True)
        self._accepting.start()

    # -- counting ---------------------------------------------------------------------

    def mark(self) -> None:
        """Start counting afresh (waits until the wire is quiet first)."""
        self._quiet()
        with self._lock:
            self._mark = self._trips

    def count(self) -> int:
        """Round trips since the last :meth:`mark`."""
        self._quiet()
        with self._lock:
            return self._trips - self._mark

    @contextmanager
    def counting(self) -> Iterator[list[int]]:
        """``with proxy.counting() as trips: ...`` — ``trips[0]`` holds the count after."""
        out = [0]
        self.mark()
        yield out
        out[0] = self.count()

    def _quiet(self) -> None:
        # Chunks still in flight (a delay, a thread not yet scheduled) land first.
        time.sleep(0.02 + self.delay_s)

    # -- plumbing ---------------------------------------------------------------------

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            try:
                server = socket.create_connection(self.target)
            except OSError:
                client.close()
                continue
            for s in (client, server):
                s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            self._sockets += [client, server]
            # "last" is who spoke last on this connection: a client chunk after a server
            # chunk (or first of all) starts a new round trip.
            state = {"last": "server"}
            for src, dst, side in ((client, server, "client"), (server, client, "server")):
                threading.Thread(
                    target=self._pump, args=(src, dst, side, state), daemon=True
                ).start()

    def _pump(
        self, src: socket.socket, dst: socket.socket, side: str, state: dict[str, str]
    ) -> None:
        half = self.delay_s / 2
        try:
            while True:
                chunk = src.recv(65536)
                if not chunk:
                    break
                arrived = time.monotonic()
                with self._lock:
                    if side == "client" and state["last"] == "server":
                        self._trips += 1
                    state["last"] = side
                if half:
                    time.sleep(max(0.0, arrived + half - time.monotonic()))
                dst.sendall(chunk)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                with suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)

    def close(self) -> None:
        self._closed = True
        self._listener.close()
        for s in self._sockets:
            with suppress(OSError):
                s.close()

    def __enter__(self) -> WireProxy:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
