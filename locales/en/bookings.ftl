## Scheduling: availability, booking, sessions (handlers/bookings)

bookings-command-book = Book a session with your coach
bookings-command-sessions = Your sessions today and ahead (coaches)
bookings-command-availability = When clients can book you (coaches)
bookings-weekday = { $day ->
    [0] Mon
    [1] Tue
    [2] Wed
    [3] Thu
    [4] Fri
    [5] Sat
   *[6] Sun
}
bookings-price = { $price } ⭐
bookings-days = { $days } d
bookings-hours = { $hours } h
bookings-minutes = { $minutes } min

## /availability

bookings-not-coach = Only a coach has availability and sessions: /coach makes you one.
bookings-availability = 🗓 <b>Your availability</b> ({ $zone })
bookings-availability-none = No windows yet: clients cannot book you.
bookings-availability-help = Add a window by typing, for example:
    <code>/availability Mon Wed 07:00-12:00 60min buffer 15</code>
    Optional: <code>from 2026-01-05</code>, <code>until 2026-06-30</code>, <code>group 6</code> (places a slot), <code>price 250</code> (Stars a person).
    Days off: <code>/availability off 2026-12-24 2027-01-02</code>
bookings-window = { $number }. { $days } { $start }–{ $end }, { $slot } min slots
bookings-window-buffer = { $minutes } min buffer
bookings-window-group = group of { $capacity }
bookings-window-from = from { $date }
bookings-window-until = until { $date }
bookings-window-remove-button = ❌ Remove { $number }
bookings-window-added = ✅ Window added.
bookings-window-removed = Window removed. Sessions booked in it stay booked.
bookings-window-gone = That window is not yours, or no longer there.
bookings-vacation-set = 🏖 Days off from { $first } to { $last }: no slots then.
bookings-problem = { $problem ->
    [empty] ⚠️ Nothing to add.
    [day] ⚠️ Start with the days, e.g. <code>Mon Wed</code>.
    [range] ⚠️ Then the hours, e.g. <code>07:00-12:00</code> (the end after the start).
    [slot] ⚠️ Then the slot length, e.g. <code>60min</code> or <code>1h</code> (up to 8 h).
    [short] ⚠️ The window is shorter than one slot.
    [buffer] ⚠️ A buffer is minutes between slots, e.g. <code>buffer 15</code> (up to 4 h).
    [date] ⚠️ A date is written <code>2026-12-24</code>.
    [dates] ⚠️ The last date comes before the first.
    [capacity] ⚠️ A group is 1 to 100 places, e.g. <code>group 6</code>.
    [price] ⚠️ A price is whole Stars, e.g. <code>price 250</code>.
   *[unknown] ⚠️ I did not understand a word.
}
bookings-problem-word = At: <code>{ $word }</code>

## /book

bookings-no-coach = You book sessions with your coach: open your coach's invite link first.
bookings-day = 🗓 <b>Sessions with { $coach }</b>
    { $day } · your time ({ $zone })
bookings-day-empty = No free slots this day.
bookings-moving = ↔️ Moving { $when }: pick the new time.
bookings-group-slot-button = { $time } · { $free } left
bookings-previous-day = ◀️
bookings-next-day = ▶️
bookings-mine-button = 📋 My bookings
bookings-booked = ✅ Booked: <b>{ $when }</b> (your time, { $zone }) with { $coach }.
bookings-already = You have this slot already.
bookings-just-taken = Just taken: someone booked this slot a moment ago. Pick another.
bookings-slot-gone = That slot is not free any more.
bookings-ics-button = 📅 Add to calendar
bookings-ics-at-button = 📅 { $time }
bookings-cancel-button = ❌ Cancel
bookings-cancel-at-button = ❌ { $time }
bookings-move-button = ↔️ Move
bookings-move-at-button = ↔️ { $time }
bookings-another-button = ➕ Book another
bookings-repeat-weekly-button = 🔁 Weekly ×4
bookings-repeat-biweekly-button = 🔁 Every other week ×4
bookings-repeat-monthly-button = 🔁 Monthly ×3
bookings-series-booked = 🔁 Sessions booked: { $booked }.
bookings-series-not-slot = ⚠️ The first session must be a slot of your coach's: pick one in /book.
bookings-series-usage = A recurring appointment, in your time:
    <code>/book series 2026-03-04 07:00 weekly count 8</code>
    <code>weekly</code>, <code>biweekly</code> or <code>monthly</code>; end with <code>count 8</code> (up to 52) or <code>until 2026-06-30</code>; skip dates with <code>except 2026-03-18 2026-04-01</code>.
bookings-series-problem = { $problem ->
    [start] ⚠️ Start with the first session's date and time, e.g. <code>2026-03-04 07:00</code>.
    [frequency] ⚠️ Then how often: <code>weekly</code>, <code>biweekly</code> or <code>monthly</code>.
    [end] ⚠️ End it with <code>count 8</code> or <code>until 2026-06-30</code> (one of them).
    [count] ⚠️ A count is 1 to 52.
    [date] ⚠️ A date is written <code>2026-12-24</code>, and the end comes after the start.
   *[unknown] ⚠️ I did not understand a word.
}
bookings-series-skipped = Not free, so not booked: { $dates }.
bookings-mine = 📋 <b>Your sessions</b> ({ $zone })
bookings-mine-none = No sessions booked. /book to book one.
bookings-mine-line = { $number }. { $when } with { $coach }{ $status ->
    [confirmed] { " " }☑️
   *[other] {""}
}
bookings-mine-tips = Reminders: <code>/book remind 24h 1h</code> · a recurring appointment: <code>/book series 2026-03-04 07:00 weekly count 8</code>
bookings-cancelled = Cancelled: { $when }.
bookings-too-late = It has started: only the coach can mark it now.
bookings-gone = That booking is not yours, or no longer there.
bookings-moved = ↔️ Moved to <b>{ $when }</b> (your time, { $zone }).
bookings-ics-caption = 📅 { $when }: open the file to add it to your calendar.
bookings-ics-summary = Session with { $name }
bookings-remind-set = 🔔 Reminders { $offsets } before each session.
bookings-remind-off = 🔕 No reminders before sessions.
bookings-remind-usage = Reminders before each session: <code>/book remind 24h 1h</code> (up to three, each up to 7d), or <code>/book remind off</code>.

## /sessions

bookings-sessions = 🗓 <b>Your sessions</b> ({ $zone })
bookings-sessions-none = No sessions today or in the next two weeks.
bookings-sessions-line = { $when } · { $name } · { $status ->
    [scheduled] booked
    [confirmed] confirmed
    [completed] ✅ done
    [no_show] 🚫 no-show
   *[other] { $status }
}
bookings-confirm-button = ☑️ { $name } { $time }
bookings-done-button = ✅ { $name } { $time }
bookings-no-show-button = 🚫 { $name } { $time }
bookings-marked = Marked.
bookings-marked-left = Marked done: { $name } has { $left } sessions left in their pack.
bookings-mark-refused = Not now: a session is confirmed before it starts, and marked done or a no-show once it has.

## Sent unasked

bookings-reminder = ⏰ Session with { $coach }: <b>{ $when }</b> (your time, { $zone }).
bookings-new = 🗓 { $athlete } booked <b>{ $when }</b>.
bookings-moved-by = ↔️ { $athlete } moved { $was } to <b>{ $when }</b>.
bookings-cancelled-by = ❌ { $name } cancelled the session of { $when }.
