"""Coaching in chat: /coach, invite links and their deep links, /clients and client cards."""
