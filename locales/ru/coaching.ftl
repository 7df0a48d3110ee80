## coaching: /coach, ссылки-приглашения, /clients и карточка клиента

coaching-pitch = 🎓 <b>Тренерство в Spotter</b>
    Приглашайте клиентов ссылкой, смотрите их тренировки по мере записи и замечайте, кто сбился с ритма. Можно быть и тренером, и спортсменом одновременно.
coaching-become-button = 🎓 Стать тренером
coaching-became = Теперь вы тренер. Пригласите первого клиента ссылкой.
coaching-menu = 🎓 <b>Тренер</b> · { $clients ->
    [0] клиентов пока нет
    [one] { $clients } клиент
    [few] { $clients } клиента
   *[other] { $clients } клиентов
}
coaching-invite-once-button = 🔗 Ссылка (один клиент)
coaching-invite-many-button = 🔗 Ссылка (несколько, 7 дней)
coaching-clients-button = 👥 Клиенты
coaching-your-coach = Ваш тренер: <b>{ $coach }</b>
coaching-leave-button = Уйти от тренера { $coach }
coaching-leave-sure = Уйти от тренера <b>{ $coach }</b>? Он больше не увидит ничего нового.
coaching-leave-yes = Да, уйти
coaching-left = Вы ушли от тренера <b>{ $coach }</b>.
coaching-no-coach = У вас нет тренера.
coaching-not-coach = Клиенты есть только у тренеров: /coach сделает вас тренером.

## Ссылки-приглашения

coaching-link-once = Отправьте эту ссылку клиенту. Она сработает один раз, до { $until }:
    { $link }
coaching-link-many = Отправьте эту ссылку клиентам. Ею можно пользоваться до { $until }:
    { $link }
coaching-revoke-button = 🚫 Отозвать
coaching-revoked = Ссылка отозвана и больше не работает.
coaching-invite = <b>{ $coach }</b> приглашает вас тренироваться вместе в Spotter. Тренер видит ваш план, тренировки и прогресс и может менять программу.
coaching-invite-replaces = Если принять, занятия с тренером <b>{ $current }</b> закончатся.
coaching-accept-button = ✅ Принять
coaching-decline-button = ✖️ Отклонить
coaching-accepted = Теперь вы тренируетесь с <b>{ $coach }</b>.
coaching-already = Вы уже клиент тренера <b>{ $coach }</b>.
coaching-declined = Приглашение отклонено, ничего не изменилось.
coaching-invite-invalid = Эта ссылка не работает. Попросите у тренера новую.
coaching-own-invite = Это ваша собственная ссылка: отправьте её клиенту.
coaching-client-joined = 🎉 <b>{ $client }</b> принял(а) ваше приглашение. /clients покажет тренировки.
coaching-ended-by-client = <b>{ $other }</b> завершил(а) занятия с вами.
coaching-ended-by-coach = <b>{ $other }</b> завершил(а) занятия с вами. План и история остаются вашими.

## /clients и карточка клиента

coaching-clients-title = 👥 <b>Ваши клиенты</b> ({ $count })
coaching-clients-empty = Клиентов пока нет. /coach даст ссылку-приглашение.
coaching-clients-hint = ⚠️ нужно внимание: неделя сильно хуже обычного или нет тренировок 7 дней.
coaching-clients-page = Страница { $page } из { $pages }
coaching-client-line = { $attention }<b>{ $name }</b>: { $done }/{ $planned } на этой неделе · последняя: { $last }
coaching-never = не было
coaching-since = тренируется с вами с { $date }
coaching-plan = План: { $plan }
coaching-no-plan = План: пока нет
coaching-maxes = Тренировочные максимумы: { $maxes }
coaching-no-maxes = Тренировочные максимумы: пока нет
coaching-compliance = Сделано из запланированного: 7 дней { $week } · 30 дней { $month } · 90 дней { $quarter }
coaching-percent = { $percent }%
coaching-no-compliance = —
coaching-recent = Последние тренировки:
coaching-no-workouts = Завершённых тренировок пока нет.
coaching-workout-line = • { $date } · день { $number } · { $name } · { $done }/{ $total } подходов
coaching-end-button = Завершить занятия
coaching-end-sure = Завершить занятия с <b>{ $client }</b>? Вы больше не увидите ничего нового.
coaching-end-yes = Да, завершить
coaching-ended = Занятия с <b>{ $client }</b> завершены.
coaching-back-button = « Клиенты
coaching-not-your-client = Этот спортсмен не ваш клиент.

