## training

training-rest-over = ⏱ Отдых окончен — следующий подход!
