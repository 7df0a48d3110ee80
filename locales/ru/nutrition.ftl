## nutrition: /food, цели, дневник питания, планы питания и взгляд тренера

nutrition-command = Питание: цели, дневник, план питания
nutrition-today = 🍽 <b>Сегодня</b>
nutrition-training-day = 🏋️ тренировочный день: цели тренировочного дня
nutrition-kcal-vs = <b>{ $eaten }</b> из { $target } ккал · { $balance }
nutrition-kcal-left = осталось { $kcal } ккал
nutrition-kcal-over = сверх на { $kcal } ккал
nutrition-kcal = <b>{ $eaten }</b> ккал
nutrition-macros-vs = Белки { $protein }/{ $protein_target } г · углеводы { $carbs }/{ $carbs_target } г · жиры { $fat }/{ $fat_target } г
nutrition-macros = Белки { $protein } г · углеводы { $carbs } г · жиры { $fat } г
nutrition-meal-line = { $number }. { $entry }
nutrition-entry = { $name } — { $kcal } ккал{ $macros }{ $photo }
nutrition-meal-macros = { " " }· Б{ $protein } У{ $carbs } Ж{ $fat }
nutrition-unnamed-meal = Приём пищи
nutrition-nothing-logged = Сегодня пока ничего не записано.
nutrition-how-to-log = Записывайте еду так: <code>/food p40 c60 f15</code>, <code>/food 650 kcal</code> или <code>/food овсянка б10 у50 ж6</code>, фото с такой подписью или 🍽 Записать еду.
nutrition-no-targets = Целей пока нет: их задают в 🎯 Цели.
nutrition-restrictions = ⚠️ Ограничения и аллергии: { $text }
nutrition-log-button = 🍽 Записать еду
nutrition-targets-button = 🎯 Цели
nutrition-delete-button = 🗑 Удалить «{ $name }»
nutrition-plan-button = 📋 План питания
nutrition-log-prompt = 🍽 Ответьте, что вы съели: <code>p40 c60 f15</code>, <code>650 kcal</code>, <code>овсянка б10 у50 ж6</code> или <code>обед 650 ккал б40</code> (калории считаются по БЖУ, если не указаны). Можно и фото с этими цифрами в подписи.
nutrition-logged = ✅ Записано: { $entry }
nutrition-deleted = 🗑 Удалено: { $entry }
nutrition-entry-gone = Этой записи уже нет.
nutrition-photo-needs-caption = 📷 Добавьте к фото подпись с цифрами, например <code>/food обед б40 у60 ж15</code>. Ничего не записано.
nutrition-not-logged = Ничего не записано.
nutrition-problem-nothing = В «{ $token }» нет ни одной цифры: укажите ккал или граммы, например <code>p40 c60 f15</code> или <code>650 kcal</code>.
nutrition-problem-no-amount = У «{ $token }» нет количества: пишите <code>p40</code>, <code>c60</code>, <code>f15</code> или <code>650 ккал</code>.
nutrition-problem-negative = «{ $token }» — отрицательное число: количество начинается с 0.
nutrition-problem-not-whole = «{ $token }»: только целые граммы и ккал, например <code>p12</code>.
nutrition-problem-too-much = «{ $token }» — больше, чем вмещает одна запись (1000 г одного макронутриента, 10000 ккал).
nutrition-problem-twice = «{ $token }» указано дважды.
nutrition-problem-bare-number = У «{ $token }» нет единицы: напишите <code>{ $token } ккал</code> или p/c/f (б/у/ж) перед граммами.
nutrition-problem-unknown = Не понимаю «{ $token }»: сначала название блюда, потом цифры.
nutrition-problem-name-too-long = Слишком длинное название: «{ $token }».
nutrition-problem-too-little = «{ $token }» — меньше 500 ккал в день: не пропущена ли цифра?
nutrition-problem-no-targets = Нет строки на каждый день: начните с неё, например <code>2400 kcal p180 c250 f70</code>.
nutrition-problem-line-twice = «{ $token }» снова задаёт цели того же дня.
nutrition-problem-notes-too-long = Заметки слишком длинные (не больше 500 символов): «{ $token }».
nutrition-problem-meal-before-day = «{ $token }» стоит раньше любого дня: начните с дня, например <code>Monday:</code>.
nutrition-problem-empty-day = В «{ $token }» нет приёмов пищи.
nutrition-problem-day-twice = «{ $token }» встречается дважды.
nutrition-problem-day-name-too-long = Название дня — не больше 40 символов: «{ $token }».
nutrition-problem-day-without-name = У дня должно быть название перед двоеточием, например <code>Понедельник:</code>.
nutrition-problem-too-many-days = «{ $token }»: не больше 14 дней.
nutrition-problem-too-many-meals = «{ $token }»: не больше 12 приёмов пищи в день.
nutrition-problem-no-days = В нём нет ни одного дня: посмотрите пример.
nutrition-line-problem = строка { $line }: { $problem }
nutrition-targets-title = 🎯 <b>Цели</b>
nutrition-targets-every-day = Каждый день: { $macros }
nutrition-targets-training = Тренировочные дни: { $macros }
nutrition-targets-none = Целей пока нет.
nutrition-targets-by-coach = Задал ваш тренер.
nutrition-targets-prompt = 🎯 Ответьте целями: строка на каждый день и, если отличаются, строка для тренировочных дней (день с тренировкой), а также ограничения и аллергии:
    <code>2400 ккал б180 у250 ж70
    тренировка: 2800 ккал б180 у320 ж75
    заметки: без арахиса</code>