## Сообщения между тренером и клиентом

coaching-relayed-from-coach = 💬 <b>{ $sender }</b>, ваш тренер:
    { $text }

    <i>Ответьте на это сообщение, чтобы написать в ответ.</i>
coaching-relayed-from-client = 💬 <b>{ $sender }</b>:
    { $text }

    <i>Ответьте на это сообщение, чтобы написать в ответ.</i>
coaching-ask-how = Напишите вопрос после /ask, например: <code>/ask хватит ли 3×5 на этой неделе?</code>
coaching-sent = Отправлено: <b>{ $to }</b>.
coaching-too-long = Длиннее 3500 символов: разделите на два сообщения.
coaching-not-a-relay = Этот ответ некуда отправить: отвечайте на сообщение тренера или клиента.
coaching-message-button = 💬 Написать
coaching-thread-button = 🗨 Переписка
coaching-write-prompt = ✍️ Ответьте на это сообщение, чтобы написать <b>{ $client }</b>.
coaching-thread-title = 🗨 <b>Вы и { $client }</b>
coaching-thread-empty = С <b>{ $client }</b> пока нет сообщений.
coaching-thread-you = вы

## Программа клиента

coaching-assign-button = 📋 Назначить план
coaching-maxes-button = 🏋️ Задать максимумы
coaching-assign-pick = Какой план для <b>{ $client }</b>? Клиент получит свою копию, тренировочные максимумы сохранятся.
coaching-assigned = Теперь у <b>{ $client }</b> план <b>{ $plan }</b>, с первого дня.
coaching-assign-busy = <b>{ $client }</b> сейчас на тренировке: назначьте план, когда она закончится.
coaching-plan-gone = Этого плана больше нет.
coaching-plan-assigned = 📋 <b>{ $coach }</b> назначил(а) вам новый план: <b>{ $plan }</b>. /today начнёт его.
coaching-maxes-prompt = ✍️ Ответьте на это сообщение тренировочными максимумами <b>{ $client }</b>, например <code>squat 140 bench 100</code> (в { $unit }).
coaching-maxes-bad = Не получилось прочитать: упражнения и веса, например <code>squat 140 bench 100</code>.
coaching-maxes-done = Максимумы для <b>{ $client }</b> заданы.
coaching-maxes-set = 🏋️ <b>{ $coach }</b> задал(а) ваши тренировочные максимумы: { $maxes }.

## Отчёты о тренировках для тренера

coaching-report = 🏁 <b>{ $client }</b> завершил(а) день { $number } · { $day }: { $done }/{ $total } подходов за { $minutes } мин.
coaching-report-amrap = { $name }: { $done } (по плану { $prescribed })
coaching-report-skipped = { $count ->
    [one] { $count } подход пропущен
    [few] { $count } подхода пропущено
   *[other] { $count } подходов пропущено
}
coaching-report-hint = <i>Ответьте на это сообщение, чтобы прокомментировать.</i>
coaching-reports-off-button = 🔕 Не присылать отчёты
coaching-reports-on-button = 🔔 Снова присылать отчёты
coaching-reports-off = Отчёты о тренировках этого клиента больше не придут.
coaching-reports-on = Отчёт будет приходить после каждой тренировки клиента.

## Видео техники

