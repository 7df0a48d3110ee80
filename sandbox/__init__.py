"""The sandbox: Spotter in a browser, against a local stand-in for Telegram, with no token.

`python -m bot sandbox` runs the Bot API emulator in this process, serves a chat page from it,
and starts the real bot process talking HTTP to the emulator exactly as it would to Telegram.
"""
