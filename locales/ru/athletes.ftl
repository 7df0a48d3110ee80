## /start, /help и /settings.

athletes-welcome-new =
    Привет, { $name }! Я <b>Spotter</b>, ваш партнёр по тренировкам в этом чате.

    Ваш план рассчитывает каждый подход от тренировочных максимумов; каждый подход записывается одним нажатием (или сообщением: 8, 100x5 или +), а когда день закончен, максимумы растут по тому, что вы действительно подняли.

    { $commands }
athletes-welcome-back =
    С возвращением, { $name }! Вот что я умею:
    { $commands }
athletes-help =
    Команды <b>Spotter</b>:
    { $commands }

    Чтобы записать подход, напишите <code>+</code>, <code>8</code> или <code>100x5</code> (добавьте <code>@8</code> для RPE). Чтобы тренироваться по своему плану, вставьте текст, начинающийся с <code>plan:</code>, или пришлите его файлом .txt; /plan → ✍️ покажет, как это сделать.
athletes-group-start = Давайте поговорим лично: нажмите кнопку ниже, а затем «Запустить».
athletes-group-start-button = Открыть Spotter

# Кнопка /settings, переключающая язык: она называет другой язык на нём самом.
athletes-switch-language = 🌐 English
athletes-language-name = Русский
athletes-settings-summary =
    <b>Настройки</b>
    Язык: <b>{ athletes-language-name }</b>
    Часовой пояс: <b>{ $time_zone }</b>
    Единицы: <b>{ $unit }</b>
    Самый маленький блин: <b>{ $smallest_plate } { $unit }</b>, веса округляются { $rounding ->
        [down] вниз
       *[nearest] до ближайшего шага
    }
    Гриф: <b>{ $bar }</b>
    Блины: <b>{ $plates }</b>
    Разминка перед основными упражнениями: <b>{ $warmups ->
        [on] вкл.
       *[off] выкл.
    }</b>
    Формула e1RM: <b>{ $formula }</b>
    Инвентарь для комплексов: <b>{ $kit }</b>
    Rx-веса и медианы: <b>{ $division ->
        [women] женские
       *[men] мужские
    }</b>
athletes-plenty-of-plates = сколько угодно любых обычных блинов
athletes-switch-units = ⚖️ Перейти на { $other_unit }
athletes-plates-button = 🔩 Самый маленький блин
athletes-plates-prompt =
    Какой у вас самый маленький блин? Веса округляются до двух таких блинов (по одному с каждой стороны).

    Не хватает каких-то блинов? Пришлите те, что у вас есть, парами, например <code>25x4 20x2 10 5 2.5 1.25</code> (без количества — сколько угодно), или <code>all</code> — все блины: тогда карточка будет назначать то, что вы можете собрать.
athletes-round-down = ↧ Округлять вниз
athletes-round-nearest = ↕ Округлять до ближайшего
athletes-bar-button = 🏋️ Гриф
athletes-bar-prompt = Какой у вас гриф? От него считаются блины на каждую сторону и разминка.
athletes-use-formula = 📈 e1RM по { $formula }
athletes-warmups-on = 🔥 Показывать разминку
athletes-warmups-off = 🔥 Скрыть разминку
athletes-plates-not-plates = «{ $part }» не похоже на блин. Пришлите размеры, например 25x4 20x2 10 5 2.5.
athletes-plates-too-heavy = Блина «{ $part }» я не знаю (не больше 50 kg / 100 lb).
athletes-plates-pairs = «{ $part }»: укажите, сколько пар, от 1 до 20.
athletes-plates-too-many = Столько размеров блинов не бывает ни в одном зале: не больше 12.
athletes-time-zone-button = 🌍 Часовой пояс
athletes-settings-done = Готово
athletes-time-zone-prompt = Напишите свой часовой пояс или ближайший город латиницей, например <code>Europe/Moscow</code>, <code>Moscow</code> или <code>New York</code>.
athletes-back = ⬅️ Назад
athletes-time-zone-set = Часовой пояс: <b>{ $time_zone }</b>.
athletes-unknown-time-zone = Я не знаю часовой пояс «{ $typed }». Попробуйте город, например <code>Moscow</code>, или название вроде <code>Europe/Moscow</code>.
athletes-kit-button = 🧰 Инвентарь
athletes-kit-prompt = Что у вас есть для комплексов? Нажмите, чтобы отметить или снять отметку; /wod составляет комплексы только из отмеченного (бег, отжимания и бёрпи ничего не требуют).
athletes-kit-none = 🚫 Ничего: только свой вес
athletes-kit-full-gym = полный зал (пока не указано)
athletes-kit-bodyweight = только свой вес
athletes-division-button = { $division ->
        [women] 🚺 Мужские Rx-веса
       *[men] 🚺 Женские Rx-веса
    }
athletes-kit-item-barbell = Штанга
athletes-kit-item-dumbbells = Гантели
athletes-kit-item-kettlebell = Гиря
athletes-kit-item-pull_up_bar = Турник
athletes-kit-item-rower = Гребной тренажёр
athletes-kit-item-bike = Эйр-байк
athletes-kit-item-jump_rope = Скакалка
athletes-kit-item-box = Тумба
athletes-kit-item-wall_ball = Медбол
athletes-kit-item-rings = Кольца
athletes-kit-item-rope = Канат
athletes-kit-item-ghd = GHD
