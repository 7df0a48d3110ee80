## The command menu and what Spotter says whatever the context.

common-command-today = Today's workout, set by set
common-command-plan = Your plan: train any day, switch plans, write your own
common-command-teams = Your teams: add me to a group to make one
common-command-tracks = Programming tracks: yours and the public ones
common-command-score = Your score on today's team workout
common-group-command-team = The team card: join, invite, time zone
common-group-command-classes = Today's classes, with ✅ / ❌
common-group-command-class = Schedule a class (coaches)
common-group-command-tracks = The team's programming tracks
common-group-command-track = Paste or follow a track (coaches)
common-group-command-wod-time = When the workout of the day is posted
common-group-command-wod-note = A note or scaling for a day
common-command-goals = Your goals and how far you are
common-command-checkin = The weekly check-in: its day
common-command-wod = Conditioning: a MetCon, a benchmark, your score
common-command-maxes = Training maxes and working weights
common-command-history = Past workouts; fix a set logged wrong
common-command-progress = Charts: e1RM, weekly volume, training days
common-command-start = Start or restart Spotter
common-command-body = Body weight, measurements and progress photos
common-command-reminders = Training-day reminders and the weekly summary
common-command-settings = Time zone and preferences
common-command-health = Health questionnaire and emergency contacts
common-command-coach = Coaching: become a coach, invite clients, your coach
common-command-clients = Your clients, for coaches
common-command-reviews = Form videos waiting for review, for coaches
common-command-exercises = Your own exercises, and adding one
common-command-export = Everything Spotter holds about you, as files
common-command-delete = Erase your account and all your data
common-command-billing = Packages, invoices and sessions left; buy with Stars
common-command-packages = Your packages for sale, for coaches
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
common-no-plan = You have no plan yet. Send /start to pick one.

## A typed set Spotter cannot read, on the workout card or when fixing a set in /history.

common-entry-empty = Send the reps (8), weight × reps (100x5) or + for as prescribed.
common-entry-not-an-entry = I read that as neither reps nor weight × reps. Send 8, 100x5, + (as prescribed), skip or undo.
common-entry-too-long = That's too long for a set. Send 8, 100x5 or +.
common-entry-missing-reps = How many reps? Send it as 100x5.
common-entry-reps-not-whole = Reps are whole numbers, like 5.
common-entry-reps-too-high = More than 100 reps? Send the reps you did, up to 100.
common-entry-reps-negative = Reps can't be negative.
common-entry-weight-too-high = That weight is beyond any barbell (1000 kg / 2200 lb at most).
common-entry-weight-not-positive = The weight must be more than zero.
common-entry-weight-too-precise = Weights go to two decimals at most, like 102.5.
common-entry-rpe-off-chart = RPE goes from 6 to 10 in halves, like 100x5 @8 or 8 @8.5.

## A personal record, in the finish summary and the weekly summary.

common-record-reps = { $reps } reps at { $weight } (was { $previous })
common-record-heaviest = heaviest { $weight } (was { $previous })
common-record-e1rm = best e1RM { $weight } (was { $previous })
