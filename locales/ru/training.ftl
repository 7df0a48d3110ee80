## /today, итоги тренировки, /maxes и первые шаги.

training-rest-over = ⏱ Отдых окончен — следующий подход!
training-no-plan = У вас пока нет плана. Отправьте /start, чтобы выбрать его.
training-no-workout = Открытой тренировки нет. Отправьте /today, чтобы начать.
training-all-logged = Все подходы записаны.

## Карточка тренировки

training-done-button = ✅ Готово
training-reps-down = − повтор
training-reps-up = + повтор
training-skip-button = Пропустить
training-undo-button = ↩ Отменить
training-finish-button = 🏁 Завершить
training-note-button = 📝 Заметка
training-note-prompt = Напишите заметку к только что записанному подходу (ощущения, подсказки, боль…).
training-note-saved = Заметка сохранена.
training-note-needs-a-set = Сначала запишите подход, потом добавьте к нему заметку.
training-back = ⬅️ Назад
training-card-title = <b>День { $day } · { $name }</b>{ $deload ->
        [yes] { " " }· 🪶 разгрузка
       *[no] { "" }
    }  ({ $logged }/{ $total })
training-set-label = { $tier } { $mark }{ $name } — подход { $number } из { $sets }{ $kind ->
        [warmup] { " " }· разминка
        [joker] { " " }· джокер-подход, по желанию
       *[work] { "" }
    }
training-card-plates = Блины на сторону: { $plates }
training-plates-empty-bar = пустой гриф ({ $bar })
training-plates-on-bar = { $plates } (на грифе { $bar })
training-nearest-loadable = { $wanted } не собрать вашими грифом и блинами: это ближайший вес.
training-card-amrap = Сколько сможете: нажмите или напишите, сколько повторов сделали.
training-card-rep-range = Цель — { $reps }–{ $top } повторов: напишите, сколько сделали.
training-card-next = Дальше: { $name } { $set }
training-warmup = 🔥 Сначала разминка: { $steps } { $unit }
training-rest = ⏱ Отдых: осталось { $left } из { $length }

## Подходы сообщением и правки

training-edit-cannot-skip = Правкой можно изменить вес или повторы подхода; чтобы пропустить или отменить, отправьте skip или undo.
training-edit-not-a-set = Это сообщение не записывало подход открытой тренировки, поэтому ничего не изменилось.
training-relogged = Исправлено: { $name }, подход { $number }: { $weight } × { $reps }
training-entry-empty = Отправьте повторы (8), вес × повторы (100x5) или +, если всё по плану.
training-entry-not-an-entry = Не понял: это ни повторы, ни вес × повторы. Отправьте 8, 100x5, + (по плану), skip или undo.
training-entry-too-long = Слишком длинно для подхода. Отправьте 8, 100x5 или +.
training-entry-missing-reps = Сколько повторов? Отправьте так: 100x5.
training-entry-reps-not-whole = Повторы — целые числа, например 5.
training-entry-reps-too-high = Больше 100 повторов? Отправьте, сколько сделали, не больше 100.
training-entry-reps-negative = Повторов не может быть меньше нуля.
training-entry-weight-too-high = Такого веса не выдержит ни один гриф (не больше 1000 kg / 2200 lb).
training-entry-weight-not-positive = Вес должен быть больше нуля.
training-entry-weight-too-precise = Вес — не больше двух знаков после точки, например 102.5.
training-entry-rpe-off-chart = RPE — от 6 до 10 с шагом 0.5, например 100x5 @8 или 8 @8.5.

## Итоги тренировки и их кнопки

training-summary-title = <b>День { $day } завершён!</b> { $name }
training-summary-stats = Подходы: { $done } из { $total } · Объём: { $volume } · Время: { $duration }
training-duration-minutes = { $minutes } мин
training-duration-hours = { $hours } ч { $minutes } мин
training-summary-best = { $name }: лучший e1RM { $e1rm }
training-summary-record = 🏆 Рекорд: { $record }
training-record-reps = { $reps } { $reps ->
        [one] повтор
        [few] повтора
       *[many] повторов
    } с весом { $weight } (было { $previous })
training-record-heaviest = самый большой вес { $weight } (было { $previous })
training-record-e1rm = лучший e1RM { $weight } (было { $previous })
training-summary-progression = <b>Прогрессия</b>
training-summary-no-changes = В этот раз тренировочные максимумы не изменились.
training-tm = ТМ
training-stall = ⚠️ { $lift }: дважды подряд ни одного повтора в подходе «1+». Сброс на 10% ({ $old } → { $new }) поможет снова сдвинуться с места.
training-keep-button = ✅ Оставить новые максимумы
training-kept = Оставлено. Вперёд!
training-nothing-to-decline = Отменять нечего: от этого изменения вы уже отказались.
training-decline-button = ✖ Оставить { $lift } на { $weight }
training-edit-button = ✏️ Задать самому
training-nothing-to-reset = Сбрасывать нечего: этот тренировочный максимум с тех пор изменился.
training-reset-button = ↘ Сбросить { $lift } до { $weight }
training-was-reset = ТМ { $lift } сброшен до { $weight }.
training-declined = { $lift } остаётся на { $weight }.

## /maxes

training-no-maxes = Тренировочных максимумов пока нет. Отправьте /start, чтобы выбрать план.
training-not-your-lift = Для этого упражнения у вас нет тренировочного максимума. Отправьте /maxes, чтобы получить свежий список.
training-not-a-weight = Отправьте только вес, например 130 (больше 0, не больше 1000 kg / 2200 lb).
training-how-to-set = Задайте его так: <code>/maxes squat 130</code> (или сразу несколько: bench 100 ohp 60).
training-maxes-unreadable = Не смог найти здесь упражнение и вес. { training-how-to-set }
training-maxes-title = <b>Тренировочные максимумы</b>
training-maxes-was = { $latest }  <i>(было { $earlier })</i>
training-working-weights-title = <b>Рабочие веса</b> (план меняет их после каждой тренировки)
training-ask-new-max = Отправьте новый { $what ->
        [working] рабочий вес
       *[max] тренировочный максимум
    } для { $lift }, например 130.

## Первые шаги после /start

training-units-prompt = Для начала: в чём вы считаете веса — в килограммах или фунтах?
training-plan-prompt = По какому плану тренируетесь? Сменить его можно в любой момент в /plan, там же можно написать свой.
training-ready = Всё готово: план <b>{ $plan }</b>. Когда будете в зале, отправьте /today, чтобы начать первый день.
training-maxes-done =
    Всё готово! Тренировочные максимумы: { $maxes }.
    Когда будете в зале, отправьте /today, чтобы начать первый день.
training-ask-max =
    Какой у вас { $mode ->
        [tm] тренировочный максимум
       *[one-rep] разовый максимум (1ПМ)
    } в упражнении <b>{ $lift }</b> (в { $unit })?
    Или отправьте все сразу: <code>bench 100 squat 140 ohp 60 deadlift 180</code>
training-tm-share = Тренировочные максимумы составят { $percent }% от них.
training-know-one-rep-maxes = Я лучше знаю свои 1ПМ
training-know-training-maxes = Я знаю свои тренировочные максимумы
training-share-toggle = ТМ = { $other_share }% от моих 1ПМ
training-max-out-of-range = { $typed }: этот вес не похож на правду. Отправьте число больше 0 и не больше { $max } kg.
training-unknown-lift = Я не знаю упражнение «{ $typed }». Используйте bench, squat, ohp или deadlift.
training-maxes-example = Отправьте вес, например 100, или сразу несколько: bench 100 squat 140 ohp 60 deadlift 180.
