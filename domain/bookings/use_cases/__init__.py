"""Bookings' use cases: availability, booking (once or as a series), moving and cancelling,
the coach's marks and what each side sees, and reminders. Every use case that callback data
reaches re-reads the booking or window and checks it belongs to the acting user (for a
coach: to a current client of theirs)."""