nutrition-targets-saved = ✅ Цели сохранены.
nutrition-targets-wrong = Не получилось прочитать цели: { $problem }
    Ничего не изменилось.
nutrition-target-macros = { $kcal } ккал · Б{ $protein } У{ $carbs } Ж{ $fat }
nutrition-no-meal-plan = Плана питания пока нет: его может прислать ваш тренер.
nutrition-plan-day = 📋 <b>{ $day }</b> · { $total }
nutrition-plan-meal = • { $meal }
nutrition-card-adherence = 🍽 Питание, 7 дней до сегодня: в цель { $on_target }, записано { $logged } из { $days }
nutrition-client-button = 🍽 Питание
nutrition-client-title = 🍽 <b>{ $client }</b>, сегодня
nutrition-client-week = 7 дней до сегодня: в цель { $on_target } из { $days } (±10% ккал, белок не меньше 90%), записано { $logged }.
nutrition-client-no-week = Цели не заданы, так что и соблюдать нечего.
nutrition-client-targets-button = 🎯 Задать цели
nutrition-client-plan-button = 📋 Прислать план питания
nutrition-client-targets-prompt = 🎯 Ответьте целями для { $client }: строка на каждый день и, если отличаются, строка для тренировочных дней, а также ограничения и аллергии:
    <code>2400 ккал б180 у250 ж70
    тренировка: 2800 ккал б180 у320 ж75
    заметки: без арахиса</code>
nutrition-client-plan-prompt = 📋 Ответьте планом питания для { $client }: день — строкой с двоеточием в конце, под ним приёмы пищи с БЖУ:
    <code>Понедельник:
    завтрак овсянка б10 у50 ж6
    обед курица с рисом 650 ккал б45 у80 ж12</code>
nutrition-client-targets-saved = ✅ Цели для { $client } сохранены.
nutrition-client-plan-saved = ✅ План питания отправлен: { $client }, { $days ->
    [one] { $days } день
    [few] { $days } дня
   *[other] { $days } дней
}.
nutrition-plan-wrong = Не получилось прочитать план питания:
    { $problems }
    Ничего не отправлено.
nutrition-not-your-client = Это не ваш клиент.
nutrition-too-long = Слишком длинно (не больше 4000 символов).
nutrition-told-targets = 🍽 { $coach } задал ваши цели по питанию; /food покажет ваш день рядом с ними.
nutrition-told-meal-plan = 📋 { $coach } прислал вам план питания ({ $days ->
    [one] { $days } день
    [few] { $days } дня
   *[other] { $days } дней
}): /food → 📋 План питания.
