"""Errors every context may raise."""


class NotRegisteredError(LookupError):
    """The person has not sent /start yet."""
