"""The PostgreSQL bench's latency proxy adds the round trip it claims, and counts turns."""

from __future__ import annotations

import socket
import statistics
import threading
import time
from collections.abc import Iterator

import pytest

from bench.latency_proxy import LatencyProxy

RTT_MS = 40.0


@pytest.fixture
def echo() -> Iterator[int]:
    """A TCP echo server on 127.0.0.1: the port."""
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]

    def serve() -> None:
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            threading.Thread(target=_echo, args=(conn,), daemon=True).start()

    threading.Thread(target=serve, daemon=True).start()
    yield port
    listener.close()


def _echo(conn: socket.socket) -> None:
    with conn:
        while data := conn.recv(65536):
            conn.sendall(data)


def _round_trip(sock: socket.socket, payload: bytes) -> float:
    t0 = time.perf_counter()
    sock.sendall(payload)
    got = b""
    while len(got) < len(payload):
        got += sock.recv(65536)
    assert got == payload
    return (time.perf_counter() - t0) * 1000


def test_the_proxy_adds_its_round_trip_to_each_exchange(echo: int) -> None:
    with socket.create_connection(("127.0.0.1", echo)) as direct:
        bare = statistics.median(_round_trip(direct, b"ping") for _ in range(10))
    with LatencyProxy("127.0.0.1", echo, RTT_MS) as proxy:
        with socket.create_connection(("127.0.0.1", proxy.port)) as sock:
            _round_trip(sock, b"hello")  # the connection to the upstream is made
            through = [_round_trip(sock, b"ping %d" % i) for i in range(10)]
        assert proxy.turns == 11
    added = statistics.median(through) - bare
    # Never less than it claims; a little more is the loop's timer and a busy machine.
    assert min(through) >= RTT_MS
    assert added == pytest.approx(RTT_MS, abs=10), through


def test_statements_sent_together_pay_one_round_trip(echo: int) -> None:
    with LatencyProxy("127.0.0.1", echo, RTT_MS) as proxy:
        with socket.create_connection(("127.0.0.1", proxy.port)) as sock:
            _round_trip(sock, b"hello")
            before = proxy.turns
            # A pipeline: three messages sent at once, then their answers read.
            t0 = time.perf_counter()
            for part in (b"one;", b"two;", b"three;"):
                sock.sendall(part)
            got = b""
            while len(got) < len(b"one;two;three;"):
                got += sock.recv(65536)
            elapsed = (time.perf_counter() - t0) * 1000
        assert proxy.turns - before == 1
    assert RTT_MS <= elapsed < 2 * RTT_MS
