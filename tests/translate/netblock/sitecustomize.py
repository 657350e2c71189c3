"""Loaded by termweave subprocesses in the tests: any Internet socket fails at once.

pytest-socket guards the test process only; this proves the commands run in subprocesses
make no network access either (a Unix socket is still allowed).
"""

import socket

_real_socket = socket.socket


class _GuardedSocket(_real_socket):
    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        if family in (socket.AF_INET, socket.AF_INET6) or (family == -1 and fileno is None):
            raise OSError("network access blocked in the termweave tests")
        super().__init__(family, type, proto, fileno)


def _blocked(*args, **kwargs):
    raise OSError("network access blocked in the termweave tests")


socket.socket = _GuardedSocket
socket.create_connection = _blocked
socket.getaddrinfo = _blocked
