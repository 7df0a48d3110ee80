## goals: /goals, шкалы прогресса, поздравления, оценки тренера

goals-title = 🎯 <b>Ваши цели</b>
goals-empty = 🎯 Целей пока нет.
goals-help = Поставьте цель: /goals и цель, например:
    <code>/goals squat e1rm 160 до 2027-03-01</code> (расчётный максимум)
    <code>/goals bench 100 до 2027-03-01</code> (самый большой вес)
    <code>/goals bodyweight 80 до 2027-06-01</code>
    <code>/goals fran 3:30 до 2027-06-01</code> (время комплекса)
    <code>/goals sessions 4 до 2027-06-01</code> (тренировок в неделю)
    <code>/goals waist 80cm до 2027-06-01</code>
goals-line = <b>{ $subject }</b>: { $target } к { $due }
goals-now = { $bar } · сейчас { $current }
goals-no-reading = данных пока нет
goals-completed = ✅ достигнута
goals-paused = ⏸ на паузе
goals-kind-e1rm = { $lift }: e1RM
goals-kind-lift = { $lift }
goals-kind-body-weight = Вес тела
goals-kind-sessions = Тренировок на этой неделе
goals-set = 🎯 Цель поставлена.
goals-pause-button = ⏸ Пауза: { $subject }
goals-resume-button = ▶️ Продолжить: { $subject }
goals-not-yours = Это не ваша цель.
goals-reached = 🎉 <b>Цель достигнута!</b> { $subject }: { $current } (цель { $target }). Отлично!
goals-problem-format = Не понял цель. Напишите что, цель и дату, например <code>/goals squat e1rm 160 до 2027-03-01</code>.
goals-problem-date = Такой даты нет. Пишите так: <code>2027-03-01</code>.
goals-problem-past = Эта дата прошла. Выберите будущую.
goals-problem-target = Цель вне допустимых значений (время пишется <code>3:30</code>).
goals-problem-unknown_lift = Не знаю такого упражнения. Попробуйте squat, bench, deadlift или ohp.
goals-problem-reached = Вы уже там: выберите цель выше текущего уровня.
goals-problem-too_many = У вас уже 20 открытых целей: сначала достигните каких-нибудь.
goals-assessments-title = 📋 <b>Оценки</b>
goals-assessment-line = { $day }: { $tests }
goals-assessment-notes = <i>{ $notes }</i>
goals-assess-button = 📋 Оценки
goals-none = 📋 Оценок пока нет.
goals-assess-prompt = Ответьте новой оценкой: тесты в первой строке, заметки ниже.
goals-assess-saved = 📋 Оценка сохранена.
goals-assess-empty = В оценке нужны тесты или заметки. Ничего не сохранено.
goals-not-your-client = Этот спортсмен не ваш клиент.
