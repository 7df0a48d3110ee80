## nutrition: /food, targets, the food log, meal plans, and the coach's view

nutrition-command = Nutrition: targets, food log, meal plan
nutrition-today = 🍽 <b>Today</b>
nutrition-training-day = 🏋️ a training day: training-day targets
nutrition-kcal-vs = <b>{ $eaten }</b> of { $target } kcal · { $balance }
nutrition-kcal-left = { $kcal } kcal left
nutrition-kcal-over = { $kcal } kcal over
nutrition-kcal = <b>{ $eaten }</b> kcal
nutrition-macros-vs = Protein { $protein }/{ $protein_target } g · carbs { $carbs }/{ $carbs_target } g · fat { $fat }/{ $fat_target } g
nutrition-macros = Protein { $protein } g · carbs { $carbs } g · fat { $fat } g
nutrition-meal-line = { $number }. { $entry }
nutrition-entry = { $name } — { $kcal } kcal{ $macros }{ $photo }
nutrition-meal-macros = { " " }· P{ $protein } C{ $carbs } F{ $fat }
nutrition-unnamed-meal = Meal
nutrition-nothing-logged = Nothing logged yet today.
nutrition-how-to-log = Log food with <code>/food p40 c60 f15</code>, <code>/food 650 kcal</code> or <code>/food oats p10 c50 f6</code>, a photo captioned so, or 🍽 Log food.
nutrition-no-targets = No targets yet: 🎯 Targets sets them.
nutrition-restrictions = ⚠️ Restrictions and allergies: { $text }
nutrition-log-button = 🍽 Log food
nutrition-targets-button = 🎯 Targets
nutrition-delete-button = 🗑 Delete “{ $name }”
nutrition-plan-button = 📋 Meal plan
nutrition-log-prompt = 🍽 Reply with what you ate: <code>p40 c60 f15</code>, <code>650 kcal</code>, <code>oats p10 c50 f6</code> or <code>lunch 650kcal p40</code> (kcal worked out from the macros when not given). A photo works too, with the amounts as its caption.
nutrition-logged = ✅ Logged: { $entry }
nutrition-deleted = 🗑 Deleted: { $entry }
nutrition-entry-gone = That entry is gone already.
nutrition-photo-needs-caption = 📷 Add the amounts as the photo's caption, e.g. <code>/food lunch p40 c60 f15</code>. Nothing was logged.
nutrition-not-logged = Nothing was logged.
nutrition-problem-nothing = I found no amount in “{ $token }”: give kcal or grams, like <code>p40 c60 f15</code> or <code>650 kcal</code>.
nutrition-problem-no-amount = “{ $token }” has no amount: write <code>p40</code>, <code>c60</code>, <code>f15</code> or <code>650 kcal</code>.
nutrition-problem-negative = “{ $token }” is negative: amounts start at 0.
nutrition-problem-not-whole = “{ $token }”: whole grams and kcal only, like <code>p12</code>.
nutrition-problem-too-much = “{ $token }” is more than one entry can hold (1000 g of a macro, 10000 kcal).
nutrition-problem-twice = “{ $token }” is given twice.
nutrition-problem-bare-number = “{ $token }” has no unit: write <code>{ $token } kcal</code>, or p/c/f before grams.
nutrition-problem-unknown = I don't understand “{ $token }”: the meal's name goes first, then the amounts.
nutrition-problem-name-too-long = The meal's name is too long: “{ $token }”.
nutrition-problem-too-little = “{ $token }” is under 500 kcal a day: is a number missing?
nutrition-problem-no-targets = There is no line for every day: start with one, like <code>2400 kcal p180 c250 f70</code>.
nutrition-problem-line-twice = “{ $token }” sets the same day's targets again.
nutrition-problem-notes-too-long = The notes are too long (500 characters at most): “{ $token }”.
nutrition-problem-meal-before-day = “{ $token }” comes before any day: start with a day, like <code>Monday:</code>.
nutrition-problem-empty-day = “{ $token }” has no meals.
nutrition-problem-day-twice = “{ $token }” is there twice.
nutrition-problem-day-name-too-long = A day's name is 40 characters at most: “{ $token }”.
nutrition-problem-day-without-name = A day needs a name before its colon, like <code>Monday:</code>.
nutrition-problem-too-many-days = “{ $token }”: 14 days at most.
nutrition-problem-too-many-meals = “{ $token }”: 12 meals a day at most.
nutrition-problem-no-days = There are no days in it: see the example.
nutrition-line-problem = line { $line }: { $problem }
nutrition-targets-title = 🎯 <b>Targets</b>
nutrition-targets-every-day = Every day: { $macros }
nutrition-targets-training = Training days: { $macros }
nutrition-targets-none = No targets yet.
nutrition-targets-by-coach = Set by your coach.
nutrition-targets-prompt = 🎯 Reply with the targets, one line for every day and, if they differ, one for training days (a day with a workout), and any restrictions or allergies:
    <code>2400 kcal p180 c250 f70
    training: 2800 kcal p180 c320 f75
    notes: no peanuts</code>
nutrition-targets-saved = ✅ Targets saved.
nutrition-targets-wrong = I couldn't read the targets: { $problem }
    Nothing changed.
nutrition-target-macros = { $kcal } kcal · P{ $protein } C{ $carbs } F{ $fat }
nutrition-no-meal-plan = No meal plan yet: your coach can send you one.
nutrition-plan-day = 📋 <b>{ $day }</b> · { $total }
nutrition-plan-meal = • { $meal }
nutrition-card-adherence = 🍽 Nutrition, the 7 days before today: { $on_target } on target, { $logged } of { $days } logged
nutrition-client-button = 🍽 Nutrition
nutrition-client-title = 🍽 <b>{ $client }</b>, today
nutrition-client-week = The 7 days before today: { $on_target } of { $days } on target (±10% kcal, protein at least 90%), { $logged } logged.
nutrition-client-no-week = No targets set, so no adherence to show.
nutrition-client-targets-button = 🎯 Set targets
nutrition-client-plan-button = 📋 Send a meal plan
nutrition-client-targets-prompt = 🎯 Reply with { $client }'s targets, one line for every day and, if they differ, one for training days, and any restrictions or allergies:
    <code>2400 kcal p180 c250 f70
    training: 2800 kcal p180 c320 f75
    notes: no peanuts</code>
nutrition-client-plan-prompt = 📋 Reply with { $client }'s meal plan: a day on a line ending with a colon, then its meals with their macros:
    <code>Monday:
    breakfast oats p10 c50 f6
    lunch chicken and rice 650 kcal p45 c80 f12</code>
nutrition-client-targets-saved = ✅ { $client }'s targets saved.
nutrition-client-plan-saved = ✅ Meal plan sent to { $client }: { $days ->
    [one] 1 day
   *[other] { $days } days
}.
nutrition-plan-wrong = I couldn't read the meal plan:
    { $problems }
    Nothing was sent.
nutrition-not-your-client = They are not your client.
nutrition-too-long = That is too long (4000 characters at most).
nutrition-told-targets = 🍽 { $coach } set your nutrition targets; /food shows your day against them.
nutrition-told-meal-plan = 📋 { $coach } sent you a meal plan ({ $days ->
    [one] 1 day
   *[other] { $days } days
}): /food → 📋 Meal plan.
