# /body: вес тела, процент жира, обхваты и фото прогресса, одна запись в день.
body-title = ⚖️ <b>Тело</b>
body-today = <b>Сегодня</b>
body-latest = <b>Последняя запись</b>, { $day }
body-empty = Пока ничего не записано.
body-how = Напишите вес в { $unit } (82.4) или замер: талия 81, бёдра 95, жир 18. Несколько — с новой строки. Фото пришлите с подписью спереди, сбоку или сзади.
body-measurement = { $name ->
    [weight] Вес
    [body_fat] Жир
    [waist] Талия
    [hips] Бёдра
    [chest] Грудь
    [arm] Рука
   *[thigh] Бедро
}
body-pose = { $pose ->
    [front] спереди
    [side] сбоку
   *[back] сзади
}
body-photos-line = 📷 Фото: { $poses }
body-trend-none = Записывайте вес, и здесь появится тренд: среднее за 7 дней, а через две недели — изменение за неделю.
body-trend-average = Среднее за 7 дней: <b>{ $average } { $unit }</b>
body-trend-rate = Среднее за 7 дней: <b>{ $average } { $unit }</b> · { $rate } { $unit } в неделю
body-problem-unknown = Не понял. Напишите вес (82.4) или замер с названием: талия 81, жир 18.
body-problem-not-positive = { $name }: нужно больше нуля. Ничего не сохранено.
body-problem-out-of-range = { $name }: от { $low } до { $high } { $unit }, пожалуйста, — похоже на опечатку. Ничего не сохранено.
body-problem-wrong-unit = { $name } в этих единицах? Вес — в kg или lb, жир — в %, обхваты — в см или дюймах. Ничего не сохранено.
body-problem-too-many = Не больше десяти замеров за раз, пожалуйста. Ничего не сохранено.
body-photo-needs-pose = Подпишите фото: спереди, сбоку или сзади — и пришлите ещё раз.
body-not-understood = /body принимает вес или замер текстом и фото прогресса с подписью: спереди, сбоку или сзади.
body-reminder-turn-on = 🔔 Напоминать взвеситься по понедельникам
body-reminder-turn-off = 🔕 Без напоминания о весе
body-compare-button = 🖼 Сравнить фото
body-compare-first = Сравнение фото: выберите первый день.
body-compare-second = Теперь второй день.
body-compare-no-photos = В эти дни нет фото для сравнения.
body-compare-caption = { $first } → { $second }
body-back-button = ← Назад
body-close-button = Закрыть
body-weigh-in-reminder = ⚖️ Понедельник — день взвешивания: встаньте на весы до завтрака и пришлите вес в /body.
