"""Coaching: coaches, their invite links, and the coaching relation between coach and client."""
