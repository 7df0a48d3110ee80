# The whiteboard: scores on the day's posted workout, its board and the day's summary.

whiteboard-title = 🏆 <b>Whiteboard · { $date }</b> — { $workout }
whiteboard-line = { $place } { $name } — { $score }
whiteboard-empty = No scores yet.
whiteboard-hint = Reply to the workout with your score (add “sc” at the end if you scaled).
whiteboard-rx = Rx
whiteboard-scaled = Sc
whiteboard-untitled = the metcon
whiteboard-summary-title = 🏁 <b>Today's podium · { $date }</b> — { $workout }
whiteboard-summary-prs = 🎉 PRs today: { $names }
whiteboard-summary-count = { $count ->
    [one] One score on the board.
   *[other] { $count } scores on the board.
}

whiteboard-bad-score = I couldn't read that as a score: { $how } Add “sc” at the end if you scaled.
whiteboard-bad-tiebreak = A tiebreak is a time, like <code>tb 2:10</code>. Nothing was logged.
whiteboard-nothing-to-score = Today's post has no metcon: there is nothing to score.
whiteboard-join-first = Join the team first, then reply with your score again.
whiteboard-not-a-score = Reply to a score message with /fix <i>score</i> or /remove.
whiteboard-not-yours = Only the team's coaches and group admins can correct someone else's score.
whiteboard-fix-help = Reply to a score message with /fix <i>score</i> (like /fix 4:22 or /fix 7+3 sc), or /remove.
whiteboard-fixed = ✅ Corrected to { $score }.
whiteboard-removed = 🗑 Removed from the board.

whiteboard-score-help = Write /score with your score for today's team workout, like /score 4:22 or /score 7+3 sc.
whiteboard-no-post-today = None of your teams has a workout to score today.
whiteboard-scored = ✅ { $score } on { $workout } for <b>{ $team }</b>; it shows on the board in a few seconds.
