"""The weekly check-in: its day, its questions and answers."""
