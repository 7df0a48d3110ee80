"""Workout logs exported by other apps (Strong, Hevy), read into sets Spotter can store."""
