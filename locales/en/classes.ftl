## classes: a team's classes, their cards in the group, RSVPs, the waitlist, attendance, reminders

classes-weekday = { $day ->
    [0] Mon
    [1] Tue
    [2] Wed
    [3] Thu
    [4] Fri
    [5] Sat
   *[6] Sun
}
classes-card = 🗓 <b>Class</b> · { $when }
    Coach: { $coach }
    In ({ $booked }/{ $capacity }):
classes-card-waitlist = Waitlist:
classes-card-more = +{ $count } more
classes-card-cancelled = 🚫 <b>Cancelled</b> · { $when }
classes-nobody = nobody yet
classes-no-coach = not set
classes-in-button = ✅ I'm in
classes-out-button = ❌ Can't come
classes-sheet-button = 📋 Attendance
classes-booked = ✅ You're in.
classes-waiting = The class is full: you're number { $position } on the waitlist. If a place frees up, you're in and I'll tell you in private.
classes-already = You're on the list already.
classes-cancelled = ❌ Cancelled: your place went to the next one waiting, if anyone was.
classes-cancelled-late = ❌ Cancelled late (less than { $hours ->
    [one] an hour
   *[other] { $hours } hours
} before class): the coach sees it.
classes-not-in = You weren't on the list.
classes-join-first = Only team members book classes: tap ✅ Join on the team card (/team) first.
classes-closed = This class has started or is cancelled.
classes-not-allowed = Only the team's coaches, owners and admins do that.
classes-no-team = This group isn't a team yet: send /team first.
classes-none = No classes in the next two weeks. Coaches add them with /class, e.g. <code>/class Mon Wed Fri 07:00 60min cap 12</code>.
classes-help = <b>Classes</b> (coaches, owners and admins):
    <code>/class Mon Wed Fri 07:00 60min cap 12</code> — every week
    <code>/class 2026-12-24 10:00 90min cap 8</code> — once
    <code>/class cancel 2026-12-24</code> — not that day (reply to its card, or add the time: <code>10:00</code>)
    <code>/class late 3h</code> — cancelling later than that before class is late (2h until set)
    One class a line; times are the team's ({ $zone }). <code>/classes</code> shows the next cards.
classes-problem = { $problem ->
    [day] a weekday (Mon…Sun) or a date (2026-12-24)
    [date] a real date, like 2026-12-24
    [past] a date from today on
    [time] a start time, like 07:00
    [duration] a length up to 12h, like 60min or 1h
    [capacity] the places, like cap 12
    [empty] a class, like Mon 07:00 60min cap 12
   *[unknown] nothing more after the places
}
classes-problem-line = Line { $line }: expected { $problem }{ $word ->
    [none] .
   *[other] , not “{ $word }”.
}
classes-problems = Nothing scheduled:
classes-scheduled = ✅ { $count ->
    [one] 1 class scheduled.
   *[other] { $count } classes scheduled.
} /classes shows the next cards.
classes-scheduled-one = ✅ Scheduled.
classes-cancel-usage = Which day? <code>/class cancel 2026-12-24</code>, replying to the class's card or adding its time.
classes-no-such-class = No single class that day: reply to its card, or add its time (<code>/class cancel 2026-12-24 10:00</code>).
classes-date-cancelled = 🚫 The class on { $when } is cancelled.
classes-late-set = Cancelling later than { $hours ->
    [one] 1 hour
   *[other] { $hours } hours
} before class now counts as late.
classes-late-usage = How long before class? <code>/class late 3h</code> or <code>/class late 90min</code>.
classes-sheet = 📋 <b>Attendance</b> · { $when }
classes-sheet-empty = Nobody has booked this class.
classes-sheet-page = · page { $page }/{ $pages }
classes-sheet-previous = ◀️
classes-sheet-next = ▶️
classes-present-button = ✅ { $name }
classes-no-show-button = 🚫 { $name }
classes-sheet-sent = I sent you the attendance list in private.
classes-sheet-not-sent = Telegram didn't take the attendance list. Try again in a minute.
classes-start-me-first = I can't write to you yet: open @{ $bot } in private, press Start, then tap again.
classes-marked = Marked.
classes-not-booked = That person isn't booked for this class.
classes-promoted = 🎉 A place freed up: you're in <b>{ $team }</b>'s class on { $when }.
classes-reminder = ⏰ <b>{ $team }</b>: class at { $when }{ $coach ->
    [none] .
   *[other] with { $coach }.
} Can't come? Tap ❌ on the class card in the group.
classes-reminders-off-button = 🔕 No class reminders
classes-reminders-off = 🔕 No more class reminders from this team.
classes-reminders-not-member = You're not in this team, so there are no class reminders from it to switch off.
