"""Nutrition in chat: /food and its targets, log and meal plan; a client's, for their coach."""
