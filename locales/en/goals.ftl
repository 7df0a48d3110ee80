## goals: /goals, progress bars, celebrations, coach assessments

goals-title = 🎯 <b>Your goals</b>
goals-empty = 🎯 No goals yet.
goals-help = Set one with /goals and the goal, e.g.:
    <code>/goals squat e1rm 160 by 2027-03-01</code> (estimated max)
    <code>/goals bench 100 by 2027-03-01</code> (heaviest lift)
    <code>/goals bodyweight 80 by 2027-06-01</code>
    <code>/goals fran 3:30 by 2027-06-01</code> (a benchmark time)
    <code>/goals sessions 4 by 2027-06-01</code> (training days a week)
    <code>/goals waist 80cm by 2027-06-01</code>
goals-line = <b>{ $subject }</b>: { $target } by { $due }
goals-now = { $bar } · now { $current }
goals-no-reading = no reading yet
goals-completed = ✅ reached
goals-paused = ⏸ paused
goals-kind-e1rm = { $lift } e1RM
goals-kind-lift = { $lift }
goals-kind-body-weight = Body weight
goals-kind-sessions = Sessions this week
goals-set = 🎯 Goal set.
goals-pause-button = ⏸ Pause: { $subject }
goals-resume-button = ▶️ Resume: { $subject }
goals-not-yours = That goal is not yours.
goals-reached = 🎉 <b>Goal reached!</b> { $subject }: { $current } (target { $target }). Well done!
goals-problem-format = I couldn't read that goal. Write what, the target and the date, e.g. <code>/goals squat e1rm 160 by 2027-03-01</code>.
goals-problem-date = That date doesn't exist. Write it as <code>2027-03-01</code>.
goals-problem-past = That date has passed. Pick one ahead.
goals-problem-target = That target is out of range (a time is written <code>3:30</code>).
goals-problem-unknown_lift = I don't know that lift. Try squat, bench, deadlift or ohp.
goals-problem-reached = You're there already: pick a target ahead of where you are.
goals-problem-too_many = You have 20 open goals: pause isn't enough, finish or reach some first.
goals-assessments-title = 📋 <b>Assessments</b>
goals-assessment-line = { $day }: { $tests }
goals-assessment-notes = <i>{ $notes }</i>
goals-assess-button = 📋 Assessments
goals-none = 📋 No assessments yet.
goals-assess-prompt = Reply with a new assessment: the tests on the first line, notes below.
goals-assess-saved = 📋 Assessment saved.
goals-assess-empty = An assessment needs tests or notes. Nothing was saved.
goals-not-your-client = That athlete is not your client.
