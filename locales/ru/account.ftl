## Импорт выгрузки другого приложения (Strong, Hevy)

account-import-preview =
    <b>Импорт из { $app }</b>
    Тренировок добавится: { $workouts } ({ $first } – { $last })
    Подходов: { $sets }, из них разминочных: { $warmups }
account-import-duplicates = Уже есть в вашей истории, пропущено тренировок: { $count }
account-import-skipped-rows = Строк без веса и повторений (кардио, статика) пропущено: { $count }
account-import-matched = <b>Сопоставлено с библиотекой упражнений:</b>
account-import-created = <b>Новые ваши упражнения:</b>
account-import-more = …и ещё { $count }
account-import-warmups-note = Разминочные подходы импортируются как разминка: видны в истории, но рекордами не считаются.
account-import-nothing-new = Все тренировки из этого файла уже есть в вашей истории.
account-import-button = Импортировать
account-import-cancel-button = Отмена
account-import-cancelled = Не импортировано.
account-import-done = Импортировано тренировок: { $workouts }; подходов: { $sets }, рекордов: { $records }. Смотрите /history и /progress.
account-import-undo-button = Отменить этот импорт
account-import-undone = Импорт отменён: удалено тренировок: { $workouts }.
account-import-nothing-to-undo = Отменять нечего: этого импорта уже нет.
account-import-already = Этот файл уже импортирован { $date } (тренировок: { $workouts }); дважды ничего не импортируется.
account-import-gone = Этот импорт больше не ждёт: пришлите файл ещё раз.
account-import-problem-too-big = Файл слишком большой: пришлите выгрузку до 2 МБ.
account-import-problem-encoding = Файл не в кодировке UTF-8. Выгрузите CSV из приложения заново и пришлите как есть.
account-import-problem-header = Это не выгрузка Strong или Hevy: первая строка должна содержать названия столбцов приложения.
account-import-problem-row = Строка { $line }: не читается столбец { $column }. Ничего не импортировано.
account-import-problem-empty = В файле нет подходов с весом и повторениями.

## /export и /delete

account-export-json-caption = Всё, что Spotter хранит о вас, по таблицам (JSON).
account-export-csv-caption = Ваши подходы в формате CSV приложения Strong: его читают Strong, Hevy и Spotter.
account-export-plans-caption = Планы, которые вы написали, в текстовом формате планов.
account-delete-warning =
    <b>Удалить аккаунт?</b>
    Будет удалено всё, что Spotter хранит о вас: профиль, планы, максимумы, тренировки, рекорды, результаты кондиционных тренировок, связи с тренером и переписка, членство в командах и результаты. Сообщения вам в очереди будут отменены. Отменить удаление нельзя: сначала отправьте /export, чтобы сохранить копию.
account-delete-continue-button = Продолжить
account-delete-keep-button = Оставить аккаунт
account-delete-confirm = <b>Последний шаг.</b> Удалить всё сейчас? Отменить это нельзя.
account-delete-erase-button = Удалить всё
account-delete-cancelled = Ничего не удалено.
account-delete-expired = Кнопка устарела: отправьте /delete ещё раз.
account-delete-nothing = Удалять нечего.
account-deleted = Всё, что Spotter хранил о вас, удалено. Отправьте /start, если захотите начать заново.

## Свои упражнения

account-exercises-title = <b>Ваши упражнения</b>
account-exercises-none = Пока нет.
account-exercises-how =
    Чтобы добавить, отправьте строку вида
    <code>exercise: Cable fly, chest, accessory, upper</code>
    Группы мышц: { $groups }. Категории: { $categories }. Затем upper или lower (верх или низ тела). То же название ещё раз исправляет упражнение.
account-exercises-how-shared = Как администратор бота, строкой <code>shared exercise: …</code> вы добавляете упражнение в общую библиотеку.
account-exercise-added = Добавлено в ваши упражнения: { $name }.
account-exercise-shared = Теперь в общей библиотеке: { $name }.
account-exercise-not-admin = В общую библиотеку добавляют только администраторы бота: отправьте строку как <code>exercise: …</code>, и упражнение станет вашим.
account-exercise-problem-parts = Четыре части через запятую: <code>exercise: Cable fly, chest, accessory, upper</code>
account-exercise-problem-name = Название — от 2 до 60 символов.
account-exercise-problem-muscle-group = Группа мышц — одна из: { $groups }.
account-exercise-problem-category = Категория — одна из: { $categories }.
account-exercise-problem-region = Последняя часть — upper или lower (верх или низ тела).
account-exercises-how-client = Тренер добавляет упражнение клиенту строкой <code>exercise for @username: …</code> (или по имени).
account-exercise-added-for = Добавлено в упражнения клиента { $client }: { $name }.
account-exercise-no-such-client = Среди ваших текущих клиентов нет «{ $client }»: укажите @username или имя, как в /clients.
