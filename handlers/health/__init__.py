"""/health: the athlete's health record and the PAR-Q intake."""
