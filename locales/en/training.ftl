## /today, the finish summary, /maxes and onboarding.

training-rest-over = ⏱ Rest is over — next set!
training-no-plan = You have no plan yet. Send /start to pick one.
training-no-workout = No workout is open. Send /today to start one.
training-all-logged = All sets logged.

## The workout card

training-done-button = ✅ Done
training-reps-down = − rep
training-reps-up = + rep
training-skip-button = Skip
training-undo-button = ↩ Undo
training-finish-button = 🏁 Finish
training-note-button = 📝 Note
training-note-prompt = Type a note for the set you just logged (how it felt, cues, pain…).
training-note-saved = Note saved.
training-note-needs-a-set = Log a set first, then add a note to it.
training-back = ⬅️ Back
training-card-title = <b>Day { $day } · { $name }</b>{ $deload ->
        [yes] { " " }· 🪶 deload
       *[no] { "" }
    }  ({ $logged }/{ $total })
training-set-label = { $tier } { $mark }{ $name } — set { $number } of { $sets }{ $kind ->
        [warmup] { " " }· warm-up
        [joker] { " " }· joker set, optional
       *[work] { "" }
    }
training-card-plates = Plates per side: { $plates }
training-plates-empty-bar = empty bar ({ $bar })
training-plates-on-bar = { $plates } (on a { $bar } bar)
training-nearest-loadable = { $wanted } can't be loaded with your bar and plates: this is the nearest.
training-card-amrap = As many reps as you can: tap or type how many you did.
training-card-rep-range = Aim for { $reps }–{ $top } reps: type how many you did.
training-card-next = Next: { $name } { $set }
training-warmup = 🔥 Warm up first: { $steps } { $unit }
training-rest = ⏱ Rest { $left } left of { $length }

## Typed sets and edits

training-edit-cannot-skip = An edit can change a set's weight or reps; to skip or undo, send skip or undo.
training-edit-not-a-set = That message didn't log a set of your open workout, so nothing changed.
training-relogged = Updated { $name } set { $number }: { $weight } × { $reps }
training-entry-empty = Send the reps (8), weight × reps (100x5) or + for as prescribed.
training-entry-not-an-entry = I read that as neither reps nor weight × reps. Send 8, 100x5, + (as prescribed), skip or undo.
training-entry-too-long = That's too long for a set. Send 8, 100x5 or +.
training-entry-missing-reps = How many reps? Send it as 100x5.
training-entry-reps-not-whole = Reps are whole numbers, like 5.
training-entry-reps-too-high = More than 100 reps? Send the reps you did, up to 100.
training-entry-reps-negative = Reps can't be negative.
training-entry-weight-too-high = That weight is beyond any barbell (1000 kg / 2200 lb at most).
training-entry-weight-not-positive = The weight must be more than zero.
training-entry-weight-too-precise = Weights go to two decimals at most, like 102.5.
training-entry-rpe-off-chart = RPE goes from 6 to 10 in halves, like 100x5 @8 or 8 @8.5.

## The finish summary and its buttons

training-summary-title = <b>Day { $day } done!</b> { $name }
training-summary-stats = Sets: { $done } of { $total } · Volume: { $volume } · Time: { $duration }
training-duration-minutes = { $minutes } min
training-duration-hours = { $hours } h { $minutes } min
training-summary-best = { $name }: best e1RM { $e1rm }
training-summary-record = 🏆 PR: { $record }
training-record-reps = { $reps } reps at { $weight } (was { $previous })
training-record-heaviest = heaviest { $weight } (was { $previous })
training-record-e1rm = best e1RM { $weight } (was { $previous })
training-summary-progression = <b>Progression</b>
training-summary-no-changes = No training max changes this time.
training-tm = TM
training-stall = ⚠️ { $lift }: no reps on the 1+ set twice in a row. A 10% reset ({ $old } → { $new }) gets you moving again.
training-keep-button = ✅ Keep the new maxes
training-kept = Kept. Onwards!
training-nothing-to-decline = Nothing to undo there: that change was already declined.
training-decline-button = ✖ Keep { $lift } at { $weight }
training-edit-button = ✏️ Set it myself
training-nothing-to-reset = Nothing to reset: that training max has changed since.
training-reset-button = ↘ Reset { $lift } to { $weight }
training-was-reset = { $lift } TM reset to { $weight }.
training-declined = { $lift } stays at { $weight }.

## /maxes

training-no-maxes = No training maxes yet. Send /start to set up a plan.
training-not-your-lift = That lift has no training max of yours. Send /maxes for a fresh list.
training-not-a-weight = Send just the weight, e.g. 130 (more than 0, at most 1000 kg / 2200 lb).
training-how-to-set = Set one with <code>/maxes squat 130</code> (or several: bench 100 ohp 60).
training-maxes-unreadable = I couldn't read a lift and a weight there. { training-how-to-set }
training-maxes-title = <b>Training maxes</b>
training-maxes-was = { $latest }  <i>(was { $earlier })</i>
training-working-weights-title = <b>Working weights</b> (your plan moves them after each session)
training-ask-new-max = Send the new { $what ->
        [working] working weight
       *[max] training max
    } for { $lift }, e.g. 130.

## Onboarding after /start

training-units-prompt = First things first: do you load the bar in kilograms or pounds?
training-plan-prompt = Which plan do you run? You can switch any time in /plan, or write your own there.
training-ready = You're all set on <b>{ $plan }</b>. Send /today when you're at the gym to start day 1.
training-maxes-done =
    You're all set! Training maxes: { $maxes }.
    Send /today when you're at the gym to start day 1.
training-ask-max =
    What's your { $mode ->
        [tm] training max
       *[one-rep] one-rep max
    } for <b>{ $lift }</b> in { $unit }?
    Or send them all at once: <code>bench 100 squat 140 ohp 60 deadlift 180</code>
training-tm-share = Your TMs will be { $percent }% of these.
training-know-one-rep-maxes = I know my 1RMs instead
training-know-training-maxes = I know my training maxes
training-share-toggle = Make my TMs { $other_share }% of my 1RMs
training-max-out-of-range = { $typed }: that weight doesn't look right. Send a number above 0 and at most { $max } kg.
training-unknown-lift = I don't know the lift “{ $typed }”. Use bench, squat, ohp or deadlift.
training-maxes-example = Send a weight like 100, or several: bench 100 squat 140 ohp 60 deadlift 180.
