"""Coaching's tables and repositories: coaches, invites, coachings."""
