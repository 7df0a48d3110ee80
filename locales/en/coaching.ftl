## coaching: /coach, invite links, /clients and a client's card

coaching-pitch = 🎓 <b>Coaching on Spotter</b>
    Invite clients with a link, see their training as they log it, and keep an eye on who is drifting. Anyone can be a coach and an athlete at once.
coaching-become-button = 🎓 Become a coach
coaching-became = You are a coach now. Invite your first client with a link.
coaching-menu = 🎓 <b>Coach</b> · { $clients ->
    [0] no clients yet
    [one] 1 client
   *[other] { $clients } clients
}
coaching-invite-once-button = 🔗 Invite link (one client)
coaching-invite-many-button = 🔗 Invite link (several, 7 days)
coaching-clients-button = 👥 Clients
coaching-your-coach = Your coach: <b>{ $coach }</b>
coaching-leave-button = Leave { $coach }'s coaching
coaching-leave-sure = Leave <b>{ $coach }</b>'s coaching? They will see nothing new from you.
coaching-leave-yes = Yes, leave
coaching-left = You left <b>{ $coach }</b>'s coaching.
coaching-no-coach = You have no coach.
coaching-not-coach = Only coaches have clients: /coach makes you one.

## Invite links

coaching-link-once = Send this link to your client. It works once, until { $until }:
    { $link }
coaching-link-many = Send this link to your clients. Anyone may use it until { $until }:
    { $link }
coaching-revoke-button = 🚫 Revoke
coaching-revoked = This invite link is revoked: it no longer works.
coaching-invite = <b>{ $coach }</b> invites you to train with them on Spotter. Your coach sees your plan, workouts and progress, and can adjust your program.
coaching-invite-replaces = Accepting ends your coaching with <b>{ $current }</b>.
coaching-accept-button = ✅ Accept
coaching-decline-button = ✖️ Decline
coaching-accepted = You are training with <b>{ $coach }</b> now.
coaching-already = You are <b>{ $coach }</b>'s client already.
coaching-declined = Invite declined: nothing changed.
coaching-invite-invalid = This invite link doesn't work. Ask your coach for a new one.
coaching-own-invite = That's your own invite link: send it to a client.
coaching-client-joined = 🎉 <b>{ $client }</b> accepted your invite. /clients shows their training.
coaching-ended-by-client = <b>{ $other }</b> ended your coaching.
coaching-ended-by-coach = <b>{ $other }</b> ended your coaching. Your plan and history stay yours.

## /clients and a client's card

coaching-clients-title = 👥 <b>Your clients</b> ({ $count })
coaching-clients-empty = No clients yet. /coach gives you an invite link to send.
coaching-clients-hint = ⚠️ needs attention: far under their usual week, or no session for 7 days.
coaching-clients-page = Page { $page } of { $pages }
coaching-client-line = { $attention }<b>{ $name }</b>: { $done }/{ $planned } this week · last: { $last }
coaching-never = never
coaching-since = coached since { $date }
coaching-plan = Plan: { $plan }
coaching-no-plan = Plan: none yet
coaching-maxes = Training maxes: { $maxes }
coaching-no-maxes = Training maxes: none yet
coaching-compliance = Sessions done of planned: 7 days { $week } · 30 days { $month } · 90 days { $quarter }
coaching-percent = { $percent }%
coaching-no-compliance = —
coaching-recent = Last workouts:
coaching-no-workouts = No finished workouts yet.
coaching-workout-line = • { $date } · Day { $number } · { $name } · { $done }/{ $total } sets
coaching-end-button = End coaching
coaching-end-sure = End your coaching of <b>{ $client }</b>? You will see nothing new of theirs.
coaching-end-yes = Yes, end it
coaching-ended = Your coaching of <b>{ $client }</b> has ended.
coaching-back-button = « Clients
coaching-not-your-client = That athlete is not your client.

## Messages between coach and client

coaching-relayed-from-coach = 💬 <b>{ $sender }</b>, your coach:
    { $text }

    <i>Reply to this message to answer.</i>
coaching-relayed-from-client = 💬 <b>{ $sender }</b>:
    { $text }

    <i>Reply to this message to answer.</i>
coaching-ask-how = Write your question after /ask, e.g. <code>/ask is 3×5 enough this week?</code>
coaching-sent = Sent to <b>{ $to }</b>.
coaching-too-long = That's longer than 3500 characters: split it in two.
coaching-not-a-relay = That reply doesn't go anywhere: reply to a message from your coach or client.
coaching-message-button = 💬 Message
coaching-thread-button = 🗨 Thread
coaching-write-prompt = ✍️ Reply to this message to write to <b>{ $client }</b>.
coaching-thread-title = 🗨 <b>You and { $client }</b>
coaching-thread-empty = No messages with <b>{ $client }</b> yet.
coaching-thread-you = you

