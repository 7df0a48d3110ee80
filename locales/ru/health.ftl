## health: /health, анкета PAR-Q, история, уровень подготовки, экстренные контакты; что видит тренер

health-title = 🩺 <b>Ваши данные о здоровье</b>
health-empty = Вы ещё не заполнили анкету о здоровье. Это две минуты: семь вопросов «да/нет» (PAR-Q), история здоровья, уровень подготовки и кому звонить в экстренном случае.
health-private = 🔒 Это видите только вы и ваш нынешний тренер.
health-unfinished = ⏸ Анкета не закончена: нажмите «Продолжить», чтобы вернуться к тому месту, где остановились.
health-start-button = 📝 Заполнить анкету
health-continue-button = ▶️ Продолжить анкету
health-retake-button = 🔁 Заполнить заново
health-contacts-button = 📞 Экстренные контакты
health-close-button = Закрыть
health-register-first = Сначала отправьте /start, потом /health.

health-parq-none = PAR-Q: «нет» на все семь вопросов.
health-parq-yes = PAR-Q: ⚠️ «да» на { $count ->
    [one] вопрос { $numbers }
   *[other] вопросы { $numbers }
}.
health-parq-partial = PAR-Q: отвечено { $answered } из 7.
health-parq-line = { $number }. { $question } — <b>{ $answer }</b>
health-yes = Да
health-no = Нет
health-parq-1 = Говорил ли вам врач, что у вас есть заболевание сердца и что вам можно заниматься только той физической активностью, которую рекомендует врач?
health-parq-2 = Чувствуете ли вы боль в груди во время физической активности?
health-parq-3 = Была ли у вас в последний месяц боль в груди, когда вы не занимались физической активностью?
health-parq-4 = Теряете ли вы равновесие из-за головокружения, теряете ли когда-нибудь сознание?
health-parq-5 = Есть ли у вас проблемы с костями или суставами (например, спина, колено или бедро), которые могут усугубиться от изменения физической активности?
health-parq-6 = Назначает ли вам сейчас врач лекарства (например, мочегонные) от давления или болезни сердца?
health-parq-7 = Знаете ли вы какую-либо другую причину, по которой вам не следует заниматься физической активностью?
health-parq-question = 🩺 <b>Вопрос { $number } из 7</b> (PAR-Q)

    { $question }
health-yes-button = Да
health-no-button = Нет
health-parq-yes-advice = ⚠️ Вы ответили «да»: пожалуйста, поговорите с врачом, прежде чем заметно повышать физическую активность. Тренер увидит этот ответ и прочтёт его, прежде чем дать вам программу.

health-field-conditions = Заболевания
health-field-injuries = Травмы
health-field-medications = Лекарства
health-field-limitations = Ограничения в упражнениях
health-history-line = { $field }: { $text }
health-history-skipped = —
health-ask-conditions = 🩺 Есть ли у вас <b>заболевания</b>, о которых стоит знать тренеру (астма, диабет, высокое давление…)? Напишите или нажмите «Пропустить».
health-ask-injuries = 🩹 Есть ли <b>травмы</b>, прошлые или нынешние (операция на колене, плечо болит над головой…)? Напишите или нажмите «Пропустить».
health-ask-medications = 💊 Принимаете ли вы какие-нибудь <b>лекарства</b>? Напишите или нажмите «Пропустить».
health-ask-limitations = 🚫 Есть ли <b>ограничения в упражнениях</b>? Назовите упражнения, которых надо избегать, и тренер получит предупреждение, прежде чем дать программу с ними, например <i>no overhead press, no deadlifts</i>. Напишите или нажмите «Пропустить».
health-skip-button = Пропустить
health-avoided = 🚫 Избегать: { $lifts }
health-text-too-long = Это длиннее { $limit } символов: сократите, пожалуйста. Ничего не сохранено.
health-not-text = Напишите это текстом или нажмите «Пропустить».

health-ask-fitness = 🏃 Как бы вы описали свой <b>уровень подготовки</b>?
health-fitness-sedentary = Почти не двигаюсь
health-fitness-beginner = Новичок
health-fitness-intermediate = Тренируюсь регулярно
health-fitness-advanced = Продвинутый
health-fitness-line = Уровень подготовки: { $level }

health-contacts-title = 📞 <b>Экстренные контакты</b>
health-contacts-none = Пока нет. Добавьте человека, которого тренер сможет известить, если на тренировке что-то случится.
health-contact-line = { $primary ->
    [yes] ⭐
   *[other] •
} { $name } ({ $relation }): { $phone }
health-contacts-hint = ⭐ — основной контакт: нажмите на имя, чтобы сделать его основным, 🗑 — чтобы удалить.
health-add-contact-button = ➕ Добавить контакт
health-remove-contact-button = 🗑 { $name }
health-done-button = ✅ Готово
health-back-button = ◀ Назад
health-ask-contact-name = 📞 <b>Имя</b> контакта?
health-ask-contact-relation = Кем вам приходится { $name } (супруг, мама, друг…)?
health-ask-contact-phone = <b>Номер телефона</b> ({ $name }) с кодом страны, например <code>+7 912 345-67-89</code>?
health-contact-bad-text = Напишите, пожалуйста, не больше { $limit } символов.
health-phone-empty = Напишите номер телефона.
health-phone-not-digits = «{ $typed }» — не номер телефона: цифры, можно с пробелами, дефисами или скобками, и + перед кодом страны.
health-phone-too-short = «{ $typed }» — слишком короткий номер: добавьте код города.
health-phone-too-long = «{ $typed }» — слишком длинный номер: не больше 15 цифр.
health-too-many-contacts = У вас уже { $limit } контактов: сначала удалите один.
health-contact-gone = Этого контакта уже нет в вашем списке.
health-stale-step = На этот вопрос уже есть ответ.
health-finished = ✅ Спасибо: данные о здоровье сохранены. /health покажет их и позволит изменить.

health-offer = 🩺 Тренеру сначала нужно немного узнать о вашем здоровье: семь вопросов «да/нет», история здоровья и экстренный контакт. Это видите только вы и тренер.
health-offer-button = 🩺 Ответить сейчас

health-client-title = 🩺 <b>Здоровье</b>: { $client }
health-client-none = { $client } ещё не заполнил(а) анкету о здоровье.
health-client-flagged = ⚠️ <b>Отметка PAR-Q</b>: «да» на { $count ->
    [one] вопрос
   *[other] вопросы ({ $count })
}, которые вы ещё не подтвердили. Прочтите ответы и нажмите «Прочитано»; после этого можно назначить программу.
health-client-acknowledged = ✅ Вы подтвердили, что прочли ответы PAR-Q.
health-acknowledge-button = ✅ Прочитано
health-acknowledged = Подтверждено: теперь можно назначить программу ({ $client }).
health-assign-refused = ⚠️ { $client } ответил(а) «да» в анкете о здоровье (PAR-Q), а вы ещё не подтвердили, что прочли это. Откройте карточку, прочтите ответы и нажмите «Прочитано».
health-assign-avoided = ⚠️ В ограничениях { $client } названы упражнения из этой программы:
    { $lifts }
    Всё равно назначить?
health-avoided-lift = • { $lift }: { $days ->
    [one] день { $numbers }
   *[other] дни { $numbers }
}
health-assign-anyway-button = ✅ Всё равно назначить
health-card-none = 🩺 Анкета о здоровье: ещё не заполнена.
health-card-below = 🩺 Анкета о здоровье: ниже.
health-card-flagged = 🩺 ⚠️ Отметка PAR-Q: прочтите ответы ниже и подтвердите.
