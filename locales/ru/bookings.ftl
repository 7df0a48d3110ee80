## Расписание: доступность, запись, занятия (handlers/bookings)

bookings-command-book = Записаться к тренеру
bookings-command-sessions = Ваши занятия сегодня и дальше (тренерам)
bookings-command-availability = Когда к вам можно записаться (тренерам)
bookings-weekday = { $day ->
    [0] Пн
    [1] Вт
    [2] Ср
    [3] Чт
    [4] Пт
    [5] Сб
   *[6] Вс
}
bookings-price = { $price } ⭐
bookings-days = { $days } д
bookings-hours = { $hours } ч
bookings-minutes = { $minutes } мин

## /availability

bookings-not-coach = Расписание и занятия есть только у тренера: /coach сделает вас тренером.
bookings-availability = 🗓 <b>Ваше расписание</b> ({ $zone })
bookings-availability-none = Окон пока нет: клиенты не могут записаться.
bookings-availability-help = Добавьте окно, например:
    <code>/availability Пн Ср 07:00-12:00 60мин буфер 15</code>
    По желанию: <code>с 2026-01-05</code>, <code>по 2026-06-30</code>, <code>группа 6</code> (мест в слоте), <code>цена 250</code> (звёзд с человека).
    Выходные: <code>/availability off 2026-12-24 2027-01-02</code>
bookings-window = { $number }. { $days } { $start }–{ $end }, слоты по { $slot } мин
bookings-window-buffer = буфер { $minutes } мин
bookings-window-group = группа до { $capacity }
bookings-window-from = с { $date }
bookings-window-until = по { $date }
bookings-window-remove-button = ❌ Убрать { $number }
bookings-window-added = ✅ Окно добавлено.
bookings-window-removed = Окно убрано. Записи в нём остаются.
bookings-window-gone = Это окно не ваше или его уже нет.
bookings-vacation-set = 🏖 Выходные с { $first } по { $last }: слотов в эти дни нет.
bookings-problem = { $problem ->
    [empty] ⚠️ Добавлять нечего.
    [day] ⚠️ Начните с дней, например <code>Пн Ср</code>.
    [range] ⚠️ Затем часы, например <code>07:00-12:00</code> (конец позже начала).
    [slot] ⚠️ Затем длина слота, например <code>60мин</code> или <code>1ч</code> (до 8 ч).
    [short] ⚠️ Окно короче одного слота.
    [buffer] ⚠️ Буфер — минуты между слотами, например <code>буфер 15</code> (до 4 ч).
    [date] ⚠️ Дата пишется так: <code>2026-12-24</code>.
    [dates] ⚠️ Последняя дата раньше первой.
    [capacity] ⚠️ В группе от 1 до 100 мест, например <code>группа 6</code>.
    [price] ⚠️ Цена — целое число звёзд, например <code>цена 250</code>.
   *[unknown] ⚠️ Не понял одно слово.
}
bookings-problem-word = Здесь: <code>{ $word }</code>

## /book

bookings-no-coach = Записываются к своему тренеру: сначала откройте его ссылку-приглашение.
bookings-day = 🗓 <b>Занятия с { $coach }</b>
    { $day } · ваше время ({ $zone })
