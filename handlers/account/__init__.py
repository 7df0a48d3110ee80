"""Their data in chat: importing other apps' exports, /export, /delete."""