coaching-video-set = { $lift } { $prescribed } · день { $number }, { $day }
coaching-video-set-done = { $lift } { $prescribed } (сделано { $done }) · день { $number }, { $day }
coaching-video-no-set = видео
coaching-video-which = 🎥 Какой подход на этом видео? Тренер получит его с этой подписью.
coaching-video-current-button = ▶️ Сейчас: { $set }
coaching-video-set-button = { $set } · день { $number }
coaching-video-again-button = 🔁 Новый дубль: { $set }
coaching-video-no-coach = 🎥 Видео техники я передаю тренеру, а его у вас пока нет: тренер присылает ссылку-приглашение.
coaching-video-no-sets = 🎥 Пока не к чему прикрепить видео: запишите тренировку (/today) и пришлите его снова.
coaching-video-gone = Это видео или подход уже нельзя выбрать.
coaching-video-attached = 🎥 Отправлено тренеру <b>{ $coach }</b>: { $set }. Разбор придёт сюда.
coaching-video-sent = 🎥 <b>{ $client }</b> — { $set }
coaching-video-sent-again = 🎥 <b>{ $client }</b> снял(а) заново — { $set }
coaching-review-open-button = ▶️ Разобрать
coaching-reviews-button = 🎥 Разборы
coaching-reviews-empty = 🎥 Видео на разбор нет.
coaching-reviews-title = 🎥 <b>Ждут разбора: { $count }</b>, сначала давние:
coaching-reviews-line = • { $opened }<b>{ $client }</b> — { $set } · { $age }
coaching-review-button = ▶️ { $client }
coaching-age-minutes = { $minutes } мин
coaching-age-hours = { $hours } ч
coaching-age-days = { $days } дн.
coaching-review-card = 🎥 <b>{ $client }</b>: ответьте на это сообщение разбором (текст, голосовое или кружок). Строка, начинающаяся со времени, например <code>0:07 колени внутрь</code>, придёт спортсмену видео с этой секунды.
coaching-revision-button = 🔁 Попросить новое видео
coaching-revision-sent = 🔁 { $client } получит просьбу снять заново.
coaching-feedback-how = Ответьте текстом, голосовым или кружком.
coaching-feedback-sent = ✅ Разбор отправлен: <b>{ $client }</b>{ $notes ->
    [0] .
    [one] , с видео с одного момента.
    [few] , с видео с { $notes } моментов.
   *[other] , с видео с { $notes } моментов.
}
coaching-notes-past-end = Видео длится { $duration } с: { $times } — после его конца. Ничего не отправлено; поправьте время и ответьте снова.
coaching-too-many-notes = Не больше { $limit } отметок времени в одном ответе; ничего не отправлено.
coaching-feedback = 🎥 <b>{ $coach }</b> разобрал(а) ваш подход: { $set }
coaching-revision-asked = 🔁 <b>{ $coach }</b> просит новое видео: { $set }. Снимите, пришлите сюда и выберите «🔁 Новый дубль».

## События в переписке

coaching-event-plan_assigned = 📋 назначен план: { $what }
coaching-event-plan_edited = 📝 план изменён: { $what }
coaching-event-maxes_set = 🏋️ заданы тренировочные максимумы: { $what }
coaching-event-video_reviewed = 🎥 видео разобрано: { $what }
coaching-event-revision_asked = 🔁 попросили новое видео: { $what }

## Утренняя сводка

coaching-digest-title = ☀️ <b>Стоит посмотреть сегодня: { $count }</b>
coaching-digest-dropped = на этой неделе заметно меньше обычного
coaching-digest-quiet = неделю без тренировок
coaching-digest-missed = пропущены две тренировки подряд
coaching-digest-videos = { $count ->
    [one] видео ждёт разбора больше 2 дней
    [few] { $count } видео ждут разбора больше 2 дней
   *[other] { $count } видео ждут разбора больше 2 дней
}
coaching-digest-unanswered = сообщение ждёт вашего ответа больше суток
coaching-digest-hint = <i>/clients — карточки клиентов, /reviews — видео.</i>
coaching-digest-on-button = ☀️ Утренняя сводка: вкл.
coaching-digest-off-button = ☀️ Утренняя сводка: выкл.
coaching-digest-now-on = Утром будет приходить сводка о клиентах, которым нужно внимание.
coaching-digest-now-off = Утренних сводок больше не будет.

