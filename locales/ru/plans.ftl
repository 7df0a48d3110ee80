## plans: /plan, смена плана, разгрузочная неделя и планы, написанные текстом

plans-switch-button = 🔁 Сменить план
plans-as-text-button = 📄 План текстом
plans-write-button = ✍️ Написать свой
plans-back-button = ‹ Назад
plans-start-it-button = ▶️ Начать сейчас
plans-publish-button = 📢 Опубликовать для всех
plans-unpublish-button = Снять с публикации
plans-day-button = День { $number }
plans-pick-plan = Выберите план. Ваши тренировочные максимумы и рабочие веса перейдут в него.
plans-unknown-plan = Этот план больше недоступен. Отправьте /plan, чтобы увидеть актуальный список.
plans-not-admin = Публиковать планы могут только администраторы бота.
plans-published = Опубликован: теперь его может выбрать в /plan любой.
plans-unpublished = Больше не опубликован.
plans-file-too-big = Этот файл слишком велик для плана: пришлите .txt размером не больше 64 КБ.
plans-not-a-plan-file = Этот файл — не план: план начинается со строки «plan: …». В /help — что я умею делать с файлами и сообщениями.
plans-file-unreadable = Не получилось прочитать файл как текст (UTF-8). Сохраните его как обычный текст и пришлите снова.
plans-as-text-caption = Ваш план текстом. Измените его и пришлите обратно (сообщением или файлом .txt), чтобы сохранить свой.
# $example — план в текстовом формате; его ключевые слова остаются английскими.
plans-write-your-own =
    ✍️ <b>Напишите свой план</b> — пришлите его сообщением (или файлом .txt):

    <code>{ $example }</code>

    Подходы: <code>3x5 @75%</code> (от ТМ), <code>1x5+</code> (AMRAP), <code>5x5 80kg</code>, <code>3x8-12</code>, <code>3x5 @8</code> (RPE); отметки <code>!</code> (ведёт ТМ), <code>warmup</code>, <code>joker</code>. Правила после <code>;</code>: linear, stages, double, rpe, cycle, complete. Нажмите «📄 План текстом» у любого плана, чтобы увидеть полный пример.

## Карточка плана

plans-week = <b>Неделя { $week }</b>
plans-week-deload = <b>Неделя { $week }</b> (разгрузка)
plans-day = День { $number }: { $lifts }
plans-day-next = День { $number }: { $lifts } ← следующий
plans-tap-a-day = Нажмите на день, чтобы потренироваться по нему сейчас, или отправьте /today для следующего.
plans-deloading = 🪶 Разгрузочная неделя: веса 60%, без AMRAP, рекордов и прогрессии.
plans-deload-button-on = 🪶 Разгрузочная неделя: вкл. — завершить
plans-deload-button-off = 🪶 Разгрузочная неделя: выкл. — начать
plans-deload-started = Разгрузочная неделя на 7 дней: следующие тренировки легче и ничего не двигают.
plans-deload-ended = Разгрузочная неделя окончена: со следующей тренировки снова веса плана.
plans-switched = Вы перешли на <b>{ $name }</b>. Отправьте /today, чтобы начать день 1.
plans-saved = Ваш план <b>{ $name }</b> сохранён: { $days } { $days ->
    [one] день
    [few] дня
   *[many] дней
}. Если снова прислать план с тем же названием, он заменит этот.
plans-errors =
    В плане есть ошибка, поэтому ничего не сохранено:
    { $errors }
    Исправьте и пришлите снова.

## Когда выбранный на карточке день не открывается

plans-no-such-day = Такого дня нет в вашем плане. Отправьте /plan, чтобы увидеть его дни.
plans-finish-first = В тренировке дня { $day } уже есть записанные подходы. Сначала завершите её на карточке (🏁) или отправьте /today.

