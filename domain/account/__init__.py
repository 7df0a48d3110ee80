"""An athlete's data as theirs: everything Spotter holds about them to take away, or to erase."""
