## reminders: the /reminders card, and the reminders, follow-ups and nudges sent through the outbox

reminders-weekday = { $weekday ->
    [0] Mon
    [1] Tue
    [2] Wed
    [3] Thu
    [4] Fri
    [5] Sat
   *[6] Sun
}
# A plan day by its main lifts: "Day 2 · Squat, Sumo deadlift".
reminders-day-line = Day { $number } · { $lifts }

## The card

reminders-title-on = ⏰ <b>Reminders</b>: <b>on</b>
reminders-title-off = ⏰ <b>Reminders</b>: off
reminders-days = Days: { $days } at <b>{ $time }</b> ({ $zone })
reminders-no-days = no days chosen
reminders-quiet = Quiet hours: { $span }
reminders-quiet-none = Quiet hours: none
reminders-summary-on = Weekly summary: Sundays at 19:00
reminders-summary-off = Weekly summary: off
reminders-next = Next reminder: { $weekday } { $time }
reminders-tap-days = Tap the days you train on to get reminders.
reminders-promise = A missed day brings one gentle note the next morning; nothing unasked arrives in quiet hours.
reminders-time-button = 🕕 Time
reminders-quiet-button = 🌙 Quiet hours
reminders-turn-on = 🔔 Turn reminders on
reminders-turn-off = 🔕 Turn reminders off
reminders-summary-turn-on = 📊 Weekly summary: turn on
reminders-summary-turn-off = 📊 Weekly summary: turn off
reminders-close-button = Done
reminders-back-button = ⬅️ Back
reminders-time-prompt = Send the time for your reminders, e.g. <code>18:00</code>, <code>6pm</code> or <code>7:30</code> (a 24-hour clock unless you add am or pm).
reminders-quiet-prompt = Send your quiet hours as a span, e.g. <code>22-7</code> or <code>22:30-06:00</code>: no follow-ups or summaries arrive then. Send <code>off</code> for none.
reminders-not-text = Please send it as text.
reminders-bad-hour = “{ $typed }” has no such hour: use 0–23, or 1–12 with am or pm.
reminders-bad-minute = “{ $typed }”: minutes go from 00 to 59.
reminders-bad-half-day = “{ $typed }” mixes the 24-hour clock with am/pm: send <code>13:00</code> or <code>1pm</code>.
reminders-unreadable-time = I can't read “{ $typed }” as a time. Try <code>18:00</code>, <code>6pm</code> or <code>7:30</code>.
reminders-unreadable-quiet = I can't read “{ $typed }” as quiet hours. Send a start and an end that differ, e.g. <code>22-7</code>, or <code>off</code>.
reminders-time-in-quiet-hours = { $time } is inside your quiet hours ({ $span }). Pick another time, or change the quiet hours first.
reminders-quiet-hours-cover-reminders = Your reminders come at { $time }, inside { $span }. Choose quiet hours around them, or change the time first.

## The messages

reminders-start-button = ▶️ Start
reminders-training-day = ⏰ Training day today: <b>{ $day }</b>
reminders-training-day-no-plan = ⏰ Training day today! Pick a plan with /plan and I'll name the day here.
reminders-missed = 👋 No session yesterday? No problem, it happens. <b>{ $day }</b> is waiting whenever you are ready.
reminders-missed-no-plan = 👋 No session yesterday? No problem, it happens. Your plan is waiting whenever you are ready.
reminders-nudge = 👋 It's been { $missed } training days without a session. One short workout gets you rolling again. <b>{ $day }</b> is next. Other days suit you better? Change them in /reminders.
reminders-nudge-no-plan = 👋 It's been { $missed } training days without a session. One short workout gets you rolling again. Other days suit you better? Change them in /reminders.
