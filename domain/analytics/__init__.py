"""Analytics: each client's engagement a day, and a coach's business by month (/stats)."""
