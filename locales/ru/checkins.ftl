## checkins: еженедельный опрос и готовность

checkins-intro = 🗓 <b>Еженедельный опрос</b>: пять быстрых вопросов (сон, энергия, стресс, боль в мышцах, настроение) с ответами от 1 до 5 дают оценку готовности. Ваш тренер её видит.
checkins-day-on = Опрос приходит в { $day } в { $at } по вашему времени.
checkins-day-off = Опрос выключен. Выберите день, чтобы включить.
checkins-client-intro = 🗓 <b>Еженедельный опрос клиента</b>: выберите день (сон, энергия, стресс, мышцы, настроение, от 1 до 5).
checkins-client-day-on = Опрос приходит в { $day } в { $at } по его времени.
checkins-client-day-off = Опрос выключен. Выберите день, чтобы включить его клиенту.
checkins-off-button = 🔕 Выключить
checkins-weekday-0 = Пн
checkins-weekday-1 = Вт
checkins-weekday-2 = Ср
checkins-weekday-3 = Чт
checkins-weekday-4 = Пт
checkins-weekday-5 = Сб
checkins-weekday-6 = Вс
checkins-title = 🗓 <b>Еженедельный опрос</b> ({ $number } из 5)
checkins-question-sleep = Как вы спали на этой неделе? 1 = плохо … 5 = отлично
checkins-question-energy = Сколько сил? 1 = нет сил … 5 = полно
checkins-question-stress = Насколько вы напряжены? 1 = спокоен … 5 = очень
checkins-question-soreness = Как болят мышцы? 1 = совсем нет … 5 = сильно
checkins-question-mood = Как настроение? 1 = плохое … 5 = отличное
checkins-done = ✅ Спасибо! Готовность: <b>{ $score }</b>/100.
checkins-not-yours = Это не ваш опрос.
checkins-not-your-client = Этот спортсмен не ваш клиент.
checkins-card-title = 🗓 <b>Опросы</b>
checkins-card-line = { $week }: готовность <b>{ $score }</b> (сон { $sleep }, энергия { $energy }, стресс { $stress }, мышцы { $soreness }, настроение { $mood })
checkins-card-button = 🗓 День опроса
checkins-digest-low = низкая готовность в опросе ({ $score }/100)