bookings-day-empty = В этот день свободных слотов нет.
bookings-moving = ↔️ Переносим { $when }: выберите новое время.
bookings-group-slot-button = { $time } · мест: { $free }
bookings-previous-day = ◀️
bookings-next-day = ▶️
bookings-mine-button = 📋 Мои записи
bookings-booked = ✅ Записано: <b>{ $when }</b> (ваше время, { $zone }), тренер { $coach }.
bookings-already = Этот слот уже ваш.
bookings-just-taken = Только что заняли: кто-то записался на этот слот мгновением раньше. Выберите другой.
bookings-slot-gone = Этот слот уже не свободен.
bookings-ics-button = 📅 В календарь
bookings-ics-at-button = 📅 { $time }
bookings-cancel-button = ❌ Отменить
bookings-cancel-at-button = ❌ { $time }
bookings-move-button = ↔️ Перенести
bookings-move-at-button = ↔️ { $time }
bookings-another-button = ➕ Записаться ещё
bookings-repeat-weekly-button = 🔁 Каждую неделю ×4
bookings-repeat-biweekly-button = 🔁 Через неделю ×4
bookings-repeat-monthly-button = 🔁 Каждый месяц ×3
bookings-series-booked = 🔁 Записано занятий: { $booked }.
bookings-series-not-slot = ⚠️ Первое занятие должно быть слотом вашего тренера: выберите его в /book.
bookings-series-usage = Повторяющаяся запись, в вашем времени:
    <code>/book series 2026-03-04 07:00 weekly count 8</code>
    <code>weekly</code> (еженедельно), <code>biweekly</code> (раз в две недели) или <code>monthly</code> (ежемесячно); конец — <code>count 8</code> (до 52) или <code>until 2026-06-30</code>; пропуски — <code>except 2026-03-18 2026-04-01</code>.
bookings-series-problem = { $problem ->
    [start] ⚠️ Начните с даты и времени первого занятия, например <code>2026-03-04 07:00</code>.
    [frequency] ⚠️ Затем как часто: <code>weekly</code>, <code>biweekly</code> или <code>monthly</code>.
    [end] ⚠️ Завершите через <code>count 8</code> или <code>until 2026-06-30</code> (одно из двух).
    [count] ⚠️ Количество — от 1 до 52.
    [date] ⚠️ Дата пишется так: <code>2026-12-24</code>, и конец позже начала.
   *[unknown] ⚠️ Не понял одно слово.
}
bookings-series-skipped = Не свободно, не записано: { $dates }.
bookings-mine = 📋 <b>Ваши занятия</b> ({ $zone })
bookings-mine-none = Записей нет. /book — записаться.
bookings-mine-line = { $number }. { $when }, тренер { $coach }{ $status ->
    [confirmed] { " " }☑️
   *[other] {""}
}
bookings-mine-tips = Напоминания: <code>/book remind 24h 1h</code> · повторяющаяся запись: <code>/book series 2026-03-04 07:00 weekly count 8</code>
bookings-cancelled = Отменено: { $when }.
bookings-too-late = Занятие уже началось: теперь его отмечает тренер.
bookings-gone = Эта запись не ваша или её уже нет.
bookings-moved = ↔️ Перенесено на <b>{ $when }</b> (ваше время, { $zone }).
bookings-ics-caption = 📅 { $when }: откройте файл, чтобы добавить занятие в календарь.
bookings-ics-summary = Занятие: { $name }
bookings-remind-set = 🔔 Напоминания за { $offsets } до занятия.
bookings-remind-off = 🔕 Без напоминаний о занятиях.
bookings-remind-usage = Напоминания до занятия: <code>/book remind 24h 1h</code> (до трёх, каждое до 7d) или <code>/book remind off</code>.

## /sessions

bookings-sessions = 🗓 <b>Ваши занятия</b> ({ $zone })
bookings-sessions-none = Сегодня и в ближайшие две недели занятий нет.
bookings-sessions-line = { $when } · { $name } · { $status ->
    [scheduled] записан
    [confirmed] подтверждено
    [completed] ✅ проведено
    [no_show] 🚫 не пришёл
   *[other] { $status }
}
bookings-confirm-button = ☑️ { $name } { $time }
bookings-done-button = ✅ { $name } { $time }
bookings-no-show-button = 🚫 { $name } { $time }
bookings-marked = Отмечено.
bookings-marked-left = Проведено: у { $name } в пакете осталось занятий: { $left }.
bookings-mark-refused = Не сейчас: подтверждают до начала, а «проведено» и «не пришёл» отмечают после.

## Отправляется без запроса

bookings-reminder = ⏰ Занятие с { $coach }: <b>{ $when }</b> (ваше время, { $zone }).
bookings-new = 🗓 { $athlete } записался на <b>{ $when }</b>.
bookings-moved-by = ↔️ { $athlete } перенёс(ла) { $was } на <b>{ $when }</b>.
bookings-cancelled-by = ❌ { $name } отменил(а) занятие { $when }.
