"""Teams in group chats: the team card, joining, invite links, /teams in private."""