## A client's program

coaching-assign-button = 📋 Assign a plan
coaching-maxes-button = 🏋️ Set training maxes
coaching-assign-pick = Which plan for <b>{ $client }</b>? They get their own copy; their training maxes come along.
coaching-assigned = <b>{ $plan }</b> is <b>{ $client }</b>'s plan now, starting at day 1.
coaching-assign-busy = <b>{ $client }</b> is in the middle of a workout: assign the plan once they finish it.
coaching-plan-gone = That plan is no longer there to assign.
coaching-plan-assigned = 📋 <b>{ $coach }</b> gave you a new plan: <b>{ $plan }</b>. /today starts it.
coaching-maxes-prompt = ✍️ Reply to this message with <b>{ $client }</b>'s training maxes, e.g. <code>squat 140 bench 100</code> (in { $unit }).
coaching-maxes-bad = I couldn't read that: lifts and weights, e.g. <code>squat 140 bench 100</code>.
coaching-maxes-done = Training maxes set for <b>{ $client }</b>.
coaching-maxes-set = 🏋️ <b>{ $coach }</b> set your training maxes: { $maxes }.

## Workout reports to the coach

coaching-report = 🏁 <b>{ $client }</b> finished day { $number } · { $day }: { $done }/{ $total } sets in { $minutes } min.
coaching-report-amrap = { $name }: { $done } (prescribed { $prescribed })
coaching-report-skipped = { $count ->
    [one] 1 set skipped
   *[other] { $count } sets skipped
}
coaching-report-hint = <i>Reply to this message to comment.</i>
coaching-reports-off-button = 🔕 Mute workout reports
coaching-reports-on-button = 🔔 Workout reports back on
coaching-reports-off = You won't hear of this client's workouts any more.
coaching-reports-on = You'll hear of each workout this client finishes.

## Form videos

coaching-video-set = { $lift } { $prescribed } · day { $number }, { $day }
coaching-video-set-done = { $lift } { $prescribed } (done { $done }) · day { $number }, { $day }
coaching-video-no-set = a clip
coaching-video-which = 🎥 Which set does this clip show? Your coach gets it with that.
coaching-video-current-button = ▶️ Now: { $set }
coaching-video-set-button = { $set } · day { $number }
coaching-video-again-button = 🔁 New take: { $set }
coaching-video-no-coach = 🎥 I keep form videos for your coach, and you have none yet: a coach's invite link makes one.
coaching-video-no-sets = 🎥 No sets to attach this clip to yet: log a workout (/today), then send it again.
coaching-video-gone = That clip or set is no longer there to choose.
coaching-video-attached = 🎥 Sent to <b>{ $coach }</b>: { $set }. Their feedback comes here.
coaching-video-sent = 🎥 <b>{ $client }</b> — { $set }
coaching-video-sent-again = 🎥 <b>{ $client }</b> filmed it again — { $set }
coaching-review-open-button = ▶️ Review
coaching-reviews-button = 🎥 Reviews
coaching-reviews-empty = 🎥 No clips waiting for review.
coaching-reviews-title = 🎥 <b>{ $count ->
    [one] One clip waits
   *[other] { $count } clips wait
} for review</b>, oldest first:
coaching-reviews-line = • { $opened }<b>{ $client }</b> — { $set } · { $age }
coaching-review-button = ▶️ { $client }
coaching-age-minutes = { $minutes } min
coaching-age-hours = { $hours } h
coaching-age-days = { $days } days
coaching-review-card = 🎥 <b>{ $client }</b>: reply to this with your feedback (text, voice or a round video). A line that starts with a time, like <code>0:07 knees cave</code>, comes back to them as the clip from that second.
coaching-revision-button = 🔁 Ask for a new clip
coaching-revision-sent = 🔁 { $client } is asked for a new clip.
coaching-feedback-how = Reply with text, a voice message or a round video.
coaching-feedback-sent = ✅ Feedback sent to <b>{ $client }</b>{ $notes ->
    [0] .
    [one] , with the clip from one moment.
   *[other] , with the clip from { $notes } moments.
}
coaching-notes-past-end = The clip is { $duration } s long: { $times } is past its end. Nothing was sent; fix the time and reply again.
coaching-too-many-notes = At most { $limit } timed notes in one reply; nothing was sent.
coaching-feedback = 🎥 <b>{ $coach }</b> reviewed your { $set }:
coaching-revision-asked = 🔁 <b>{ $coach }</b> asks for a new clip of { $set }. Film it, send it here and pick “🔁 New take” under it.

