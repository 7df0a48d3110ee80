# Programming tracks: a team's or a person's own, public ones; subscriptions; the day's post.

tracks-post-title = 📋 <b>WOD · { $date }</b> — { $track } (week { $week }, day { $day })
tracks-post-nothing = Nothing programmed today.
tracks-post-strength = 🏋️ <b>Strength</b>
tracks-post-metcon = 🔥 <b>Metcon</b>
tracks-post-scaling = ↕️ <b>Scaling:</b> { $scaling }
tracks-post-note = 📝 <b>Coach:</b> { $note }

tracks-saved = Saved the track <b>{ $name }</b> (#{ $id }, { $days } programmed days). Subscribe with /track subscribe { $id }
tracks-replaced = Updated the track <b>{ $name }</b> (#{ $id }, { $days } programmed days); its subscriptions follow the new version.
tracks-subscribed = Subscribed to <b>{ $name }</b>: day 1 falls on { $first } (offset { $offset }).
tracks-subscribed-again = Subscribed to <b>{ $name }</b> again: day 1 falls on { $first } (offset { $offset }).
tracks-unsubscribed = Unsubscribed from <b>{ $name }</b>. /track subscribe brings it back.
tracks-not-subscribed = That track isn't followed here.
tracks-no-such-track = I know no track “{ $ref }” here. /tracks lists them.
tracks-bad-offset = An offset is a number of days, at most 3650 either way.
tracks-not-allowed = Only the team's owners, coaches and group admins can change its programming.
tracks-admins-only = Only the bot's admins can publish tracks.
tracks-published = <b>{ $name }</b> is public now: everyone can subscribe to it.
tracks-unpublished = <b>{ $name }</b> is yours alone again.
tracks-help =
    Tracks for this team:
    • /track with a track's text (or in reply to it) saves it as the team's own
    • /track subscribe <i>name or id</i> [offset <i>N</i>] — day 1 falls on today + N
    • /track unsubscribe <i>name or id</i>
    • /track pay <i>name or id</i> — a paid track: the price, where the team stands, and the Pay button
    • /tracks lists them; /wod_time 06:00 sets the posting time; /wod_rest on|off; /wod_note <i>YYYY-MM-DD text</i>
tracks-help-private =
    Your tracks:
    • /track with a track's text (or in reply to it) saves it as your own
    • /track subscribe <i>name or id</i> [offset <i>N</i>]; /track unsubscribe <i>name or id</i>
    • /tracks lists yours and the public ones; /track today shows today's workouts
    • /track price <i>name or id</i> free | once <i>stars</i> | monthly <i>stars</i> [trial <i>days</i>] prices your own track; /track pay <i>name or id</i> pays for one you follow
tracks-price-help = Price one of your own tracks: <code>/track price Engine free</code>, <code>/track price Engine once 300</code>, or <code>/track price Engine monthly 250 trial 3</code> (Stars; a trial is free days for a new subscriber).
tracks-price-bad-price = A price is 1 to 10000 Stars.
tracks-price-bad-trial = A trial is 0 to 90 days, and only a paid track has one.
tracks-priced = <b>{ $name }</b>: { $price }
tracks-price-free = free
tracks-price-once = ⭐{ $price } once, yours for good{ $trial ->
    [0] {""}
   *[other] , { $trial } days free to try
}
tracks-price-monthly = ⭐{ $price } a month{ $trial ->
    [0] {""}
   *[other] , { $trial } days free to try
}
tracks-access-for-good = ✅ Paid: yours for good.
tracks-access-until = ✅ Yours until { $until }.
tracks-access-none = ⏸ No workouts until it's paid.
tracks-pay-button = Pay ⭐{ $price }
tracks-pay-offer = <b>{ $name }</b>: { $price }
tracks-pay-free = <b>{ $name }</b> is free: there is nothing to pay.
tracks-pay-not-yours = This isn't a subscription you can pay for.
tracks-pay-nothing = Nothing to pay: the track is free now, or paid for good.
tracks-invoice-description = Programming track “{ $name }”: the day's workouts while it is paid.
tracks-subscribe-button = Subscribe
tracks-pay-link = Subscribe to <b>{ $name }</b> for ⭐{ $price } every 30 days:
tracks-ending = 📅 <b>{ $name }</b> runs until { $until }. A monthly subscription through Telegram renews itself then; otherwise <code>/track pay #{ $id }</code> keeps it going.
tracks-lapsed = ⏸ <b>{ $name }</b> has stopped: the trial or the paid month is over. The subscription is kept; <code>/track pay #{ $id }</code> picks it up again.
tracks-time-help = Say the time the day's workout is posted, like /wod_time 05:30 (the team's time zone).
tracks-rest-help = /wod_rest on: a day with nothing programmed says so; /wod_rest off: it posts nothing.
tracks-note-help = Write /wod_note 2026-12-07 Bring a jump rope, or /wod_note <i>text</i> in reply to a posted workout.
tracks-noted = Noted for { $date }. { $edited ->
    [0] It shows when the day is posted.
    [one] The posted workout is updated.
   *[other] { $edited } posted workouts are updated.
}
tracks-settings = The day's workout is posted at <b>{ $time }</b> ({ $zone }); days with nothing programmed say so: { $rest }. Next post: { $next }.

tracks-list-title = <b>Tracks</b>
tracks-list-title-team = <b>Tracks</b> · posted at { $time }, rest days shown: { $rest }
tracks-list-none = None yet: paste one after /track.
tracks-list-line = { $mark } #{ $id } { $name }
tracks-list-line-followed = { $mark } #{ $id } <b>{ $name }</b> ✅ day 1: { $first }
tracks-list-price = { $kind ->
    [monthly] ⭐{ $price }/month
   *[once] ⭐{ $price }
}
tracks-list-more = … and { $count } more (/track subscribe finds them by name too)
tracks-list-hint = ✍️ own · 📢 public · ✅ followed. /track subscribe <i>id</i> [offset <i>N</i>]

tracks-errors = I couldn't read that track:
    { $errors }
tracks-on-line = line { $line }: { $problem }
tracks-problem-too-long = a track is at most { $limit } characters
tracks-problem-no-name = it starts with the track's name, like track: North Gym Q1
tracks-problem-name-too-long = a name is at most { $limit } characters
tracks-problem-name-twice = one track, one name
tracks-problem-no-days = no days yet: add week 1 day 1: and its workout
tracks-problem-bad-day = weeks are 1 to { $weeks }, days 1 to { $days }
tracks-problem-day-twice = week { $week } day { $day } is there already
tracks-problem-empty-day = week { $week } day { $day } has no strength and no metcon
tracks-problem-outside-day = this belongs under a day, like week 1 day 1:
tracks-problem-outside-section = put strength: or metcon: above this line
tracks-problem-not-strength = a strength line is an exercise and its sets, like squat: 5x5 @75%
tracks-problem-empty-workout = metcon: needs a workout under it
tracks-problem-scaling-too-long = a day's scaling is at most { $limit } characters
tracks-problem-workout = this workout can't be read
tracks-problem-strength = this strength line can't be read
tracks-problem-day-too-long = week { $week } day { $day } is longer than { $limit } characters: split it over days
tracks-today-none = You follow no track that has started: /tracks lists them.
