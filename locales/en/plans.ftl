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

plans-no-such-day = That day isn't in your plan. Send /plan to see its days.
plans-finish-first = Your day { $day } workout has sets logged. Finish it on its card (🏁) first, or /today.

## Plan-text problems: one message per code of domain.plans.text.problems.PlanProblem
## (the code with dashes). Plan-text keywords stay as they are: the format is English.
plans-problem-on-line = line { $line }: { $problem }
plans-problem-text-too-long = a plan is at most { NUMBER($limit, useGrouping: "true") } characters
plans-problem-unsavable = this plan can't be written back as it was read; please report it
plans-problem-no-plan-name = the plan starts with its name: “plan: My 5x5”
plans-problem-no-days = a plan has at least one “day:” with exercises
plans-problem-not-key-value = expected “key: value”, a day or an exercise line with a colon
plans-problem-header-after-days = “{ $header }:” belongs at the top, before the first day
plans-problem-header-twice = “{ $header }:” is given twice
plans-problem-exercise-before-day = an exercise line comes after a “day:” line
plans-problem-empty-plan-name = the plan needs a name: “plan: My 5x5”
plans-problem-bad-slug = a slug is lowercase letters, digits and dashes: “my-5x5”
plans-problem-tm-not-a-percent = “{ $token }” is not a percent; expected the TM as a share of the 1RM, like “tm: 90%”
plans-problem-tm-out-of-range = a training max is 50%–100% of the 1RM
plans-problem-bad-sessions = sessions a week is a number from 1 to { $limit }, like `sessions: 3 a week`
plans-problem-bad-week = a week is a number, optionally “deload”: “week: 4 deload”
plans-problem-empty-day-name = a day needs a name: “day: Squat, bench”
plans-problem-too-many-days = a plan has at most { $limit } days
plans-problem-day-without-exercises = day “{ $day }” has no exercises
plans-problem-progress-without-target = say whose progression: “progress upper:”, “progress lower:” or a lift
plans-problem-progress-without-brackets = list the brackets: “0-1 +0, 2-3 +2.5kg/5lb, 4+ +5kg/10lb”
plans-problem-not-a-bracket = “{ $token }” is not “reps +step”, like “2-3 +2.5kg/5lb” or “0-1 +0”
plans-problem-bracket-gap = the reps run on from { $expected }, not from { $found }
plans-problem-open-bracket-not-last = only the last bracket is open-ended, like “6+ +5kg/10lb”
plans-problem-bracket-range-downward = “{ $token }”: a range runs upward
plans-problem-bad-display-name = a display name is in double quotes at the end: squat "Paused squat":
plans-problem-empty-display-name = a display name in quotes is not empty
plans-problem-exercise-not-named = name the exercise before the colon: “T1 squat: 5x5”
plans-problem-unknown-exercise = I don't know the exercise “{ $name }”
plans-problem-misspelt-exercise = I don't know the exercise “{ $name }” — did you mean { $suggestion }?
plans-problem-no-sets = list the sets after the colon: “squat: 3x5 @75%”
plans-problem-empty-scheme = a scheme between “|” lists its sets, like “3x5”
plans-problem-too-many-sets = an exercise has at most { $limit } sets
plans-problem-not-a-set = “{ $group }” is not a set like “3x5”, “1x5+”, “3x8-12”
plans-problem-set-count-out-of-range = “{ $group }”: 1 to { $limit } sets
plans-problem-reps-out-of-range = “{ $group }”: 1 to { $limit } reps
plans-problem-rep-range-downward = “{ $group }”: a rep range runs upward, like 8-12
plans-problem-mark-without-amrap = “{ $group }”: “!” marks an AMRAP set (“1x1+ @95% !”)
plans-problem-rpe-target-not-fixed-reps = “{ $group }”: an RPE target is 1–10 fixed reps, like “3x5 @8”
plans-problem-two-loads = “{ $group }”: one load per set — a percent, a weight or an RPE
plans-problem-percent-out-of-range = “{ $group }”: a percent of the TM is above 0 and at most { $limit }
plans-problem-weight-out-of-range = “{ $group }”: a weight is above 0 and at most { $limit }
plans-problem-rpe-off-chart = “{ $group }”: an RPE is 6 to 10 in half points, like @8 or @8.5
plans-problem-not-a-load-or-mark = “{ $token }” in “{ $group }” is not a load (@75%, 80kg, @8) or a mark (!, warmup, joker)
plans-problem-unknown-rule = “{ $token }” is not a progression rule; try one of: { $rules }
plans-problem-rule-without-step = say how much “{ $rule }” adds, like “{ $rule } +2.5kg/5lb”
plans-problem-stages-without-rule = schemes separated by “|” need the “stages” rule
plans-problem-start-not-a-percent = “{ $token }” is not a percent; expected “start 65%” of the TM or “start 20kg/45lb”
plans-problem-start-out-of-range = a start is above 0% and at most { $limit }% of the TM
plans-problem-deload-not-a-percent = “{ $token }” is not a percent; expected “deload 10% after 3”
plans-problem-deload-failures-not-whole = “{ $token }” is not a whole number; expected “deload 10% after 3”
plans-problem-deload-out-of-range = a deload takes off 1%–99% after at least one failed session
plans-problem-at-reps-not-whole = “{ $token }” is not a whole number; expected “at 25 reps”
plans-problem-at-reps-out-of-range = “at N reps” takes 1 to { $limit }
plans-problem-not-a-rule-option = “{ $token }” is not a rule option; options are start, deload … after, then …, at … reps
plans-problem-bad-retest = “then retest 5RM” names the rep max to test
plans-problem-restart-not-a-percent = “{ $token }” is not a percent; expected “then retest 5RM at 85%”
plans-problem-restart-out-of-range = a restart is above 0% and at most 100% of the new rep max
plans-problem-bad-then = after “then” comes “repeat”, “+7.5kg/15lb” or “retest 5RM”
plans-problem-no-load-no-rule = sets with no load need a rule that keeps a working weight, like “; linear +2.5kg/5lb start 50%”, or a load on each set (@75%, 80kg)
plans-problem-tm-rule-needs-percents = “{ $rule }” raises the TM, so every set is a percent of it (@75%)
plans-problem-rpe-rule-needs-rpe-sets = the “rpe” rule needs sets with an RPE target, like “3x5 @8”
plans-problem-rpe-rule-needs-rpe-work-set = the “rpe” rule needs a work set with an RPE target, like “3x5 @8”
plans-problem-double-needs-range = “double” needs a rep range, like “3x8-12”
plans-problem-double-range-downward = the “double” rule can't run these sets: a rep range needs 1 ≤ low ≤ high and a set, got { $sets }×{ $low }–{ $high }
plans-problem-no-start = say where the working weight starts: “start 60%” of the { $lift } TM or “start 20kg/45lb”
plans-problem-scheme-without-work-set = each scheme needs a work set, not only warm-up or joker sets
plans-problem-rule-cannot-run-sets = the “{ $rule }” rule can't run these sets
plans-problem-cycle-without-weeks = “cycle” needs days set in weeks (“week: 1”)
plans-problem-amrap-without-progress = “!” raises the { $lift } TM by reps, but no “progress” line covers it (“progress { $region }: …”)
plans-problem-not-a-step = “{ $token }” is not a step in both units, like “+2.5kg/5lb”
plans-problem-step-in-one-unit = “{ $token }” gives one amount in kg and one in lb, like “+2.5kg/5lb”
plans-problem-step-too-big = “{ $token }” is more than a step
plans-problem-step-not-positive = “{ $token }”: a step is more than zero in both units
plans-problem-not-a-number = “{ $token }” is not a number
plans-problem-too-many-decimals = “{ $token }”: at most two decimals
