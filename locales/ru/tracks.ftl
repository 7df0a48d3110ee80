# Программы (треки): свои у команды или человека, публичные; подписки; пост дня.

tracks-post-title = 📋 <b>WOD · { $date }</b> — { $track } (неделя { $week }, день { $day })
tracks-post-nothing = На сегодня ничего не запрограммировано.
tracks-post-strength = 🏋️ <b>Сила</b>
tracks-post-metcon = 🔥 <b>Метокон</b>
tracks-post-scaling = ↕️ <b>Масштабирование:</b> { $scaling }
tracks-post-note = 📝 <b>Тренер:</b> { $note }

tracks-saved = Трек <b>{ $name }</b> сохранён (#{ $id }, дней с программой: { $days }). Подписаться: /track subscribe { $id }
tracks-replaced = Трек <b>{ $name }</b> обновлён (#{ $id }, дней с программой: { $days }); подписки идут по новой версии.
tracks-subscribed = Подписка на <b>{ $name }</b>: день 1 приходится на { $first } (сдвиг { $offset }).
tracks-subscribed-again = Снова подписка на <b>{ $name }</b>: день 1 приходится на { $first } (сдвиг { $offset }).
tracks-unsubscribed = Подписка на <b>{ $name }</b> отменена. /track subscribe вернёт её.
tracks-not-subscribed = Здесь на этот трек не подписаны.
tracks-no-such-track = Здесь нет трека «{ $ref }». Список — /tracks.
tracks-bad-offset = Сдвиг — это число дней, не больше 3650 в любую сторону.
tracks-not-allowed = Менять программу команды могут только её владельцы, тренеры и админы группы.
tracks-admins-only = Публиковать треки могут только админы бота.
tracks-published = <b>{ $name }</b> теперь публичный: подписаться может каждый.
tracks-unpublished = <b>{ $name }</b> снова только ваш.
tracks-help =
    Треки команды:
    • /track с текстом трека (или ответом на него) сохраняет его как трек команды
    • /track subscribe <i>название или номер</i> [offset <i>N</i>] — день 1 приходится на сегодня + N
    • /track unsubscribe <i>название или номер</i>
    • /track pay <i>название или номер</i> — платный трек: цена, доступ команды и кнопка оплаты
    • /tracks — список; /wod_time 06:00 — время поста; /wod_rest on|off; /wod_note <i>ГГГГ-ММ-ДД текст</i>
tracks-help-private =
    Ваши треки:
    • /track с текстом трека (или ответом на него) сохраняет его как ваш
    • /track subscribe <i>название или номер</i> [offset <i>N</i>]; /track unsubscribe <i>название или номер</i>
    • /tracks — ваши и публичные треки; /track today — тренировки на сегодня
    • /track price <i>название или номер</i> free | once <i>звёзды</i> | monthly <i>звёзды</i> [trial <i>дни</i>] — цена вашего трека; /track pay <i>название или номер</i> — оплата трека, на который вы подписаны
tracks-price-help = Цена вашего трека: <code>/track price Engine free</code>, <code>/track price Engine once 300</code> или <code>/track price Engine monthly 250 trial 3</code> (в звёздах; пробный период — бесплатные дни для нового подписчика).
tracks-price-bad-price = Цена — от 1 до 10000 звёзд.
tracks-price-bad-trial = Пробный период — от 0 до 90 дней, и только у платного трека.
tracks-priced = <b>{ $name }</b>: { $price }
tracks-price-free = бесплатно
tracks-price-once = ⭐{ $price } один раз, навсегда{ $trial ->
    [0] {""}
   *[other] , { $trial } дн. бесплатно на пробу
}
tracks-price-monthly = ⭐{ $price } в месяц{ $trial ->
    [0] {""}
   *[other] , { $trial } дн. бесплатно на пробу
}
tracks-access-for-good = ✅ Оплачено: навсегда.
tracks-access-until = ✅ Доступ до { $until }.
tracks-access-none = ⏸ Тренировок не будет, пока трек не оплачен.
tracks-pay-button = Оплатить ⭐{ $price }
tracks-pay-offer = <b>{ $name }</b>: { $price }
tracks-pay-free = <b>{ $name }</b> бесплатный: платить не за что.
tracks-pay-not-yours = Эту подписку вы оплатить не можете.
tracks-pay-nothing = Платить не за что: трек теперь бесплатный или уже оплачен навсегда.
tracks-invoice-description = Трек тренировок «{ $name }»: тренировки дня, пока он оплачен.
tracks-subscribe-button = Подписаться
tracks-pay-link = Подписка на <b>{ $name }</b> за ⭐{ $price } каждые 30 дней:
tracks-ending = 📅 <b>{ $name }</b> действует до { $until }. Ежемесячная подписка через Telegram тогда продлится сама; иначе <code>/track pay #{ $id }</code> продлит доступ.
tracks-lapsed = ⏸ <b>{ $name }</b> остановлен: пробный период или оплаченный месяц закончился. Подписка сохранена; <code>/track pay #{ $id }</code> возобновит её.
tracks-time-help = Напишите время поста тренировки дня, например /wod_time 05:30 (по часовому поясу команды).
tracks-rest-help = /wod_rest on: в день без программы так и будет сказано; /wod_rest off: ничего не публикуется.
tracks-note-help = Напишите /wod_note 2026-12-07 Возьмите скакалку или /wod_note <i>текст</i> ответом на пост тренировки.
tracks-noted = Заметка на { $date } сохранена. { $edited ->
    [0] Она появится в посте этого дня.
    [one] Опубликованная тренировка обновлена.
   *[other] Обновлено опубликованных тренировок: { $edited }.
}
tracks-settings = Тренировка дня публикуется в <b>{ $time }</b> ({ $zone }); дни без программы объявляются: { $rest }. Следующий пост: { $next }.

tracks-list-title = <b>Треки</b>
tracks-list-title-team = <b>Треки</b> · пост в { $time }, дни отдыха объявляются: { $rest }
tracks-list-none = Пока нет: вставьте трек после /track.
tracks-list-line = { $mark } #{ $id } { $name }
tracks-list-line-followed = { $mark } #{ $id } <b>{ $name }</b> ✅ день 1: { $first }
tracks-list-price = { $kind ->
    [monthly] ⭐{ $price }/мес.
   *[once] ⭐{ $price }
}
tracks-list-more = … и ещё { $count } (/track subscribe находит их и по названию)
tracks-list-hint = ✍️ свой · 📢 публичный · ✅ подписка. /track subscribe <i>номер</i> [offset <i>N</i>]

tracks-errors = Не получилось прочитать трек:
    { $errors }
tracks-on-line = строка { $line }: { $problem }
tracks-problem-too-long = трек — не больше { $limit } символов
tracks-problem-no-name = трек начинается с названия, например track: North Gym Q1
tracks-problem-name-too-long = название — не больше { $limit } символов
tracks-problem-name-twice = у трека одно название
tracks-problem-no-days = нет ни одного дня: добавьте week 1 day 1: и тренировку
tracks-problem-bad-day = недели от 1 до { $weeks }, дни от 1 до { $days }
tracks-problem-day-twice = неделя { $week } день { $day } уже есть
tracks-problem-empty-day = в неделе { $week } дне { $day } нет ни силовой части, ни метокона
tracks-problem-outside-day = эта строка должна быть внутри дня, например week 1 day 1:
tracks-problem-outside-section = поставьте strength: или metcon: над этой строкой
tracks-problem-not-strength = силовая строка — упражнение и подходы, например squat: 5x5 @75%
tracks-problem-empty-workout = после metcon: нужна тренировка
tracks-problem-scaling-too-long = масштабирование дня — не больше { $limit } символов
tracks-problem-workout = эту тренировку не прочитать
tracks-problem-strength = эту силовую строку не прочитать
tracks-problem-day-too-long = неделя { $week } день { $day } длиннее { $limit } символов: разделите его на несколько дней
tracks-today-none = Вы не подписаны ни на один начавшийся трек: список — /tracks.
