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

## Answers to what nobody else understood, and failures.

common-unknown-command = I don't know that command. Send /help to see what I can do.
common-no-card-for-set = To log a set, open your workout with /today first.
common-unknown-text = I'm not sure what you mean. Send /help to see what I can do.
common-unsupported-message = I can't do anything with that yet. Send /help to see what I can do.
common-sorry = Sorry, something went wrong on my side. Please try again in a moment.
common-outdated-card = This card is out of date. Send the command again to get a fresh one.
common-register-first = Send /start first so I know who you are.
common-missing-max = I need your { $name } training max first: send /maxes { $lift } and the weight, e.g. 60.
