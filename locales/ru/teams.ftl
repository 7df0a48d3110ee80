## команды: группа со Spotter, её участники, роли и ссылки-приглашения

teams-role = { $role ->
    [owner] владелец
    [coach] тренер
   *[member] участник
}
teams-card = 🏋️ <b>{ $title }</b> тренируется со Spotter · { $members ->
    [one] { $members } участник
    [few] { $members } участника
   *[other] { $members } участников
}
    🕒 { $zone } (админы: <code>/team tz Europe/Moscow</code>)
    Нажмите ✅ Вступить, чтобы записываться на занятия и вносить результаты на доску. Админы и тренеры приглашают людей ссылкой (её присылаю им лично).
teams-join-button = ✅ Вступить
teams-invite-coach-button = 🔗 Пригласить тренера
teams-invite-member-button = 🔗 Пригласить участников
teams-joined = Вы в команде: { $role }.
teams-already-in = Вы уже в команде: { $role }.
teams-not-allowed = Это могут только админы и владельцы команды.
teams-start-me-first = Я пока не могу вам написать: откройте @{ $bot } в личке, нажмите «Запустить» и нажмите кнопку снова.
teams-link-sent = Прислал ссылку вам в личку.
teams-invite-link = 🔗 Приглашение в <b>{ $title }</b> ({ $role }), на 7 дней:
    { $link }
    { $single ->
        [yes] Она сработает один раз: пришлите её тому, кого зовёте.
       *[no] Вступить по ней может любой: делитесь только с теми, кого зовёте.
    }
teams-revoke-button = 🚫 Отозвать ссылку
teams-invite-revoked = 🚫 Отозвано: ссылка больше не работает.
teams-invite-invalid = Эта ссылка больше не работает (истекла, отозвана или неизвестна). Попросите новую.
teams-invite = 🏋️ Вступить в <b>{ $title }</b> ({ $role })?
teams-invite-already = Вы уже в этой команде: { $role }.
teams-accept-button = ✅ Вступить
teams-decline-button = ✖️ Нет, спасибо
teams-invite-declined = Хорошо: ничего не изменилось.
teams-invite-accepted = ✅ Вы в <b>{ $title }</b>: { $role }.
teams-none = Вы пока ни в одной команде. Добавьте меня в групповой чат вашего зала или команды, или откройте ссылку-приглашение.
teams-list-title = 🏋️ <b>Ваши команды</b>
teams-list-line = • { $title } — { $role }, { $members ->
    [one] { $members } участник
    [few] { $members } участника
   *[other] { $members } участников
}
teams-time-zone-set = 🕒 Теперь команда живёт по времени <b>{ $zone }</b>.
teams-unknown-time-zone = Я не знаю часовой пояс «{ $typed }». Попробуйте город, например <code>Moscow</code>, или название вроде <code>Europe/Moscow</code>.
teams-no-team = Эта группа пока не команда: /team сделает её командой.
teams-role-defined = 🏷 Роль <b>{ $name }</b>: { $permissions }. Выдайте её ответом на сообщение участника: <code>/team give { $name }</code>.
teams-role-usage = Роль задаётся так: <code>/team role Судья: scores</code> (права: program, schedule, scores, members); выдаётся ответом на сообщение участника: <code>/team give Судья</code>, снимается: <code>/team take</code>.
teams-role-unknown-permission = «{ $word }» — не право: program, schedule, scores или members.
teams-role-too-many = У команды не больше 20 своих ролей.
teams-role-no-such = У команды нет роли «{ $name }»: <code>/team role { $name }: …</code> создаст её.
teams-role-not-a-member = Этого человека нет в команде: пусть сначала нажмёт ✅ Вступить на карточке команды.
teams-role-reply-to-member = Отправьте это ответом на сообщение участника.
teams-role-given = 🏷 Готово: { $name }.
teams-role-taken = 🏷 Готово: своей роли у участника больше нет.
teams-list-classes =   занятия за 30 дней: посещено { $attended }{ $no_shows ->
    [0] {""}
   *[other] , неявок { $no_shows }
}{ $late ->
    [0] {""}
   *[other] , поздних отмен { $late }
}
