## The command menu and what Spotter says whatever the context.

common-command-today = Today's workout, set by set
common-command-plan = Your plan: train any day, switch plans, write your own
common-command-maxes = Training maxes and working weights
common-command-history = Past workouts; fix a set logged wrong
common-command-progress = Charts: e1RM, weekly volume, training days
common-command-start = Start or restart Spotter
common-command-reminders = Training-day reminders and the weekly summary
common-command-settings = Time zone and preferences
common-command-help = What Spotter can do
