"""The /body dialog's states."""

from aiogram.fsm.state import State, StatesGroup


class BodySG(StatesGroup):
    main = State()
    compare_first = State()
    compare_second = State()
