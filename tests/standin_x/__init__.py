"""A stand-in X API v2 server on loopback for the tests and benchmarks (see server.py)."""

from tests.standin_x.server import Fault, Recorded, Request, StandInX

__all__ = ["Fault", "Recorded", "Request", "StandInX"]
