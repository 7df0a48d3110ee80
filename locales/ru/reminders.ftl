## reminders: карточка /reminders, а также напоминания, сообщения после пропуска и подбадривания из очереди

reminders-weekday = { $weekday ->
    [0] Пн
    [1] Вт
    [2] Ср
    [3] Чт
    [4] Пт
    [5] Сб
   *[6] Вс
}
# День плана по основным упражнениям: «День 2 · Squat, Sumo deadlift».
reminders-day-line = День { $number } · { $lifts }

## Карточка

reminders-title-on = ⏰ <b>Напоминания</b>: <b>включены</b>
reminders-title-off = ⏰ <b>Напоминания</b>: выключены
reminders-days = Дни: { $days } в <b>{ $time }</b> ({ $zone })
reminders-no-days = дни не выбраны
reminders-quiet = Тихие часы: { $span }
reminders-quiet-none = Тихие часы: нет
reminders-summary-on = Недельная сводка: по воскресеньям в 19:00
reminders-summary-off = Недельная сводка: выключена
reminders-next = Следующее напоминание: { $weekday } { $time }
reminders-tap-days = Отметьте дни, в которые тренируетесь, чтобы получать напоминания.
reminders-promise = После пропущенного дня наутро придёт одно мягкое напоминание; в тихие часы ничего сам по себе не приходит.
reminders-time-button = 🕕 Время
reminders-quiet-button = 🌙 Тихие часы
reminders-turn-on = 🔔 Включить напоминания
reminders-turn-off = 🔕 Выключить напоминания
reminders-summary-turn-on = 📊 Недельная сводка: включить
reminders-summary-turn-off = 📊 Недельная сводка: выключить
reminders-close-button = Готово
reminders-back-button = ⬅️ Назад
reminders-time-prompt = Пришлите время напоминаний, например <code>18:00</code>, <code>6pm</code> или <code>7:30</code> (24-часовой формат, если не добавить am или pm).
reminders-quiet-prompt = Пришлите тихие часы промежутком, например <code>22-7</code> или <code>22:30-06:00</code>: в это время не придут ни напоминания о пропуске, ни сводки. Пришлите <code>off</code>, чтобы их отключить.
reminders-not-text = Пожалуйста, пришлите это текстом.
reminders-bad-hour = «{ $typed }»: такого часа нет. Используйте 0–23 или 1–12 с am или pm.
reminders-bad-minute = «{ $typed }»: минуты бывают от 00 до 59.
reminders-bad-half-day = «{ $typed }» смешивает 24-часовой формат с am/pm: пришлите <code>13:00</code> или <code>1pm</code>.
reminders-unreadable-time = Не получается прочитать «{ $typed }» как время. Попробуйте <code>18:00</code>, <code>6pm</code> или <code>7:30</code>.
reminders-unreadable-quiet = Не получается прочитать «{ $typed }» как тихие часы. Пришлите начало и конец, которые не совпадают, например <code>22-7</code>, или <code>off</code>.
reminders-time-in-quiet-hours = { $time } попадает в ваши тихие часы ({ $span }). Выберите другое время или сначала измените тихие часы.
reminders-quiet-hours-cover-reminders = Ваши напоминания приходят в { $time }, а это внутри { $span }. Выберите тихие часы вне этого времени или сначала измените время.

## Сообщения

reminders-start-button = ▶️ Начать
reminders-training-day = ⏰ Сегодня тренировка: <b>{ $day }</b>
reminders-training-day-no-plan = ⏰ Сегодня тренировка! Выберите план командой /plan, и я буду называть здесь день.
reminders-missed = 👋 Вчера без тренировки? Ничего страшного, так бывает. <b>{ $day }</b> ждёт, когда будете готовы.
reminders-missed-no-plan = 👋 Вчера без тренировки? Ничего страшного, так бывает. Ваш план ждёт, когда будете готовы.
reminders-nudge = 👋 Уже { $missed } { $missed ->
    [one] тренировочный день
    [few] тренировочных дня
   *[many] тренировочных дней
} без тренировки. Одна короткая тренировка — и вы снова в ритме. Следующий — <b>{ $day }</b>. Другие дни подходят лучше? Измените их в /reminders.
reminders-nudge-no-plan = 👋 Уже { $missed } { $missed ->
    [one] тренировочный день
    [few] тренировочных дня
   *[many] тренировочных дней
} без тренировки. Одна короткая тренировка — и вы снова в ритме. Другие дни подходят лучше? Измените их в /reminders.
