## progress: /progress, its charts, the weekly summary, and /history

progress-no-data = No charts yet: they need a finished workout or two. Send /today to train, and /progress will draw your lifts, weekly volume and training days.
progress-weekday = { $weekday ->
    [0] Mon
    [1] Tue
    [2] Wed
    [3] Thu
    [4] Fri
    [5] Sat
   *[6] Sun
}
progress-month = { $month ->
    [1] Jan
    [2] Feb
    [3] Mar
    [4] Apr
    [5] May
    [6] Jun
    [7] Jul
    [8] Aug
    [9] Sep
    [10] Oct
    [11] Nov
   *[12] Dec
}

## The charts' captions, and the words on the charts (plain text)

progress-e1rm-caption = 📈 <b>Estimated 1RM</b> per main lift · { $records } { $records ->
    [one] PR
   *[other] PRs
} in 12 months (★); dashed: your training max
progress-volume-caption = 🏋️ <b>Weekly volume</b> by muscle group (weight × reps)
# $classes: team classes attended in the calendar's months, each a dot on its day.
progress-calendar-caption = 📅 <b>Training days</b>: the darker, the more sets{ $classes ->
    [0] {""}
   *[other] {" "}· ● { $classes } { $classes ->
        [one] class
       *[other] classes
    } attended
}
progress-e1rm-title = Estimated 1RM
# $formula is a name: Epley or Brzycki.
progress-e1rm-subtitle = { $unit }, by { $formula } · last 12 months
progress-e1rm-legend = e1RM, best set of the day
progress-record-legend = PR
progress-training-max-legend = training max
progress-no-lifts = No main lifts logged yet
progress-volume-title = Weekly volume by muscle group
progress-volume-subtitle = { $unit } lifted (weight × reps) · last { $weeks } weeks
progress-volume-axis = { $unit } per week
progress-no-volume = Nothing lifted in these weeks
# $group is the exercise library's muscle group; $name is its name in English.
progress-muscle-group = { $group ->
   *[other] { $name }
}
progress-calendar-title = Training days
progress-calendar-subtitle = { $sessions } { $sessions ->
    [one] session
   *[other] sessions
} · { $rate } a week
progress-calendar-subtitle-planned = { $sessions } { $sessions ->
    [one] session
   *[other] sessions
} · { $rate } a week (plan: { $planned })
progress-calendar-subtitle-no-rate = { $sessions } { $sessions ->
    [one] session
   *[other] sessions
}
progress-calendar-subtitle-planned-no-rate = { $sessions } { $sessions ->
    [one] session
   *[other] sessions
} (plan: { $planned } a week)
progress-heat-less = rest
progress-heat-more = more sets
# Under each month of the training-days chart, Monday first.
progress-weekday-initial = { $weekday ->
    [0] M
    [1] T
    [2] W
    [3] T
    [4] F
    [5] S
   *[6] S
}

## The weekly summary's caption

progress-summary-sessions = 🗓 { $done } { $done ->
    [one] session
   *[other] sessions
} this week
progress-summary-sessions-planned = 🗓 { $done } of { $planned } { $planned ->
    [one] session
   *[other] sessions
} this week
progress-summary-records = 🏆 { $count } { $count ->
    [one] PR
   *[other] PRs
}: { $records }
progress-summary-records-and-more = 🏆 { $count } PRs: { $records } and { $more } more
progress-summary-no-records = 🏆 No PRs this week
progress-summary-maxes = 📈 Training maxes: { $moves }
progress-summary-maxes-unchanged = 📈 Training maxes unchanged
progress-summary-conditioning = 🔥 { $count } { $count ->
    [one] conditioning workout
   *[other] conditioning workouts
}: { $results }
progress-summary-conditioning-and-more = 🔥 { $count } conditioning workouts: { $results } and { $more } more
progress-summary-wod = { $name } { $score } { $rx ->
    [rx] Rx
   *[other] scaled
}

## /history

progress-no-workouts = No finished workouts yet. Send /today to start your first one.
progress-not-found = That workout is not in your history. Send /history for a fresh list.
progress-back-button = ⬅️ Back
progress-fix-button = ✏️ Fix a set
progress-only-results = To fix a set, send what you did: <code>100x5</code>, <code>8</code> (reps at the prescribed weight) or <code>+</code> (as prescribed).
progress-date = { $weekday } { $day } { $month }
progress-date-with-year = { $weekday } { $day } { $month } { $year }
# A workout's button: plain text.
# $number: the plan's day, 0 for a workout imported from another app (no plan day)
progress-entry-line = { $date } · { $number ->
    [0] { $name }
   *[other] Day { $number } · { $name }
} · { $done }/{ $total } sets
progress-list-title = <b>Your workouts</b>
progress-list-title-page = <b>Your workouts</b> · page { $page }
progress-list-hint = Newest first. Tap one to see every set.
progress-set-skipped = skipped
progress-set-not-logged = not logged
progress-workout-title = <b>{ $date } · { $number ->
    [0] { $name }
   *[other] Day { $number } · { $name }
}</b>
progress-sets-done = { $done } of { $total } sets done
progress-which-set = <b>Which set?</b> Tap its number or type it.
progress-no-such-set = There is no set { $typed } here. Send a number from 1 to { $sets }.
progress-send-set-number = Send the set's number, from 1 to { $sets }.
progress-entry-set = <b>Set { $number }</b> · { $name }
progress-entry-prescribed = Prescribed: { $set }
progress-entry-logged = Logged: { $outcome }
progress-entry-how = Send what you did: <code>100x5</code>, <code>8</code> (reps at { $weight }) or <code>+</code> (as prescribed).
progress-corrected = Set { $number } fixed: { $name } { $before } → <b>{ $after }</b>.
progress-corrected-maxes-stay = Training maxes stay as they are: a fix does not re-run progression.
progress-body-title = Body weight
progress-body-subtitle = { $unit } · latest { $latest } { $unit }
progress-body-subtitle-rate = { $unit } · latest { $latest } { $unit } · { $rate } { $unit } a week
progress-body-weigh-ins = weigh-in
progress-body-average = 7-day average
progress-body-caption = ⚖️ <b>Body weight</b>: { $count } { $count ->
    [one] weigh-in
   *[other] weigh-ins
}, the line is the 7-day average. Log yours in /body
