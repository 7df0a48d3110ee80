# Доска результатов: результаты по тренировке дня, сама доска и итоги дня.

whiteboard-title = 🏆 <b>Доска · { $date }</b> — { $workout }
whiteboard-line = { $place } { $name } — { $score }
whiteboard-empty = Результатов пока нет.
whiteboard-hint = Ответьте на тренировку своим результатом (добавьте «sc» в конце, если делали облегчённо).
whiteboard-rx = Rx
whiteboard-scaled = Sc
whiteboard-untitled = комплекс
whiteboard-summary-title = 🏁 <b>Пьедестал дня · { $date }</b> — { $workout }
whiteboard-summary-prs = 🎉 Личные рекорды сегодня: { $names }
whiteboard-summary-count = { $count ->
    [one] { $count } результат на доске.
    [few] { $count } результата на доске.
   *[other] { $count } результатов на доске.
}

whiteboard-bad-score = Не получилось прочитать результат: { $how } Добавьте «sc» в конце, если делали облегчённо.
whiteboard-bad-tiebreak = Тайбрейк — это время, например <code>tb 2:10</code>. Ничего не записано.
whiteboard-nothing-to-score = В сегодняшней тренировке нет комплекса: записывать нечего.
whiteboard-join-first = Сначала вступите в команду, потом ответьте результатом ещё раз.
whiteboard-not-a-score = Ответьте на сообщение с результатом командой /fix <i>результат</i> или /remove.
whiteboard-not-yours = Исправлять чужие результаты могут только тренеры команды и админы группы.
whiteboard-fix-help = Ответьте на сообщение с результатом: /fix <i>результат</i> (например, /fix 4:22 или /fix 7+3 sc) или /remove.
whiteboard-fixed = ✅ Исправлено на { $score }.
whiteboard-removed = 🗑 Убрано с доски.

whiteboard-score-help = Напишите /score и результат сегодняшней тренировки команды, например /score 4:22 или /score 7+3 sc.
whiteboard-no-post-today = Сегодня ни в одной из ваших команд нет тренировки с результатом.
whiteboard-scored = ✅ { $score } — { $workout }, команда <b>{ $team }</b>; на доске появится через несколько секунд.
