## кондиция: /wod, комплексы, результаты

conditioning-menu = 🔥 <b>Кондиция</b>: комплекс на сегодня, бенчмарк или свой.
conditioning-any-button = 🎲 На сегодня
conditioning-amrap-button = 🎲 AMRAP
conditioning-fortime-button = 🎲 На время
conditioning-benchmarks-button = 🏅 Бенчмарки
conditioning-paste-button = ✍️ Свой комплекс
conditioning-pick-benchmark = 🏅 Какой бенчмарк?
conditioning-paste-prompt = ✍️ Ответьте комплексом, например <code>AMRAP 12: 5 pull-ups, 10 push-ups, 15 air squats</code> или <code>For time, 21-15-9: thruster 43/29kg, pull-up</code>.
conditioning-untitled = Комплекс дня
conditioning-card = 🔥 <b>{ $name }</b>
    <pre>{ $workout }</pre>
    { $domain } · около { $minutes } мин
conditioning-domain-sprint = Спринт
conditioning-domain-short = Короткий
conditioning-domain-medium = Средний
conditioning-domain-long = Длинный
conditioning-domain-extended = Очень длинный
conditioning-swap-button = 🔁 { $movement }
conditioning-log-rx-button = 📝 Записать Rx
conditioning-log-scaled-button = 📝 Записать scaled
conditioning-no-swap = Заменить не на что.
conditioning-not-yours = Этот комплекс не ваш.
conditioning-score-prompt = 📝 Ответьте результатом ({ $rx ->
    [rx] Rx
   *[other] scaled
}): { $how }
    <i>Несколько подходов: 100, 105, 110kg. Тайбрейк: 4:22 tb 2:10. Заметка — со следующей строки.</i>
conditioning-bad-tiebreak = Тайбрейк — это время, например <code>tb 2:10</code>. Ничего не записано.
conditioning-kit-hint = 🧰 Составлено для полного зала: укажите в /settings → 🧰, что у вас есть, и следующий комплекс это учтёт.
conditioning-sets = { $count ->
    [one] { $count } подход
    [few] { $count } подхода
   *[other] { $count } подходов
}: { $sets }
conditioning-tiebreak = тайбрейк { $time }
conditioning-note = 📝 { $note }
conditioning-bad-score = Не понял: { $how }
conditioning-score-how-time = результат «на время» выглядит как 4:22 или 1:05:30.
conditioning-score-how-time-with-cap = результат «на время» выглядит как 4:22, или CAP+23, если остановил лимит.
conditioning-score-how-rounds-reps = результат AMRAP выглядит как 12+15 (раунды + повторы) или 12.
conditioning-score-how-reps = здесь результат — число повторов, например 150.
conditioning-score-how-calories = здесь результат — калории, например 250 cal.
conditioning-score-how-points = здесь результат — очки, например 87.
conditioning-score-how-emom = результат EMOM — число выполненных интервалов, например 27.
conditioning-score-how-load = вес выглядит как 84 kg или 185 lb.
conditioning-score-how-meters = дистанция выглядит как 1000 m или 500 ft.
conditioning-score-how-feet = дистанция выглядит как 500 ft или 150 m.
conditioning-score-how-pass-fail = здесь только pass или fail.
conditioning-logged = ✅ <b>{ $name }</b>: { $score } { $rx ->
    [rx] Rx
   *[other] scaled
}
conditioning-standing = Уровень { $level } · { $tier } ({ $source ->
    [users] среди наших спортсменов
    [blended] наши спортсмены и справочник
   *[other] по справочнику
})
conditioning-tier-elite = Элита
conditioning-tier-advanced = Продвинутый
conditioning-tier-intermediate = Средний
conditioning-tier-developing = Развивающийся
conditioning-tier-beginner = Начинающий
conditioning-pr = 🏆 { $name } { $before } → { $after }, { $by }
conditioning-faster = на { $seconds } с быстрее
conditioning-more-reps = на { $reps } повт. больше
conditioning-better = лучше
conditioning-history-empty = Результатов по кондиции пока нет: /wod, чтобы начать.
conditioning-history-title = 🔥 <b>Ваша кондиция</b>, сначала новые:
conditioning-history-line = { $date } · { $name }: { $score } { $rx ->
    [rx] Rx
   *[other] scaled
}
conditioning-errors = Не получилось прочитать комплекс:
    { $errors }