## Events in the thread

coaching-event-plan_assigned = 📋 plan assigned: { $what }
coaching-event-plan_edited = 📝 plan edited: { $what }
coaching-event-maxes_set = 🏋️ training maxes set: { $what }
coaching-event-video_reviewed = 🎥 clip reviewed: { $what }
coaching-event-revision_asked = 🔁 new clip asked: { $what }

## The morning digest

coaching-digest-title = ☀️ <b>{ $count ->
    [one] One client needs
   *[other] { $count } clients need
} a look today</b>
coaching-digest-dropped = this week well under their usual
coaching-digest-quiet = no session for a week
coaching-digest-missed = missed two planned sessions in a row
coaching-digest-videos = { $count ->
    [one] a clip waits over 2 days
   *[other] { $count } clips wait over 2 days
}
coaching-digest-unanswered = their message waits over a day for your answer
coaching-digest-hint = <i>/clients for their cards, /reviews for the clips.</i>
coaching-digest-on-button = ☀️ Morning digest: on
coaching-digest-off-button = ☀️ Morning digest: off
coaching-digest-now-on = You'll get a morning digest of the clients who need a look.
coaching-digest-now-off = No more morning digests.

## The Sunday digest

coaching-weekly-title = 📅 <b>Your clients' week</b> to { $week }
coaching-weekly-sessions = { $planned ->
    [0] { $done } sessions
   *[other] { $done }/{ $planned } sessions
}
coaching-weekly-records = { $count ->
    [one] 1 record
   *[other] { $count } records
}
coaching-weekly-maxes = { $count ->
    [one] 1 training max moved
   *[other] { $count } training maxes moved
}
coaching-weekly-hint = <i>Reply to a client's line (select it, then Reply), or start your reply with its number, e.g. <code>3 great week</code>: they get it under their own summary.</i>
coaching-weekly-which = Which client? Quote their line, or start with its number, e.g. <code>3 great week</code>.
coaching-weekly-no-line = There is no line { $number } in that digest.

## Progression the coach approves

coaching-proposed = ⚖️ <b>{ $client }</b>'s progression proposes: { $lift } training max { $old } → { $new }.
coaching-keep-button = ✅ Keep
coaching-decline-button = ✖️ Decline
coaching-edit-button = ✏️ Other
coaching-kept = ✅ <b>{ $coach }</b> approved your new { $lift } training max: { $new }.
coaching-declined = ✖️ <b>{ $coach }</b> kept your { $lift } training max at { $old } for now.
coaching-decided-kept = ✅ Kept: { $lift } { $new }.
coaching-decided-declined = ✖️ Declined: { $lift } stays { $old }.
coaching-already-decided = That change was decided already.
coaching-approval-on-button = ⚖️ Progression: you approve
coaching-approval-off-button = ⚖️ Progression: automatic
coaching-approval-now-on = { $client }'s training-max changes now wait for you.
coaching-approval-now-off = { $client }'s training maxes change as progression says again.

## Editing a client's plan

coaching-plan-edited = 📋 <b>{ $coach }</b> edited your plan, <b>{ $plan }</b>: your next workouts follow it.
coaching-edit-plan-button = 📝 Edit their plan
coaching-edit-plan-prompt = ✍️ Here is <b>{ $client }</b>'s plan as text. Edit it and reply to this message with the whole text (or a .txt file); only their copy changes, and a workout they started keeps its sets.
coaching-edit-plan-none = <b>{ $client }</b> runs no plan of their own from you: assign one first, then edit their copy.
coaching-plan-saved = 📋 <b>{ $plan }</b> saved for <b>{ $client }</b>: { $days ->
    [one] 1 day
   *[other] { $days } days
}.
coaching-proposal-stale = That change is out of date: the training max has moved since (now { $now }). It is declined; the newer proposals are the ones to decide.
coaching-edit-plan-gone = Their plan is no longer the copy you assigned: nothing was changed.
coaching-weekly-text-only = A comment on the digest is text: reply to a line with words.
coaching-body-weight = ⚖️ Body weight { $weight } { $unit }
coaching-body-weight-rate = ⚖️ Body weight { $weight } { $unit } · { $rate } { $unit } a week
