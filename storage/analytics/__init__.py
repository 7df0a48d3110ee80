"""Analytics' storage: the daily engagement rows, and the reads /stats counts from."""
