"""/goals: goals with progress from what is logged, and coach assessments."""
