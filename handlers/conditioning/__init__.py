"""Conditioning in chat: /wod to generate, pick a benchmark or paste a workout, and scores."""
