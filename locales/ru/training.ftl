## /today, итоги тренировки, /maxes и первые шаги.

training-rest-over = ⏱ Отдых окончен — следующий подход!
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

## Итоги тренировки и их кнопки

training-summary-title = <b>День { $day } завершён!</b> { $name }
training-summary-stats = Подходы: { $done } из { $total } · Объём: { $volume } · Время: { $duration }
training-duration-minutes = { $minutes } мин
training-duration-hours = { $hours } ч { $minutes } мин
training-summary-best = { $name }: лучший e1RM { $e1rm }
training-summary-record = 🏆 Рекорд: { $record }
training-summary-progression = <b>Прогрессия</b>
training-summary-no-changes = В этот раз тренировочные максимумы не изменились.
training-summary-proposed = ⚖️ <b>Предложено тренеру</b> (он примет, изменит или отклонит):
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

## Почему тренировочный максимум или рабочий вес изменился: «+5 kg: все подходы 5×3+ выполнены»

training-reason-scheme = { $sets }×{ $reps }{ $amrap ->
        [yes] +
       *[no] { "" }
    }
training-reason-scheme-range = { $sets }×{ $reps }–{ $top }
training-reason-week = неделя { $week }{ $deload ->
        [yes] { " " }(разгрузочная)
       *[no] { "" }
    }
training-reason-amrap-table = +{ $increment }: { $reps } { $reps ->
        [one] повтор
        [few] повтора
        [many] повторов
       *[other] повтора
    } в подходе на { $percent }%
training-reason-amrap-table-progression-set = +{ $increment }: { $reps } { $reps ->
        [one] повтор
        [few] повтора
        [many] повторов
       *[other] повтора
    } в подходе прогрессии
training-reason-no-rule = +{ $increment }: для упражнения { $exercise } нет правила прогрессии
training-reason-all-prescribed-sets-made = +{ $increment }: { $sets ->
        [1] единственный подход выполнен
       *[other] все { $sets } { $sets ->
            [one] подход
            [few] подхода
            [many] подходов
           *[other] подхода
        } выполнены
    } по плану
training-reason-cycle-week-done = дальше { $next_week }: { $week } пройдена
training-reason-cycle-set-short = дальше { $next_week }: подход { $set_reps }{ $amrap ->
        [yes] +
       *[no] { "" }
    } на { $percent }% не выполнен ({ $reps } { $reps ->
        [one] повтор
        [few] повтора
        [many] повторов
       *[other] повтора
    }); в конце цикла ТМ снизится на { $off }%
training-reason-cycle-complete = +{ $increment }: { $weeks }-недельный цикл завершён
training-reason-cycle-fell-short = −{ $off }%: в этом цикле не выполнен подход «+»
training-reason-all-sets-made = +{ $increment }: все подходы { $scheme } выполнены
training-reason-session-failed = тот же вес: подход { $scheme } не выполнен ({ $failures ->
        [1] первая
        [2] вторая
        [3] третья
        [4] четвёртая
        [5] пятая
       *[other] { $failures }-я
    } неудачная тренировка подряд)
training-reason-deload-after-failures = −{ $off }%: { $failures ->
        [1] первая
        [2] вторая
        [3] третья
        [4] четвёртая
        [5] пятая
       *[other] { $failures }-я
    } неудачная тренировка подряд
training-reason-range-top-reached = +{ $increment }: все подходы { $scheme } дошли до { $reps } { $reps ->
        [one] повтора
        [few] повторов
        [many] повторов
       *[other] повтора
    }
training-reason-sets-not-logged = тот же вес: записано { $logged } из { $sets } { $sets ->
        [one] подхода
        [few] подходов
        [many] подходов
       *[other] подхода
    }
training-reason-range-top-missed = тот же вес: подход остановился на { $reps } { $reps ->
        [one] повторе
        [few] повторах
        [many] повторах
       *[other] повтора
    }, а нужно { $needed }
training-reason-no-rated-set = тот же вес: нет подхода с повторами и RPE в пределах таблицы
training-reason-rpe-estimate = { $direction ->
        [up] +{ $change }
        [down] −{ $change }
       *[same] тот же вес
    }: { $lifted } × { $reps } @ { $rpe } → e1RM { $e1rm }; { $target_reps } @ { $target_rpe } — это { $percent }%
training-reason-set-fell-short = тот же вес: подход { $scheme } не выполнен
training-reason-stage-advanced = дальше { $scheme }: подход { $failed } не выполнен
training-reason-retest-next = дальше новая проверка { $reps }ПМ: подход { $failed } не выполнен
training-reason-retest-again = снова проверка { $reps }ПМ: ни один подход не дошёл до { $reps } { $reps ->
        [one] повтора
        [few] повторов
        [many] повторов
       *[other] повтора
    }
training-reason-retest-restart = дальше { $scheme } с весом { $weight }: { $percent }% от нового { $reps }ПМ ({ $best })
training-reason-stage-restart-bumped = дальше { $scheme } с весом { $weight }: подход { $failed } не выполнен; это прошлый вес в { $scheme } +{ $increment }
training-reason-last-set-short = тот же вес: { $reps } { $reps ->
        [one] повтор
        [few] повтора
        [many] повторов
       *[other] повтора
    } в последнем подходе { $scheme }, а нужно { $needed }
training-reason-last-set-reached = +{ $increment }: { $reps } { $reps ->
        [one] повтор
        [few] повтора
        [many] повторов
       *[other] повтора
    } в последнем подходе { $scheme }
training-reason-reset-proposed = −{ $off }%: дважды подряд ни одного повтора в подходе «1+»
training-reason-reset-after-stall = сброс на { $off }% после застоя
training-reason-declined = изменение отменено
training-reason-plan-start = начальное значение плана
training-reason-set-by-hand = задано вручную
training-reason-set-by-coach = задано тренером { $coach }
training-reason-from-one-rep-max = { $percent }% от разового максимума { $one_rep_max }
training-reason-note = { $text }

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
