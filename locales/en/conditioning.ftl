## conditioning: /wod, workouts, scores

conditioning-menu = 🔥 <b>Conditioning</b>: a MetCon made for today, a benchmark, or your own.
conditioning-any-button = 🎲 Made for today
conditioning-amrap-button = 🎲 AMRAP
conditioning-fortime-button = 🎲 For time
conditioning-benchmarks-button = 🏅 Benchmarks
conditioning-paste-button = ✍️ Paste your own
conditioning-pick-benchmark = 🏅 Which benchmark?
conditioning-paste-prompt = ✍️ Reply with your workout, e.g. <code>AMRAP 12: 5 pull-ups, 10 push-ups, 15 air squats</code> or <code>For time, 21-15-9: thruster 43/29kg, pull-up</code>.
conditioning-untitled = Today's MetCon
conditioning-card = 🔥 <b>{ $name }</b>
    <pre>{ $workout }</pre>
    { $domain } · about { $minutes } min
conditioning-domain-sprint = Sprint
conditioning-domain-short = Short
conditioning-domain-medium = Medium
conditioning-domain-long = Long
conditioning-domain-extended = Extended
conditioning-swap-button = 🔁 { $movement }
conditioning-log-rx-button = 📝 Log Rx
conditioning-log-scaled-button = 📝 Log scaled
conditioning-no-swap = Nothing to swap it for.
conditioning-not-yours = That workout is not yours to log.
conditioning-score-prompt = 📝 Reply with your { $rx ->
    [rx] Rx
   *[other] scaled
} score: { $how }
    <i>More sets: 100, 105, 110kg. A tiebreak: 4:22 tb 2:10. A note: on the next line.</i>
conditioning-bad-tiebreak = A tiebreak is a time, like <code>tb 2:10</code>. Nothing was logged.
conditioning-kit-hint = 🧰 Built for a full gym: tell /settings → 🧰 what you have and the next one fits it.
conditioning-sets = { $count } sets: { $sets }
conditioning-tiebreak = tiebreak { $time }
conditioning-note = 📝 { $note }
conditioning-bad-score = I couldn't read that: { $how }
conditioning-score-how-time = a For Time score looks like 4:22 or 1:05:30.
conditioning-score-how-time-with-cap = a For Time score looks like 4:22, or CAP+23 if the cap stopped you.
conditioning-score-how-rounds-reps = an AMRAP score looks like 12+15 (rounds + reps) or 12.
conditioning-score-how-reps = a score here is a number of reps, like 150.
conditioning-score-how-calories = a score here is calories, like 250 cal.
conditioning-score-how-points = a score here is points, like 87.
conditioning-score-how-emom = an EMOM score is the intervals you completed, like 27.
conditioning-score-how-load = a load looks like 84 kg or 185 lb.
conditioning-score-how-meters = a distance looks like 1000 m or 500 ft.
conditioning-score-how-feet = a distance looks like 500 ft or 150 m.
conditioning-score-how-pass-fail = this one is pass or fail.
conditioning-logged = ✅ <b>{ $name }</b>: { $score } { $rx ->
    [rx] Rx
   *[other] scaled
}
conditioning-standing = Level { $level } · { $tier } ({ $source ->
    [users] among our athletes
    [blended] our athletes and the reference
   *[other] against the reference
})
conditioning-tier-elite = Elite
conditioning-tier-advanced = Advanced
conditioning-tier-intermediate = Intermediate
conditioning-tier-developing = Developing
conditioning-tier-beginner = Beginner
conditioning-pr = 🏆 { $name } { $before } → { $after }, { $by }
conditioning-faster = { $seconds } s faster
conditioning-more-reps = { $reps } reps more
conditioning-better = better
conditioning-history-empty = No conditioning results yet: /wod starts one.
conditioning-history-title = 🔥 <b>Your conditioning</b>, newest first:
conditioning-history-line = { $date } · { $name }: { $score } { $rx ->
    [rx] Rx
   *[other] scaled
}
conditioning-errors = I couldn't read that workout:
    { $errors }
conditioning-on-line = line { $line }: { $problem }
conditioning-problem-too-long = a workout is at most { $limit } characters
conditioning-problem-no-format = it needs a format line, like AMRAP 12: … or For time: …
conditioning-problem-two-formats = one workout has one format line
conditioning-problem-unknown-format = “{ $head }” is not a format I know (For time, AMRAP 12, EMOM 10, 3 rounds for time, Chipper, Tabata)
conditioning-problem-not-a-line = this line belongs after a format line
conditioning-problem-bad-minutes = minutes are a number from 1 to { $limit }
conditioning-problem-bad-score = “{ $scheme }” is not a way to score a workout
conditioning-problem-name-too-long = a name is at most { $limit } characters
conditioning-problem-unknown-movement = I don't know “{ $name }”
conditioning-problem-unknown-movement-like = I don't know “{ $name }”: did you mean { $suggestion }?
conditioning-problem-not-a-part = “{ $part }” is not a movement with its amount
conditioning-problem-missing-amount = how many { $movement }? (or a rep pattern like 21-15-9)
conditioning-problem-cap-not-timed = a cap belongs to For Time and Chipper only
conditioning-problem-bad-amount = { $movement } takes 1 to { $limit }
conditioning-problem-wrong-unit = { $movement } is not counted that way
conditioning-problem-bad-load = “{ $part }”: a load is up to 500, like 43/29kg
conditioning-problem-no-parts = no movements after the format line
conditioning-problem-too-many-parts = at most { $limit } movements
conditioning-heat-map-title = Conditioning
conditioning-heat-map-subtitle = { $workouts ->
    [one] 1 workout in the last 12 months, by format and length
   *[other] { $workouts } workouts in the last 12 months, by format and length
}
conditioning-format = { $format ->
    [for_time] For time
    [chipper] Chipper
    [amrap] AMRAP
    [emom] EMOM
   *[tabata] Tabata
}
conditioning-domain-range = { $domain ->
    [sprint] Sprint{"\u000A"}< 5 min
    [short] Short{"\u000A"}5–10
    [medium] Medium{"\u000A"}10–20
    [long] Long{"\u000A"}20–40
   *[extended] Extended{"\u000A"}40+
}
conditioning-trends-title = Benchmarks
conditioning-trends-subtitle = Every result over time: up is better
conditioning-trends-rx = Rx
conditioning-trends-scaled = Scaled
conditioning-trends-rounds = rounds
conditioning-heat-map-caption = 🔥 { $workouts ->
    [one] 1 conditioning workout
   *[other] { $workouts } conditioning workouts
}, most often { conditioning-format } · { conditioning-domain-word }. The number under a count is the mean percentile of its Rx benchmarks{ $placed ->
    [0] (none yet: log one Rx from /wod → 🏅).
   *[other] .
}
conditioning-domain-word = { $domain ->
    [sprint] sprint
    [short] short
    [medium] medium
    [long] long
   *[extended] extended
}
conditioning-trends-caption = 🏅 { $benchmarks ->
    [one] Your benchmark, every time you did it.
   *[other] Your { $benchmarks } most done benchmarks, every time you did them.
}
