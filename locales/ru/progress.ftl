## progress: /progress, его графики, недельная сводка и /history

progress-no-data = Графиков пока нет: для них нужна одна-две завершённые тренировки. Отправьте /today, чтобы потренироваться, и /progress нарисует ваши упражнения, недельный объём и дни тренировок.
progress-weekday = { $weekday ->
    [0] Пн
    [1] Вт
    [2] Ср
    [3] Чт
    [4] Пт
    [5] Сб
   *[6] Вс
}
progress-month = { $month ->
    [1] янв
    [2] фев
    [3] мар
    [4] апр
    [5] мая
    [6] июн
    [7] июл
    [8] авг
    [9] сен
    [10] окт
    [11] ноя
   *[12] дек
}

## Подписи к графикам и слова на графиках (простой текст)

progress-e1rm-caption = 📈 <b>Расчётный 1ПМ</b> по основным упражнениям · { $records } { $records ->
    [one] рекорд
    [few] рекорда
   *[many] рекордов
} за 12 месяцев (★); пунктир — ваш тренировочный максимум
progress-volume-caption = 🏋️ <b>Недельный объём</b> по группам мышц (вес × повторения)
progress-calendar-caption = 📅 <b>Дни тренировок</b>: чем темнее, тем больше подходов{ $classes ->
    [0] {""}
   *[other] {" "}· ● { $classes } { $classes ->
        [one] занятие
        [few] занятия
       *[many] занятий
    } в группе
}
progress-e1rm-title = Расчётный 1ПМ
# $formula — имя: Epley или Brzycki.
progress-e1rm-subtitle = { $unit }, по формуле { $formula } · последние 12 месяцев
progress-e1rm-legend = e1RM, лучший подход дня
progress-record-legend = рекорд
progress-training-max-legend = тренировочный максимум
progress-no-lifts = Основные упражнения пока не записаны
progress-volume-title = Недельный объём по группам мышц
progress-volume-subtitle = { $unit } поднято (вес × повторения) · последние { $weeks } { $weeks ->
    [one] неделя
    [few] недели
   *[many] недель
}
progress-volume-axis = { $unit } в неделю
progress-no-volume = За эти недели ничего не поднято
# $group — группа мышц из библиотеки упражнений; $name — её название по-английски.
progress-muscle-group = { $group ->
    [legs] Ноги
    [chest] Грудь
    [back] Спина
    [shoulders] Плечи
    [arms] Руки
    [full_body] Всё тело
   *[other] { $name }
}
progress-calendar-title = Дни тренировок
progress-calendar-subtitle = { $sessions } { $sessions ->
    [one] тренировка
    [few] тренировки
   *[many] тренировок
} · { $rate } в неделю
progress-calendar-subtitle-planned = { $sessions } { $sessions ->
    [one] тренировка
    [few] тренировки
   *[many] тренировок
} · { $rate } в неделю (по плану: { $planned })
progress-calendar-subtitle-no-rate = { $sessions } { $sessions ->
    [one] тренировка
    [few] тренировки
   *[many] тренировок
}
progress-calendar-subtitle-planned-no-rate = { $sessions } { $sessions ->
    [one] тренировка
    [few] тренировки
   *[many] тренировок
} (по плану: { $planned } в неделю)
progress-heat-less = отдых
progress-heat-more = больше подходов
# Под каждым месяцем графика дней тренировок, с понедельника.
progress-weekday-initial = { $weekday ->
    [0] П
    [1] В
    [2] С
    [3] Ч
    [4] П
    [5] С
   *[6] В
}

## Подпись к недельной сводке

progress-summary-sessions = 🗓 { $done } { $done ->
    [one] тренировка
    [few] тренировки
   *[many] тренировок
} на этой неделе
progress-summary-sessions-planned = 🗓 { $done } из { $planned } { $planned ->
    [one] тренировки
   *[other] тренировок
} на этой неделе
progress-summary-records = 🏆 { $count } { $count ->
    [one] рекорд
    [few] рекорда
   *[many] рекордов
}: { $records }
progress-summary-records-and-more = 🏆 { $count } { $count ->
    [one] рекорд
    [few] рекорда
   *[many] рекордов
}: { $records } и ещё { $more }
progress-summary-no-records = 🏆 На этой неделе без рекордов
progress-summary-maxes = 📈 Тренировочные максимумы: { $moves }
progress-summary-maxes-unchanged = 📈 Тренировочные максимумы не изменились
progress-summary-conditioning = 🔥 Кондиция, { $count } { $count ->
    [one] комплекс
    [few] комплекса
   *[many] комплексов
}: { $results }
progress-summary-conditioning-and-more = 🔥 Кондиция, { $count } { $count ->
    [one] комплекс
    [few] комплекса
   *[many] комплексов
}: { $results } и ещё { $more }
progress-summary-wod = { $name } { $score } { $rx ->
    [rx] Rx
   *[other] scaled
}

## /history

progress-no-workouts = Завершённых тренировок пока нет. Отправьте /today, чтобы начать первую.
progress-not-found = Этой тренировки нет в вашей истории. Отправьте /history, чтобы получить свежий список.
progress-back-button = ⬅️ Назад
progress-fix-button = ✏️ Исправить подход
progress-only-results = Чтобы исправить подход, пришлите, что вы сделали: <code>100x5</code>, <code>8</code> (повторения с назначенным весом) или <code>+</code> (как назначено).
progress-date = { $weekday } { $day } { $month }
progress-date-with-year = { $weekday } { $day } { $month } { $year }
# Кнопка тренировки: простой текст.
# $number: the plan's day, 0 for a workout imported from another app (no plan day)
progress-entry-line = { $date } · { $number ->
    [0] { $name }
   *[other] День { $number } · { $name }
} · { $done }/{ $total } подх.
progress-list-title = <b>Ваши тренировки</b>
progress-list-title-page = <b>Ваши тренировки</b> · страница { $page }
progress-list-hint = Сначала новые. Нажмите на тренировку, чтобы увидеть все подходы.
progress-set-skipped = пропущен
progress-set-not-logged = не записан
progress-workout-title = <b>{ $date } · { $number ->
    [0] { $name }
   *[other] День { $number } · { $name }
}</b>
progress-sets-done = Выполнено подходов: { $done } из { $total }
progress-which-set = <b>Какой подход?</b> Нажмите на его номер или введите его.
progress-no-such-set = Подхода { $typed } здесь нет. Пришлите номер от 1 до { $sets }.
progress-send-set-number = Пришлите номер подхода, от 1 до { $sets }.
progress-entry-set = <b>Подход { $number }</b> · { $name }
progress-entry-prescribed = Назначено: { $set }
progress-entry-logged = Записано: { $outcome }
progress-entry-how = Пришлите, что вы сделали: <code>100x5</code>, <code>8</code> (повторения с { $weight }) или <code>+</code> (как назначено).
progress-corrected = Подход { $number } исправлен: { $name } { $before } → <b>{ $after }</b>.
progress-corrected-maxes-stay = Тренировочные максимумы остаются прежними: исправление не пересчитывает прогрессию.
progress-body-title = Вес тела
progress-body-subtitle = { $unit } · сейчас { $latest } { $unit }
progress-body-subtitle-rate = { $unit } · сейчас { $latest } { $unit } · { $rate } { $unit } в неделю
progress-body-weigh-ins = взвешивание
progress-body-average = среднее за 7 дней
progress-body-caption = ⚖️ <b>Вес тела</b>: { $count } { $count ->
    [one] взвешивание
    [few] взвешивания
   *[many] взвешиваний
}, линия — среднее за 7 дней. Записывайте вес в /body