## Ошибки в тексте плана: по сообщению на каждый код domain.plans.text.problems.PlanProblem
## (код через дефисы). Ключевые слова формата плана остаются английскими.
plans-problem-on-line = строка { $line }: { $problem }
plans-problem-text-too-long = в плане не больше { NUMBER($limit, useGrouping: "true") } символов
plans-problem-unsavable = этот план не получается записать обратно в том виде, в каком он прочитан; пожалуйста, сообщите об этом
plans-problem-no-plan-name = план начинается со своего названия: «plan: Мой 5x5»
plans-problem-no-days = в плане нужен хотя бы один «day:» с упражнениями
plans-problem-not-key-value = ожидается «ключ: значение», день или строка упражнения с двоеточием
plans-problem-header-after-days = «{ $header }:» пишется в начале, до первого дня
plans-problem-header-twice = «{ $header }:» указан дважды
plans-problem-exercise-before-day = строка упражнения идёт после строки «day:»
plans-problem-empty-plan-name = у плана должно быть название: «plan: Мой 5x5»
plans-problem-bad-slug = slug состоит из строчных латинских букв, цифр и дефисов: «my-5x5»
plans-problem-tm-not-a-percent = «{ $token }» — не процент; ожидается ТМ как доля от 1ПМ, например «tm: 90%»
plans-problem-tm-out-of-range = тренировочный максимум — от 50% до 100% от 1ПМ
plans-problem-bad-sessions = тренировок в неделю — число от 1 до { $limit }, например `sessions: 3 a week`
plans-problem-bad-week = неделя — это номер, можно с «deload»: «week: 4 deload»
plans-problem-empty-day-name = у дня должно быть название: «day: Присед, жим»
plans-problem-too-many-days = в плане не больше { $limit } дней
plans-problem-day-without-exercises = в дне «{ $day }» нет упражнений
plans-problem-progress-without-target = укажите, чья это прогрессия: «progress upper:», «progress lower:» или упражнение
plans-problem-progress-without-brackets = перечислите диапазоны: «0-1 +0, 2-3 +2.5kg/5lb, 4+ +5kg/10lb»
plans-problem-not-a-bracket = «{ $token }» — не «повторы +шаг», например «2-3 +2.5kg/5lb» или «0-1 +0»
plans-problem-bracket-gap = повторы должны продолжаться с { $expected }, а не с { $found }
plans-problem-open-bracket-not-last = открытым может быть только последний диапазон, например «6+ +5kg/10lb»
plans-problem-bracket-range-downward = «{ $token }»: диапазон идёт по возрастанию
plans-problem-bad-display-name = отображаемое имя пишется в двойных кавычках в конце: squat "Присед с паузой":
plans-problem-empty-display-name = отображаемое имя в кавычках не может быть пустым
plans-problem-exercise-not-named = назовите упражнение перед двоеточием: «T1 squat: 5x5»
plans-problem-unknown-exercise = я не знаю упражнение «{ $name }»
plans-problem-misspelt-exercise = я не знаю упражнение «{ $name }» — может быть, { $suggestion }?
plans-problem-no-sets = перечислите подходы после двоеточия: «squat: 3x5 @75%»
plans-problem-empty-scheme = схема между «|» перечисляет подходы, например «3x5»
plans-problem-too-many-sets = в упражнении не больше { $limit } подходов
plans-problem-not-a-set = «{ $group }» — не подходы вида «3x5», «1x5+», «3x8-12»
plans-problem-set-count-out-of-range = «{ $group }»: от 1 до { $limit } подходов
plans-problem-reps-out-of-range = «{ $group }»: от 1 до { $limit } повторов
plans-problem-rep-range-downward = «{ $group }»: диапазон повторов идёт по возрастанию, например 8-12
plans-problem-mark-without-amrap = «{ $group }»: «!» ставится на подход на максимум повторов («1x1+ @95% !»)
plans-problem-rpe-target-not-fixed-reps = «{ $group }»: цель по RPE — это от 1 до 10 фиксированных повторов, например «3x5 @8»
plans-problem-two-loads = «{ $group }»: одна нагрузка на подход — процент, вес или RPE
plans-problem-percent-out-of-range = «{ $group }»: процент от ТМ — больше 0 и не больше { $limit }
plans-problem-weight-out-of-range = «{ $group }»: вес — больше 0 и не больше { $limit }
plans-problem-rpe-off-chart = «{ $group }»: RPE — от 6 до 10 с шагом 0.5, например @8 или @8.5
plans-problem-not-a-load-or-mark = «{ $token }» в «{ $group }» — не нагрузка (@75%, 80kg, @8) и не отметка (!, warmup, joker)
plans-problem-unknown-rule = «{ $token }» — не правило прогрессии; возможные: { $rules }
plans-problem-rule-without-step = укажите, сколько добавляет «{ $rule }», например «{ $rule } +2.5kg/5lb»
plans-problem-stages-without-rule = схемам, разделённым «|», нужно правило «stages»
plans-problem-start-not-a-percent = «{ $token }» — не процент; ожидается «start 65%» от ТМ или «start 20kg/45lb»
plans-problem-start-out-of-range = старт — больше 0% и не больше { $limit }% от ТМ
plans-problem-deload-not-a-percent = «{ $token }» — не процент; ожидается «deload 10% after 3»
plans-problem-deload-failures-not-whole = «{ $token }» — не целое число; ожидается «deload 10% after 3»
plans-problem-deload-out-of-range = разгрузка снимает от 1% до 99% и наступает хотя бы после одной неудачной тренировки
plans-problem-at-reps-not-whole = «{ $token }» — не целое число; ожидается «at 25 reps»
plans-problem-at-reps-out-of-range = «at N reps» принимает от 1 до { $limit }
plans-problem-not-a-rule-option = «{ $token }» — не параметр правила; параметры: start, deload … after, then …, at … reps
plans-problem-bad-retest = в «then retest 5RM» укажите, какой повторный максимум проверить
plans-problem-restart-not-a-percent = «{ $token }» — не процент; ожидается «then retest 5RM at 85%»
plans-problem-restart-out-of-range = рестарт — больше 0% и не больше 100% от нового повторного максимума
plans-problem-bad-then = после «then» идёт «repeat», «+7.5kg/15lb» или «retest 5RM»
plans-problem-no-load-no-rule = подходам без нагрузки нужно правило с рабочим весом, например «; linear +2.5kg/5lb start 50%», или нагрузка у каждого подхода (@75%, 80kg)
plans-problem-tm-rule-needs-percents = «{ $rule }» поднимает ТМ, поэтому каждый подход — процент от него (@75%)
plans-problem-rpe-rule-needs-rpe-sets = правилу «rpe» нужны подходы с целью по RPE, например «3x5 @8»
plans-problem-rpe-rule-needs-rpe-work-set = правилу «rpe» нужен рабочий подход с целью по RPE, например «3x5 @8»
plans-problem-double-needs-range = правилу «double» нужен диапазон повторов, например «3x8-12»
plans-problem-double-range-downward = правило «double» не может вести эти подходы: нужен диапазон повторов 1 ≤ нижний ≤ верхний и хотя бы один подход, а здесь { $sets }×{ $low }–{ $high }
plans-problem-no-start = укажите, с чего начинается рабочий вес: «start 60%» от ТМ { $lift } или «start 20kg/45lb»
plans-problem-scheme-without-work-set = в каждой схеме нужен рабочий подход, а не только разминочные или джокер-подходы
plans-problem-rule-cannot-run-sets = правило «{ $rule }» не может вести эти подходы
plans-problem-cycle-without-weeks = правилу «cycle» нужны дни, разбитые на недели («week: 1»)
plans-problem-amrap-without-progress = «!» поднимает ТМ { $lift } по повторам, но ни одна строка «progress» его не покрывает («progress { $region }: …»)
plans-problem-not-a-step = «{ $token }» — не шаг в обеих единицах, например «+2.5kg/5lb»
plans-problem-step-in-one-unit = «{ $token }»: нужно одно значение в kg и одно в lb, например «+2.5kg/5lb»
plans-problem-step-too-big = «{ $token }» — слишком большой шаг
plans-problem-step-not-positive = «{ $token }»: шаг больше нуля в обеих единицах
plans-problem-not-a-number = «{ $token }» — не число
plans-problem-too-many-decimals = «{ $token }»: не больше двух знаков после запятой
