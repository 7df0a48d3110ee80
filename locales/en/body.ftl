# /body: body weight, body fat, circumferences and progress photos, one entry a day.
body-title = ⚖️ <b>Body</b>
body-today = <b>Today</b>
body-latest = <b>Last entry</b>, { $day }
body-empty = Nothing logged yet.
body-how = Type your weight in { $unit } (82.4), or a measurement: waist 81, hips 95, bf 18. Several at once go on separate lines. Send a photo captioned front, side or back.
body-measurement = { $name ->
    [weight] Weight
    [body_fat] Body fat
    [waist] Waist
    [hips] Hips
    [chest] Chest
    [arm] Arm
   *[thigh] Thigh
}
body-pose = { $pose ->
    [front] front
    [side] side
   *[back] back
}
body-photos-line = 📷 Photos: { $poses }
body-trend-none = Log your weight for a trend: a 7-day average, and the change a week after two weeks.
body-trend-average = 7-day average: <b>{ $average } { $unit }</b>
body-trend-rate = 7-day average: <b>{ $average } { $unit }</b> · { $rate } { $unit } a week
body-problem-unknown = I did not understand that. Type your weight (82.4), or a measurement with its name: waist 81, bf 18.
body-problem-not-positive = { $name } must be more than zero. Nothing was saved.
body-problem-out-of-range = { $name } between { $low } and { $high } { $unit }, please: that looks like a typo. Nothing was saved.
body-problem-wrong-unit = { $name } in that unit? Weight goes in kg or lb, body fat in %, measurements in cm or in. Nothing was saved.
body-problem-too-many = Ten measurements at a time at most, please. Nothing was saved.
body-photo-needs-pose = Add a caption to the photo, front, side or back, and send it again.
body-not-understood = /body takes your weight or a measurement as text, and progress photos with a caption: front, side or back.
body-reminder-turn-on = 🔔 Remind me to weigh in on Mondays
body-reminder-turn-off = 🔕 No weigh-in reminder
body-compare-button = 🖼 Compare photos
body-compare-first = Compare photos: pick the first day.
body-compare-second = Now the second day.
body-compare-no-photos = Those days have no photos to compare.
body-compare-caption = { $first } → { $second }
body-back-button = ← Back
body-close-button = Close
body-weigh-in-reminder = ⚖️ Monday weigh-in: step on the scale before breakfast and send /body your weight.
