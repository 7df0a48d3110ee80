"""Billing: a coach's packages, payments in Telegram Stars, invoices, session balances and what
the bot owes each coach (docs/billing.md)."""
