## health: /health, the PAR-Q intake, history, fitness level, emergency contacts; the coach's view

health-title = 🩺 <b>Your health record</b>
health-empty = You haven't filled in your health questionnaire yet. It takes two minutes: seven yes/no questions (the PAR-Q), your health history, your fitness level and whom to call in an emergency.
health-private = 🔒 Only you and your current coach see this.
health-unfinished = ⏸ The questionnaire isn't finished: tap Continue to pick up where you left off.
health-start-button = 📝 Start the questionnaire
health-continue-button = ▶️ Continue the questionnaire
health-retake-button = 🔁 Retake the questionnaire
health-contacts-button = 📞 Emergency contacts
health-close-button = Close
health-register-first = Send /start first, then /health.

health-parq-none = PAR-Q: no to all seven questions.
health-parq-yes = PAR-Q: ⚠️ yes to { $count ->
    [one] question { $numbers }
   *[other] questions { $numbers }
}.
health-parq-partial = PAR-Q: { $answered } of 7 answered.
health-parq-line = { $number }. { $question } — <b>{ $answer }</b>
health-yes = Yes
health-no = No
health-parq-1 = Has your doctor ever said that you have a heart condition and that you should only do physical activity recommended by a doctor?
health-parq-2 = Do you feel pain in your chest when you do physical activity?
health-parq-3 = In the past month, have you had chest pain when you were not doing physical activity?
health-parq-4 = Do you lose your balance because of dizziness or do you ever lose consciousness?
health-parq-5 = Do you have a bone or joint problem (for example, back, knee or hip) that could be made worse by a change in your physical activity?
health-parq-6 = Is your doctor currently prescribing drugs (for example, water pills) for your blood pressure or heart condition?
health-parq-7 = Do you know of any other reason why you should not do physical activity?
health-parq-question = 🩺 <b>Question { $number } of 7</b> (PAR-Q)

    { $question }
health-yes-button = Yes
health-no-button = No
health-parq-yes-advice = ⚠️ You answered yes: please talk with your doctor before you become much more physically active. Your coach will see this answer and read it before giving you a plan.

health-field-conditions = Conditions
health-field-injuries = Injuries
health-field-medications = Medications
health-field-limitations = Exercise limitations
health-history-line = { $field }: { $text }
health-history-skipped = —
health-ask-conditions = 🩺 Any <b>medical conditions</b> your coach should know about (asthma, diabetes, high blood pressure…)? Type them, or tap Skip.
health-ask-injuries = 🩹 Any <b>injuries</b>, past or present (a knee operation, a shoulder that hurts overhead…)? Type them, or tap Skip.
health-ask-medications = 💊 Any <b>medications</b> you take? Type them, or tap Skip.
health-ask-limitations = 🚫 Any <b>exercise limitations</b>? Name lifts to avoid and your coach will be warned before giving you a plan with them, e.g. <i>no overhead press, no deadlifts</i>. Type them, or tap Skip.
health-skip-button = Skip
health-avoided = 🚫 Lifts to avoid: { $lifts }
health-text-too-long = That's longer than { $limit } characters: please shorten it. Nothing was saved.
health-not-text = Please type it as text, or tap Skip.

health-ask-fitness = 🏃 How would you describe your <b>fitness level</b>?
health-fitness-sedentary = Mostly inactive
health-fitness-beginner = Beginner
health-fitness-intermediate = Train regularly
health-fitness-advanced = Advanced
health-fitness-line = Fitness level: { $level }

health-contacts-title = 📞 <b>Emergency contacts</b>
health-contacts-none = None yet. Add someone we can name to your coach if something happens during training.
health-contact-line = { $primary ->
    [yes] ⭐
   *[other] •
} { $name } ({ $relation }): { $phone }
health-contacts-hint = ⭐ marks the primary contact: tap a name to make it primary, 🗑 to remove it.
health-add-contact-button = ➕ Add a contact
health-remove-contact-button = 🗑 { $name }
health-done-button = ✅ Done
health-back-button = ◀ Back
health-ask-contact-name = 📞 The contact's <b>name</b>?
health-ask-contact-relation = Who is { $name } to you (partner, mother, friend…)?
health-ask-contact-phone = { $name }'s <b>phone number</b>, with the country code, e.g. <code>+44 20 7946 0958</code>?
health-contact-bad-text = Please type up to { $limit } characters.
health-phone-empty = Please type a phone number.
health-phone-not-digits = “{ $typed }” isn't a phone number: use digits, with spaces, dashes or brackets if you like, and a + before the country code.
health-phone-too-short = “{ $typed }” is too short for a phone number: include the area code.
health-phone-too-long = “{ $typed }” is too long for a phone number: 15 digits at most.
health-too-many-contacts = You have { $limit } contacts already: remove one first.
health-contact-gone = That contact isn't in your list any more.
health-stale-step = That question was answered already.
health-finished = ✅ Thank you: your health record is saved. /health shows it and lets you change it.

health-offer = 🩺 Your coach will want to know a little about your health first: seven yes/no questions, your history and an emergency contact. Only you and your coach see it.
health-offer-button = 🩺 Answer now

health-client-title = 🩺 <b>Health</b> of { $client }
health-client-none = { $client } hasn't filled in the health questionnaire yet.
health-client-flagged = ⚠️ <b>PAR-Q flag</b>: yes to { $count ->
    [one] a question
   *[other] { $count } questions
} you haven't acknowledged. Read them, then tap Acknowledge; you can assign a plan after that.
health-client-acknowledged = ✅ You have acknowledged the PAR-Q answers.
health-acknowledge-button = ✅ Acknowledge
health-acknowledged = Acknowledged: you can assign { $client } a plan now.
health-assign-refused = ⚠️ { $client } answered yes on the health questionnaire (PAR-Q) and you haven't acknowledged it yet. Open their card, read the answers and tap Acknowledge first.
health-assign-avoided = ⚠️ { $client }'s limitations name lifts this plan has:
    { $lifts }
    Assign it anyway?
health-avoided-lift = • { $lift }: { $days ->
    [one] day { $numbers }
   *[other] days { $numbers }
}
health-assign-anyway-button = ✅ Assign anyway
health-card-none = 🩺 Health questionnaire: not filled in yet.
health-card-below = 🩺 Health questionnaire: below.
health-card-flagged = 🩺 ⚠️ PAR-Q flag: read the answers below and acknowledge them.
