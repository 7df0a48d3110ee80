"""Scheduling: a coach's availability, athletes booking slots, the coach's sessions."""
