## /start, /help and /settings.

athletes-welcome-new =
    Hi { $name }, I'm <b>Spotter</b>, your training partner in this chat.

    Your plan generates every set from your training maxes; you log each set with one tap (or by typing 8, 100x5 or +), and when the day is done your maxes go up from what you actually lifted.

    { $commands }
athletes-welcome-back =
    Welcome back, { $name }! Here is what I can do:
    { $commands }
athletes-help =
    <b>Spotter</b> commands:
    { $commands }

    Log a set by typing <code>+</code>, <code>8</code> or <code>100x5</code> (add <code>@8</code> for RPE). Paste a plan that starts with <code>plan:</code>, or send it as a .txt file, to train your own; /plan → ✍️ shows how.
athletes-group-start = Let's talk in private: tap the button below and press Start.
athletes-group-start-button = Open Spotter

# The /settings button that switches the language: it names the other language in that language.
athletes-switch-language = 🌐 Русский
athletes-language-name = English
athletes-settings-summary =
    <b>Settings</b>
    Language: <b>{ athletes-language-name }</b>
    Time zone: <b>{ $time_zone }</b>
    Units: <b>{ $unit }</b>
    Smallest plate: <b>{ $smallest_plate } { $unit }</b>, weights round { $rounding ->
        [down] down
       *[nearest] to the nearest step
    }
    Bar: <b>{ $bar }</b>
    Plates: <b>{ $plates }</b>
    Warm-up ramps before main lifts: <b>{ $warmups ->
        [on] on
       *[off] off
    }</b>
    e1RM formula: <b>{ $formula }</b>
    MetCon kit: <b>{ $kit }</b>
    Rx loads and medians: <b>{ $division ->
        [women] women's
       *[men] men's
    }</b>
athletes-plenty-of-plates = plenty of every usual plate
athletes-switch-units = ⚖️ Use { $other_unit }
athletes-plates-button = 🔩 Smallest plate
athletes-plates-prompt =
    Your smallest plate? Weights round to two of them (one per side).

    Short of some plates? Send the ones you own as pairs, e.g. <code>25x4 20x2 10 5 2.5 1.25</code> (no count: plenty), or <code>all</code> for every plate: the card then prescribes what you can load.
athletes-round-down = ↧ Round down
athletes-round-nearest = ↕ Round to nearest
athletes-bar-button = 🏋️ Bar
athletes-bar-prompt = Which bar do you load? Plates per side and warm-ups are worked out on it.
athletes-use-formula = 📈 e1RM by { $formula }
athletes-warmups-on = 🔥 Show warm-ups
athletes-warmups-off = 🔥 Hide warm-ups
athletes-plates-not-plates = I read “{ $part }” as no plate. Send sizes, like 25x4 20x2 10 5 2.5.
athletes-plates-too-heavy = “{ $part }” is not a plate I know of (50 kg / 100 lb at most).
athletes-plates-pairs = “{ $part }”: say how many pairs, 1 to 20.
athletes-plates-too-many = That's more plate sizes than a gym has: 12 at most.
athletes-time-zone-button = 🌍 Time zone
athletes-settings-done = Done
athletes-time-zone-prompt = Type your time zone or a city near you, for example <code>Europe/Berlin</code>, <code>Berlin</code> or <code>New York</code>.
athletes-back = ⬅️ Back
athletes-time-zone-set = Time zone set to <b>{ $time_zone }</b>.
athletes-unknown-time-zone = I don't know the time zone “{ $typed }”. Try a city such as <code>Berlin</code> or a name such as <code>America/New_York</code>.
athletes-kit-button = 🧰 MetCon kit
athletes-kit-prompt = What do you have for MetCons? Tap to tick or untick; /wod builds workouts only from what is ticked (a run, push-ups and burpees need nothing).
athletes-kit-none = 🚫 Nothing: bodyweight only
athletes-kit-full-gym = a full gym (not set yet)
athletes-kit-bodyweight = bodyweight only
athletes-division-button = { $division ->
        [women] 🚺 Use men's Rx
       *[men] 🚺 Use women's Rx
    }
athletes-kit-item-barbell = Barbell
athletes-kit-item-dumbbells = Dumbbells
athletes-kit-item-kettlebell = Kettlebell
athletes-kit-item-pull_up_bar = Pull-up bar
athletes-kit-item-rower = Rower
athletes-kit-item-bike = Air bike
athletes-kit-item-jump_rope = Jump rope
athletes-kit-item-box = Box
athletes-kit-item-wall_ball = Wall ball
athletes-kit-item-rings = Rings
athletes-kit-item-rope = Climbing rope
athletes-kit-item-ghd = GHD
