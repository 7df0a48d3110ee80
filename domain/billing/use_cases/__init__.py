"""Billing's use cases: packages, buying, refunds, session balances, notices, settlement."""
