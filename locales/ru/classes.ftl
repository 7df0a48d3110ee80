## classes: занятия команды, их карточки в группе, запись, лист ожидания, посещаемость, напоминания

classes-weekday = { $day ->
    [0] Пн
    [1] Вт
    [2] Ср
    [3] Чт
    [4] Пт
    [5] Сб
   *[6] Вс
}
classes-card = 🗓 <b>Занятие</b> · { $when }
    Тренер: { $coach }
    Записаны ({ $booked }/{ $capacity }):
classes-card-waitlist = Лист ожидания:
classes-card-more = ещё { $count }
classes-card-cancelled = 🚫 <b>Отменено</b> · { $when }
classes-nobody = пока никого
classes-no-coach = не назначен
classes-in-button = ✅ Приду
classes-out-button = ❌ Не приду
classes-sheet-button = 📋 Посещаемость
classes-booked = ✅ Вы записаны.
classes-waiting = Мест нет: вы { $position }-й в листе ожидания. Если место освободится, вы будете записаны, и я напишу вам в личку.
classes-already = Вы уже в списке.
classes-cancelled = ❌ Запись отменена: ваше место перешло следующему в очереди, если он был.
classes-cancelled-late = ❌ Поздняя отмена (меньше чем за { $hours ->
    [one] { $hours } час
    [few] { $hours } часа
   *[other] { $hours } часов
} до начала): тренер это увидит.
classes-not-in = Вас не было в списке.
classes-join-first = Записываются только участники команды: сначала нажмите ✅ Вступить на карточке команды (/team).
classes-closed = Занятие уже началось или отменено.
classes-not-allowed = Это делают только тренеры, владельцы и админы команды.
classes-no-team = Эта группа ещё не команда: сначала отправьте /team.
classes-none = В ближайшие две недели занятий нет. Тренеры добавляют их командой /class, например <code>/class Пн Ср Пт 07:00 60min cap 12</code>.
classes-help = <b>Занятия</b> (тренеры, владельцы и админы):
    <code>/class Пн Ср Пт 07:00 60min cap 12</code> — каждую неделю
    <code>/class 2026-12-24 10:00 90min cap 8</code> — один раз
    <code>/class cancel 2026-12-24</code> — не в этот день (ответом на карточку занятия или с его временем: <code>10:00</code>)
    <code>/class late 3h</code> — отмена позже этого срока до начала считается поздней (пока не задано — 2 ч)
    Одно занятие на строку; время — команды ({ $zone }). <code>/classes</code> покажет ближайшие карточки.
classes-problem = { $problem ->
    [day] день недели (Пн…Вс) или дата (2026-12-24)
    [date] настоящая дата, например 2026-12-24
    [past] дата не раньше сегодняшней
    [time] время начала, например 07:00
    [duration] длительность до 12 ч, например 60min или 1h
    [capacity] число мест, например cap 12
    [empty] занятие, например Пн 07:00 60min cap 12
   *[unknown] ничего после числа мест
}
classes-problem-line = Строка { $line }: нужно { $problem }{ $word ->
    [none] .
   *[other] , а не «{ $word }».
}
classes-problems = Ничего не добавлено:
classes-scheduled = ✅ Добавлено занятий: { $count }. /classes покажет ближайшие карточки.
classes-scheduled-one = ✅ Добавлено.
classes-cancel-usage = Какой день? <code>/class cancel 2026-12-24</code> — ответом на карточку занятия или с его временем.
classes-no-such-class = В этот день нет одного такого занятия: ответьте на его карточку или добавьте время (<code>/class cancel 2026-12-24 10:00</code>).
classes-date-cancelled = 🚫 Занятие { $when } отменено.
classes-late-set = Отмена позже чем за { $hours ->
    [one] { $hours } час
    [few] { $hours } часа
   *[other] { $hours } часов
} до начала теперь считается поздней.
classes-late-usage = За сколько до начала? <code>/class late 3h</code> или <code>/class late 90min</code>.
classes-sheet = 📋 <b>Посещаемость</b> · { $when }
classes-sheet-empty = На это занятие никто не записан.
classes-sheet-page = · стр. { $page }/{ $pages }
classes-sheet-previous = ◀️
classes-sheet-next = ▶️
classes-present-button = ✅ { $name }
classes-no-show-button = 🚫 { $name }
classes-sheet-sent = Я прислал вам список в личку.
classes-sheet-not-sent = Telegram не принял список. Попробуйте через минуту.
classes-start-me-first = Я пока не могу вам написать: откройте @{ $bot } в личке, нажмите Start и нажмите кнопку снова.
classes-marked = Отмечено.
classes-not-booked = Этот человек не записан на занятие.
classes-promoted = 🎉 Освободилось место: вы записаны на занятие <b>{ $team }</b> { $when }.
classes-reminder = ⏰ <b>{ $team }</b>: занятие в { $when }{ $coach ->
    [none] .
   *[other] , тренер { $coach }.
} Не сможете прийти? Нажмите ❌ на карточке занятия в группе.
classes-reminders-off-button = 🔕 Без напоминаний о занятиях
classes-reminders-off = 🔕 Напоминаний о занятиях этой команды больше не будет.
classes-reminders-not-member = Вы не в этой команде: напоминаний о её занятиях у вас нет.
