"""/stats: a coach's business in numbers and one chart."""
