## Importing another app's export (Strong, Hevy)

account-import-preview =
    <b>Import from { $app }</b>
    Workouts to add: { $workouts } ({ $first } – { $last })
    Sets: { $sets }, of them warm-ups: { $warmups }
account-import-duplicates = Workouts already in your history, left out: { $count }
account-import-skipped-rows = Rows with no weight and reps (cardio, timed holds), left out: { $count }
account-import-matched = <b>Matched to the exercise library:</b>
account-import-created = <b>New exercises of your own:</b>
account-import-more = …and { $count } more
account-import-warmups-note = Warm-up sets come in as warm-ups: in your history, never a record.
account-import-nothing-new = Every workout in this file is in your history already.
account-import-button = Import
account-import-cancel-button = Cancel
account-import-cancelled = Not imported.
account-import-done = Imported. Workouts: { $workouts }, sets: { $sets }, records: { $records }. See /history and /progress.
account-import-undo-button = Undo this import
account-import-undone = Import undone. Workouts removed: { $workouts }.
account-import-nothing-to-undo = Nothing to undo: that import is gone.
account-import-already = This file was imported on { $date } (workouts: { $workouts }); nothing is imported twice.
account-import-gone = That import is no longer waiting: send the file again.
account-import-problem-too-big = The file is too big: an export up to 2 MB, please.
account-import-problem-encoding = The file is not UTF-8 text. Export the CSV from the app again and send it as it is.
account-import-problem-header = This is not a Strong or Hevy export: its first row must be the app's column names.
account-import-problem-row = Line { $line }: the { $column } does not read. Nothing was imported.
account-import-problem-empty = The file has no sets with weight and reps to import.

## /export and /delete

account-export-json-caption = Everything Spotter holds about you, table by table (JSON).
account-export-csv-caption = Your sets in Strong's CSV format: Strong, Hevy and Spotter read it.
account-export-plans-caption = The plans you wrote, as plan text.
account-delete-warning =
    <b>Erase your account?</b>
    This deletes everything Spotter holds about you: profile, plans, maxes, workouts, records, conditioning results, coach links and messages, team memberships and scores. Queued messages to you are cancelled. It cannot be undone: send /export first to keep a copy.
account-delete-continue-button = Continue
account-delete-keep-button = Keep my account
account-delete-confirm = <b>Last step.</b> Erase everything now? This cannot be undone.
account-delete-erase-button = Erase everything
account-delete-cancelled = Nothing was erased.
account-delete-expired = That button has expired: send /delete again.
account-delete-nothing = There is nothing to erase.
account-deleted = Everything Spotter held about you is erased. Send /start if you ever want to begin again.

## Exercises of your own

account-exercises-title = <b>Your own exercises</b>
account-exercises-none = None yet.
account-exercises-how =
    To add one, send a line like
    <code>exercise: Cable fly, chest, accessory, upper</code>
    Muscle groups: { $groups }. Categories: { $categories }. Then upper or lower body. The same name again corrects it.
account-exercises-how-shared = As a bot admin, <code>shared exercise: …</code> adds to the library everyone shares.
account-exercise-added = Added to your exercises: { $name }.
account-exercise-shared = In the shared library now: { $name }.
account-exercise-not-admin = Only bot admins add to the shared library: send it as <code>exercise: …</code> to make it your own.
account-exercise-problem-parts = Four parts, separated by commas: <code>exercise: Cable fly, chest, accessory, upper</code>
account-exercise-problem-name = The name takes 2 to 60 characters.
account-exercise-problem-muscle-group = The muscle group is one of: { $groups }.
account-exercise-problem-category = The category is one of: { $categories }.
account-exercise-problem-region = The last part is upper or lower (body).
account-exercises-how-client = A coach adds one to a client's with <code>exercise for @username: …</code> (or their first name).
account-exercise-added-for = Added to { $client }'s exercises: { $name }.
account-exercise-no-such-client = None of your current clients goes by “{ $client }”: use their @username or first name as /clients shows it.
