## teams: a group chat with Spotter, its members, roles and invite links

teams-role = { $role ->
    [owner] owner
    [coach] coach
   *[member] member
}
teams-card = 🏋️ <b>{ $title }</b> trains with Spotter · { $members ->
    [one] 1 member
   *[other] { $members } members
}
    🕒 { $zone } (admins: <code>/team tz Europe/Berlin</code>)
    Tap ✅ Join to book classes and put your scores on the whiteboard. Admins and coaches invite people with a link (sent to them in private).
teams-join-button = ✅ Join
teams-invite-coach-button = 🔗 Invite a coach
teams-invite-member-button = 🔗 Invite members
teams-joined = You're in, as { $role }.
teams-already-in = You're in already, as { $role }.
teams-not-allowed = Only the team's admins and owners can do that.
teams-start-me-first = I can't write to you yet: open @{ $bot } in private, press Start, then tap again.
teams-link-sent = I sent you the link in private.
teams-invite-link = 🔗 An invite to <b>{ $title }</b> as { $role }, for 7 days:
    { $link }
    { $single ->
        [yes] It works once: send it to the one person you mean.
       *[no] Anyone with it can join: share it with those you mean it for.
    }
teams-revoke-button = 🚫 Revoke this link
teams-invite-revoked = 🚫 Revoked: the link no longer works.
teams-invite-invalid = That team link does not work any more (expired, revoked or unknown). Ask for a new one.
teams-invite = 🏋️ Join <b>{ $title }</b> as { $role }?
teams-invite-already = You're in this team already, as { $role }.
teams-accept-button = ✅ Join
teams-decline-button = ✖️ No, thanks
teams-invite-declined = No problem: nothing changed.
teams-invite-accepted = ✅ You're in <b>{ $title }</b>, as { $role }.
teams-none = You're in no team yet. Add me to your gym's or team's group chat to make one, or open an invite link.
teams-list-title = 🏋️ <b>Your teams</b>
teams-list-line = • { $title } — { $role }, { $members ->
    [one] 1 member
   *[other] { $members } members
}
teams-time-zone-set = 🕒 The team keeps <b>{ $zone }</b> time now.
teams-unknown-time-zone = I don't know the time zone “{ $typed }”. Try a city such as <code>Berlin</code> or a name such as <code>America/New_York</code>.
teams-no-team = This group is no team yet: /team makes it one.
teams-role-defined = 🏷 Role <b>{ $name }</b>: { $permissions }. Give it by replying to a member's message with <code>/team give { $name }</code>.
teams-role-usage = A role is <code>/team role Judge: scores</code> (permissions: program, schedule, scores, members); give one by replying to a member's message with <code>/team give Judge</code>, take it back with <code>/team take</code>.
teams-role-unknown-permission = “{ $word }” is no permission: program, schedule, scores or members.
teams-role-too-many = A team has 20 roles of its own at most.
teams-role-no-such = The team has no role “{ $name }”: <code>/team role { $name }: …</code> makes it.
teams-role-not-a-member = They are not in the team: they tap ✅ Join on the team card first.
teams-role-reply-to-member = Reply to a message of the member with it.
teams-role-given = 🏷 Done: { $name }.
teams-role-taken = 🏷 Done: no role of the team's own.
teams-list-classes =   classes in 30 days: { $attended } attended{ $no_shows ->
    [0] {""}
   *[other] , { $no_shows } no-show
}{ $late ->
    [0] {""}
   *[other] , { $late } late cancel
}