## Воскресная сводка

coaching-weekly-title = 📅 <b>Неделя ваших клиентов</b> по { $week }
coaching-weekly-sessions = { $planned ->
    [0] тренировок: { $done }
   *[other] тренировок: { $done }/{ $planned }
}
coaching-weekly-records = { $count ->
    [one] { $count } рекорд
    [few] { $count } рекорда
   *[other] { $count } рекордов
}
coaching-weekly-maxes = { $count ->
    [one] { $count } максимум изменён
    [few] { $count } максимума изменены
   *[other] { $count } максимумов изменены
}
coaching-weekly-hint = <i>Ответьте на строку клиента (выделите её и нажмите «Ответить») или начните ответ с её номера, например <code>3 отличная неделя</code>: клиент получит это под своей сводкой.</i>
coaching-weekly-which = Какому клиенту? Процитируйте его строку или начните с её номера, например <code>3 отличная неделя</code>.
coaching-weekly-no-line = В этой сводке нет строки { $number }.

## Прогрессия, которую одобряет тренер

coaching-proposed = ⚖️ Прогрессия <b>{ $client }</b> предлагает: { $lift }, тренировочный максимум { $old } → { $new }.
coaching-keep-button = ✅ Принять
coaching-decline-button = ✖️ Отклонить
coaching-edit-button = ✏️ Другой
coaching-kept = ✅ <b>{ $coach }</b> одобрил(а) новый тренировочный максимум: { $lift } { $new }.
coaching-declined = ✖️ <b>{ $coach }</b> пока оставил(а) тренировочный максимум { $lift } на { $old }.
coaching-decided-kept = ✅ Принято: { $lift } { $new }.
coaching-decided-declined = ✖️ Отклонено: { $lift } остаётся { $old }.
coaching-already-decided = Это изменение уже решено.
coaching-approval-on-button = ⚖️ Прогрессия: с вашим одобрением
coaching-approval-off-button = ⚖️ Прогрессия: автоматическая
coaching-approval-now-on = Изменения максимумов { $client } теперь ждут вашего решения.
coaching-approval-now-off = Максимумы { $client } снова меняются по прогрессии сами.

## Правка плана клиента

coaching-plan-edited = 📋 <b>{ $coach }</b> изменил(а) ваш план <b>{ $plan }</b>: следующие тренировки пойдут по нему.
coaching-edit-plan-button = 📝 Править план
coaching-edit-plan-prompt = ✍️ Вот план <b>{ $client }</b> текстом. Исправьте его и ответьте на это сообщение всем текстом (или файлом .txt); изменится только копия клиента, а начатая тренировка сохранит свои подходы.
coaching-edit-plan-none = У <b>{ $client }</b> нет своего плана от вас: сначала назначьте план, потом правьте копию.
coaching-plan-saved = 📋 <b>{ $plan }</b> сохранён для <b>{ $client }</b>: дней — { $days }.
coaching-proposal-stale = Это изменение устарело: тренировочный максимум с тех пор изменился (сейчас { $now }). Оно отклонено; решайте по более новым предложениям.
coaching-edit-plan-gone = План клиента больше не та копия, что вы назначили: ничего не изменено.
coaching-weekly-text-only = Комментарий к сводке — это текст: ответьте на строку словами.
coaching-body-weight = ⚖️ Вес тела { $weight } { $unit }
coaching-body-weight-rate = ⚖️ Вес тела { $weight } { $unit } · { $rate } { $unit } в неделю
