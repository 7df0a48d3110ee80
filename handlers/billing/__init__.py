"""Billing in chat: /packages for a coach, /billing for both sides, Stars invoices and payments."""
