## Меню команд и то, что Spotter говорит в любом контексте.

common-command-today = Тренировка на сегодня, подход за подходом
common-command-plan = Ваш план: любой день, смена плана, свой план
common-command-teams = Ваши команды: добавьте меня в группу, чтобы создать
common-command-tracks = Треки тренировок: ваши и публичные
common-command-score = Ваш результат в тренировке команды на сегодня
common-group-command-team = Карточка команды: вступить, пригласить, часовой пояс
common-group-command-classes = Занятия на сегодня, с ✅ / ❌
common-group-command-class = Назначить занятие (тренеры)
common-group-command-tracks = Программы команды
common-group-command-track = Вставить программу или подписаться (тренеры)
common-group-command-wod-time = Когда публиковать тренировку дня
common-group-command-wod-note = Заметка или упрощение на день
common-command-goals = Ваши цели и прогресс
common-command-checkin = Еженедельный опрос: его день
common-command-wod = Кондиция: комплекс, бенчмарк, ваш результат
common-command-maxes = Тренировочные максимумы и рабочие веса
common-command-history = Прошлые тренировки; исправить записанный подход
common-command-progress = Графики: e1RM, недельный объём, дни тренировок
common-command-start = Начать или перезапустить Spotter
common-command-body = Вес, замеры и фото прогресса
common-command-reminders = Напоминания о тренировках и недельная сводка
common-command-settings = Часовой пояс и настройки
common-command-health = Анкета о здоровье и экстренные контакты
common-command-coach = Тренерство: стать тренером, пригласить клиентов, ваш тренер
common-command-clients = Ваши клиенты (для тренеров)
common-command-reviews = Видео техники на разбор (для тренеров)
common-command-exercises = Ваши упражнения и добавление нового
common-command-export = Всё, что Spotter хранит о вас, файлами
common-command-delete = Удалить аккаунт и все ваши данные
common-command-billing = Пакеты, счета и оставшиеся занятия; оплата звёздами
common-command-packages = Ваши пакеты на продажу (для тренеров)
common-command-help = Что умеет Spotter

## Ответы на то, что никто другой не понял, и сбои.

common-unknown-command = Такой команды я не знаю. Отправьте /help, чтобы узнать, что я умею.
common-no-card-for-set = Чтобы записать подход, сначала откройте тренировку командой /today.
common-unknown-text = Не совсем понимаю, о чём вы. Отправьте /help, чтобы узнать, что я умею.
common-unsupported-message = С этим я пока ничего не могу сделать. Отправьте /help, чтобы узнать, что я умею.
common-sorry = Извините, у меня что-то пошло не так. Попробуйте ещё раз чуть позже.
common-outdated-card = Эта карточка устарела. Отправьте команду ещё раз, чтобы получить свежую.
common-register-first = Сначала отправьте /start, чтобы я знал, кто вы.
common-missing-max = Сначала мне нужен ваш тренировочный максимум в упражнении { $name }: отправьте /maxes { $lift } и вес, например 60.
common-no-plan = У вас пока нет плана. Отправьте /start, чтобы выбрать его.

## Присланный подход, который Spotter не может прочитать: на карточке тренировки или при исправлении подхода в /history.

common-entry-empty = Отправьте повторения (8), вес × повторения (100x5) или +, если всё по плану.
common-entry-not-an-entry = Не понял: это ни повторения, ни вес × повторения. Отправьте 8, 100x5, + (по плану), skip или undo.
common-entry-too-long = Слишком длинно для подхода. Отправьте 8, 100x5 или +.
common-entry-missing-reps = Сколько повторений? Отправьте в виде 100x5.
common-entry-reps-not-whole = Повторения — целые числа, например 5.
common-entry-reps-too-high = Больше 100 повторений? Отправьте, сколько сделали, не больше 100.
common-entry-reps-negative = Повторений не может быть меньше нуля.
common-entry-weight-too-high = Такого веса не выдержит ни один гриф (не больше 1000 kg / 2200 lb).
common-entry-weight-not-positive = Вес должен быть больше нуля.
common-entry-weight-too-precise = У веса не больше двух знаков после точки, например 102.5.
common-entry-rpe-off-chart = RPE — от 6 до 10 с шагом 0.5, например 100x5 @8 или 8 @8.5.

## Личный рекорд: в итогах тренировки и в недельной сводке.

common-record-reps = { $reps } { $reps ->
        [one] повторение
        [few] повторения
       *[many] повторений
    } с весом { $weight } (было { $previous })
common-record-heaviest = самый большой вес { $weight } (было { $previous })
common-record-e1rm = лучший e1RM { $weight } (было { $previous })
