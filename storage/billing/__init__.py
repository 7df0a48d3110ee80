"""Billing's tables and repositories: packages, payments and invoices, the ledgers."""
