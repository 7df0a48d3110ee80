## checkins: the weekly check-in and readiness

checkins-intro = 🗓 <b>Weekly check-in</b>: five quick questions (sleep, energy, stress, soreness, mood), answered 1 to 5, make your readiness score. Your coach sees it.
checkins-day-on = You're asked on { $day } at { $at } your time.
checkins-day-off = It's off. Pick a day to turn it on.
checkins-client-intro = 🗓 <b>Your client's weekly check-in</b>: pick the day they're asked (sleep, energy, stress, soreness, mood, 1 to 5 each).
checkins-client-day-on = They're asked on { $day } at { $at } their time.
checkins-client-day-off = It's off. Pick a day to turn it on for them.
checkins-off-button = 🔕 Off
checkins-weekday-0 = Mon
checkins-weekday-1 = Tue
checkins-weekday-2 = Wed
checkins-weekday-3 = Thu
checkins-weekday-4 = Fri
checkins-weekday-5 = Sat
checkins-weekday-6 = Sun
checkins-title = 🗓 <b>Weekly check-in</b> ({ $number } of 5)
checkins-question-sleep = How did you sleep this week? 1 = badly … 5 = great
checkins-question-energy = How is your energy? 1 = drained … 5 = full of it
checkins-question-stress = How stressed are you? 1 = calm … 5 = very stressed
checkins-question-soreness = How sore are you? 1 = not at all … 5 = very sore
checkins-question-mood = How is your mood? 1 = low … 5 = great
checkins-done = ✅ Thanks! Readiness: <b>{ $score }</b>/100.
checkins-not-yours = That check-in is not yours.
checkins-not-your-client = That athlete is not your client.
checkins-card-title = 🗓 <b>Check-ins</b>
checkins-card-line = { $week }: readiness <b>{ $score }</b> (sleep { $sleep }, energy { $energy }, stress { $stress }, soreness { $soreness }, mood { $mood })
checkins-card-button = 🗓 Check-in day
checkins-digest-low = low readiness in their check-in ({ $score }/100)