conditioning-on-line = строка { $line }: { $problem }
conditioning-problem-too-long = комплекс — не больше { $limit } символов
conditioning-problem-no-format = нужна строка формата, например AMRAP 12: … или For time: …
conditioning-problem-two-formats = в одном комплексе одна строка формата
conditioning-problem-unknown-format = «{ $head }» — незнакомый формат (For time, AMRAP 12, EMOM 10, 3 rounds for time, Chipper, Tabata)
conditioning-problem-not-a-line = эта строка должна идти после строки формата
conditioning-problem-bad-minutes = минуты — число от 1 до { $limit }
conditioning-problem-bad-score = «{ $scheme }» — не способ оценки
conditioning-problem-name-too-long = название — не больше { $limit } символов
conditioning-problem-unknown-movement = не знаю «{ $name }»
conditioning-problem-unknown-movement-like = не знаю «{ $name }»: может быть, { $suggestion }?
conditioning-problem-not-a-part = «{ $part }» — это не упражнение с количеством
conditioning-problem-missing-amount = сколько { $movement }? (или схема повторов, например 21-15-9)
conditioning-problem-cap-not-timed = лимит времени — только для For Time и Chipper
conditioning-problem-bad-amount = { $movement }: от 1 до { $limit }
conditioning-problem-wrong-unit = { $movement } так не считают
conditioning-problem-bad-load = «{ $part }»: вес до 500, например 43/29kg
conditioning-problem-no-parts = после строки формата нет упражнений
conditioning-problem-too-many-parts = не больше { $limit } упражнений
conditioning-heat-map-title = Кондиция
conditioning-heat-map-subtitle = { $workouts ->
    [one] { $workouts } тренировка за 12 месяцев, по формату и длительности
    [few] { $workouts } тренировки за 12 месяцев, по формату и длительности
   *[other] { $workouts } тренировок за 12 месяцев, по формату и длительности
}
conditioning-format = { $format ->
    [for_time] На время
    [chipper] Чиппер
    [amrap] AMRAP
    [emom] EMOM
   *[tabata] Табата
}
conditioning-domain-range = { $domain ->
    [sprint] Спринт{"\u000A"}< 5 мин
    [short] Короткие{"\u000A"}5–10
    [medium] Средние{"\u000A"}10–20
    [long] Длинные{"\u000A"}20–40
   *[extended] Очень длинные{"\u000A"}40+
}
conditioning-trends-title = Бенчмарки
conditioning-trends-subtitle = Все результаты во времени: выше — лучше
conditioning-trends-rx = Rx
conditioning-trends-scaled = Scaled
conditioning-trends-rounds = раунды
conditioning-heat-map-caption = 🔥 { $workouts ->
    [one] { $workouts } тренировка
    [few] { $workouts } тренировки
   *[other] { $workouts } тренировок
} на кондицию, чаще всего { conditioning-format } · { conditioning-domain-word }. Число под количеством — средний перцентиль Rx-бенчмарков{ $placed ->
    [0] (пока нет: запишите один Rx в /wod → 🏅).
   *[other] .
}
conditioning-domain-word = { $domain ->
    [sprint] спринт
    [short] короткие
    [medium] средние
    [long] длинные
   *[extended] очень длинные
}
conditioning-trends-caption = 🏅 { $benchmarks ->
    [one] Ваш бенчмарк — каждый раз, когда вы его делали.
   *[other] Ваши бенчмарки, которые вы делаете чаще всего ({ $benchmarks }), — каждый раз.
}
