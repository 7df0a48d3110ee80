## /today, the finish summary, /maxes and onboarding.

training-rest-over = ⏱ Rest is over — next set!
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

## The finish summary and its buttons

training-summary-title = <b>Day { $day } done!</b> { $name }
training-summary-stats = Sets: { $done } of { $total } · Volume: { $volume } · Time: { $duration }
training-duration-minutes = { $minutes } min
training-duration-hours = { $hours } h { $minutes } min
training-summary-best = { $name }: best e1RM { $e1rm }
training-summary-record = 🏆 PR: { $record }
training-summary-progression = <b>Progression</b>
training-summary-no-changes = No training max changes this time.
training-summary-proposed = ⚖️ <b>Proposed to your coach</b> (they keep, change or decline it):
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

## Why a training max or working weight moved: "+5 kg: all 5×3+ sets made"

training-reason-scheme = { $sets }×{ $reps }{ $amrap ->
        [yes] +
       *[no] { "" }
    }
training-reason-scheme-range = { $sets }×{ $reps }–{ $top }
training-reason-week = week { $week }{ $deload ->
        [yes] { " " }(deload)
       *[no] { "" }
    }
training-reason-amrap-table = +{ $increment }: { $reps } { $reps ->
        [one] rep
       *[other] reps
    } on the { $percent }% set
training-reason-amrap-table-progression-set = +{ $increment }: { $reps } { $reps ->
        [one] rep
       *[other] reps
    } on the progression set
training-reason-no-rule = +{ $increment }: no progression rule for { $exercise }
training-reason-all-prescribed-sets-made = +{ $increment }: all { $sets } sets made as prescribed
training-reason-cycle-week-done = { $next_week } next: { $week } done
training-reason-cycle-set-short = { $next_week } next: the { $percent }% { $set_reps }{ $amrap ->
        [yes] +
       *[no] { "" }
    } set fell short ({ $reps } reps); the TM resets −{ $off }% when the cycle ends
training-reason-cycle-complete = +{ $increment }: { $weeks }-week cycle complete
training-reason-cycle-fell-short = −{ $off }%: a + set fell short this cycle
training-reason-all-sets-made = +{ $increment }: all { $scheme } sets made
training-reason-session-failed = same weight: a { $scheme } set fell short ({ $failures ->
        [1] first
        [2] second
        [3] third
        [4] fourth
        [5] fifth
       *[other] { $failures }th
    } failed session in a row)
training-reason-deload-after-failures = −{ $off }%: { $failures ->
        [1] first
        [2] second
        [3] third
        [4] fourth
        [5] fifth
       *[other] { $failures }th
    } failed session in a row
training-reason-range-top-reached = +{ $increment }: every { $scheme } set reached { $reps } reps
training-reason-sets-not-logged = same weight: { $logged } of { $sets } sets logged
training-reason-range-top-missed = same weight: a set stopped at { $reps } reps, { $needed } needed
training-reason-no-rated-set = same weight: no set with reps and RPE on the chart
training-reason-rpe-estimate = { $direction ->
        [up] +{ $change }
        [down] −{ $change }
       *[same] same weight
    }: { $lifted } × { $reps } @ { $rpe } → e1RM { $e1rm }; { $target_reps } @ { $target_rpe } is { $percent }%
training-reason-set-fell-short = same weight: a { $scheme } set fell short
training-reason-stage-advanced = { $scheme } next: a { $failed } set fell short
training-reason-retest-next = new { $reps }RM test next: a { $failed } set fell short
training-reason-retest-again = new { $reps }RM test again: no set reached { $reps } reps
training-reason-retest-restart = { $scheme } at { $weight } next: { $percent }% of the new { $reps }RM, { $best }
training-reason-stage-restart-bumped = { $scheme } at { $weight } next: a { $failed } set fell short; last { $scheme } weight +{ $increment }
training-reason-last-set-short = same weight: { $reps } reps on the last { $scheme } set, { $needed } needed
training-reason-last-set-reached = +{ $increment }: { $reps } reps on the last { $scheme } set
training-reason-reset-proposed = −{ $off }%: no reps on the 1+ set twice in a row
training-reason-reset-after-stall = reset { $off }% after a stall
training-reason-declined = change declined
training-reason-plan-start = where the plan starts
training-reason-set-by-hand = set by the athlete
training-reason-set-by-coach = set by your coach { $coach }
training-reason-from-one-rep-max = { $percent }% of a { $one_rep_max } one-rep max
training-reason-note = { $text }

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
