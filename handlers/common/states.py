"""Dialog states: each group is one aiogram-dialog dialog."""

from aiogram.fsm.state import State, StatesGroup


class SettingsSG(StatesGroup):
    main = State()
    time_zone = State()
    plates = State()
    bar = State()
    kit = State()


class OnboardingSG(StatesGroup):
    units = State()
    plan = State()
    maxes = State()


class TodaySG(StatesGroup):
    card = State()
    note = State()


class RemindersSG(StatesGroup):
    main = State()
    time = State()
    quiet = State()
