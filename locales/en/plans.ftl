## plans: /plan, switching plans, a deload week, and plans written as text

plans-switch-button = 🔁 Switch plan
plans-as-text-button = 📄 Plan as text
plans-write-button = ✍️ Write your own
plans-back-button = ‹ Back
plans-start-it-button = ▶️ Start it now
plans-publish-button = 📢 Publish to everyone
plans-unpublish-button = Stop publishing
plans-day-button = Day { $number }
plans-pick-plan = Pick a plan. Your training maxes and working weights come along.
plans-unknown-plan = That plan isn't available any more. Send /plan for the current list.
plans-not-admin = Only the bot's admins can publish plans.
plans-published = Published: everyone can pick it in /plan now.
plans-unpublished = No longer published.
plans-file-too-big = That file is too big for a plan: send a .txt of at most 64 KB.
plans-not-a-plan-file = That file isn't a plan: a plan starts with its “plan: …” line. See /help for what I can do with files and messages.
plans-file-unreadable = I couldn't read that file as text (UTF-8). Save it as plain text and resend.
plans-as-text-caption = Your plan as text. Edit it and send it back (as a message or a .txt file) to save your own.
# $example is a plan in the plan-text format, whose keywords stay English.
plans-write-your-own =
    ✍️ <b>Write your own plan</b> — send it as a message (or a .txt file):

    <code>{ $example }</code>

    Sets: <code>3x5 @75%</code> (of the TM), <code>1x5+</code> (AMRAP), <code>5x5 80kg</code>, <code>3x8-12</code>, <code>3x5 @8</code> (RPE); marks <code>!</code> (drives the TM), <code>warmup</code>, <code>joker</code>. Rules after <code>;</code>: linear, stages, double, rpe, cycle, complete. Tap “📄 Plan as text” on any plan for a full example.

## The plan card

plans-week = <b>Week { $week }</b>
plans-week-deload = <b>Week { $week }</b> (deload)
plans-day = Day { $number }: { $lifts }
plans-day-next = Day { $number }: { $lifts } ← next
plans-tap-a-day = Tap a day to train it now, or send /today for the next one.
plans-deloading = 🪶 Deload week on: 60% loads, no AMRAPs, records or progression.
plans-deload-button-on = 🪶 Deload week: on — end it
plans-deload-button-off = 🪶 Deload week: off — start one
plans-deload-started = Deload week on for 7 days: the next workouts are lighter and move nothing.
plans-deload-ended = Deload week off: back to the plan's loads from the next workout.
plans-switched = Switched to <b>{ $name }</b>. Send /today to start day 1.
plans-saved = Saved your plan <b>{ $name }</b>: { $days } { $days ->
    [one] day
   *[other] days
}. Sending a plan with the same name again replaces it.
plans-errors =
    That plan has a problem, so nothing was saved:
    { $errors }
    Fix it and send it again.

## When a day picked on the card cannot open

plans-no-plan = You have no plan yet. Send /start to pick one.
plans-no-such-day = That day isn't in your plan. Send /plan to see its days.
plans-finish-first = Your day { $day } workout has sets logged. Finish it on its card (🏁) first, or /today.
