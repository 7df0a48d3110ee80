## training

training-rest-over = ⏱ Rest is over — next set!
