"""Goals and check-ins reuse coaching's people: two coaches, two athletes, on each backend."""

from tests.integration.coaching.conftest import clock, uow

__all__ = ["clock", "uow"]
