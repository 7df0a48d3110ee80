"""Whole sessions through advance_workout: prescribe a built-in day, log it, read the next one.

Every expected weight is TRAINING.md arithmetic worked out by hand in the comments.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal

from bench.sample_training import builtin_plan
from domain.plans.library import load_exercises
from domain.plans.model import Plan
from domain.plans.rules import LinearState, RuleState
from domain.plans.text.parse import parse_plan_text
from domain.shared.weights import Rounding, Unit, Weight
from domain.training.advance import Progress, advance_workout
from domain.training.model import DoneSet, PrescribedSet, Workout, WorkoutSet
from domain.training.prescription import AthleteLoading, prescribe_day
from handlers.training.texts import reason_text

EXERCISES = load_exercises()
KG = AthleteLoading(Unit.KG, Decimal("2.5"), Rounding.NEAREST)
LB = AthleteLoading(Unit.LB, Decimal("5"), Rounding.NEAREST)
AT = datetime(2025, 3, 3, 18, 0, tzinfo=UTC)

# 5/3/1 (531-bbb): days 1–4 are week 1 (press, deadlift, bench, squat), 5–8 week 2, 9–12
# week 3 and 13–16 the deload week.
SQUAT_531 = {1: 4, 2: 8, 3: 12, 4: 16}
BENCH_531 = {1: 3, 2: 7, 3: 11, 4: 15}


def kg(amount: str) -> Weight:
    return Weight(Decimal(amount), Unit.KG)


def lb(amount: str) -> Weight:
    return Weight(Decimal(amount), Unit.LB)


@dataclass
class Lifter:
    """One athlete on one plan: training maxes and rule states carried from session to session."""

    plan: Plan
    athlete: AthleteLoading = KG
    tms: dict[str, Weight] = field(default_factory=dict)
    tracks: dict[str, RuleState] = field(default_factory=dict)

    def next_sets(self, day: int, *, deload: bool = False) -> tuple[PrescribedSet, ...]:
        return prescribe_day(
            self.plan,
            day,
            self.tms,
            unit=self.athlete.unit,
            step=self.athlete.step,
            rounding=self.athlete.rounding,
            tracks=self.tracks,
            deload=deload,
        )

    def scheme(self, day: int, track: str) -> list[tuple[Decimal, int, bool]]:
        """The work sets a slot asks for next: (weight, reps, amrap) each."""
        return [
            (s.weight.amount, s.reps, s.amrap)
            for s in self.next_sets(day)
            if f"{s.exercise}/{s.tier}" == track and s.counts
        ]

    def train(
        self,
        day: int,
        *,
        reps: Mapping[str, Sequence[int | None]] | None = None,
        weights: Mapping[str, Weight] | None = None,
        skipped: frozenset[str] = frozenset(),
        rpe: Mapping[str, Decimal] | None = None,
        deload: bool = False,
    ) -> Progress:
        """Lift the day as prescribed except where told, then keep what the plan decides.

        `reps` gives, per track ("squat/T1"), the reps of its sets in order (None: not logged);
        `weights` the load the athlete actually used on every set of a track; `skipped` tracks
        whose sets were all skipped; `rpe` the effort the athlete rated every set of a track.
        """
        logged = []
        for prescribed in self.next_sets(day, deload=deload):
            track = f"{prescribed.exercise}/{prescribed.tier}"
            planned = (reps or {}).get(track, ())
            done_reps = (
                planned[prescribed.set_number - 1]
                if prescribed.set_number <= len(planned)
                else prescribed.reps
            )
            weight = (weights or {}).get(track, prescribed.weight)
            if track in skipped:
                logged.append(WorkoutSet(prescribed, None, skipped=True))
            elif done_reps is None:
                logged.append(WorkoutSet(prescribed))
            else:
                rated = (rpe or {}).get(track)
                logged.append(WorkoutSet(prescribed, DoneSet(weight, done_reps, AT, rated)))
        workout = Workout(
            id=1,
            athlete_id=7,
            plan_slug=self.plan.slug,
            day_number=day,
            day_name=self.plan.day(day).name,
            started_at=AT,
            sets=tuple(logged),
            deload=deload,
        )
        progress = advance_workout(
            self.plan,
            workout,
            exercises=EXERCISES,
            training_maxes=self.tms,
            tracks=self.tracks,
            athlete=self.athlete,
        )
        for update in progress.tracks:
            self.tracks[update.key] = update.state
        for change in progress.changes:
            if change.track is None:
                self.tms[change.exercise] = change.new
        return progress


def tm_changes(progress: Progress) -> dict[str, tuple[Decimal, Decimal]]:
    return {c.exercise: (c.old.amount, c.new.amount) for c in progress.changes if c.track is None}


# --- GZCLP -----------------------------------------------------------------------------------


def test_gzclp_t1_steps_down_5x3_6x2_10x1_then_restarts_at_85_percent_of_a_new_5rm() -> None:
    lifter = Lifter(builtin_plan("gzclp"), tms={"squat": kg("125"), "bench": kg("100")})
    # A1: squat T1 starts at 80% of the 125 kg TM = 100 kg, 4×3 then 1×3+
    assert lifter.scheme(1, "squat/T1") == [(Decimal(100), 3, False)] * 4 + [
        (Decimal(100), 3, True)
    ]

    lifter.train(1, reps={"squat/T1": [3, 3, 3, 3, 6]})  # made: +5 kg (lower body)
    assert lifter.scheme(1, "squat/T1")[0] == (Decimal(105), 3, False)

    lifter.train(1, reps={"squat/T1": [3, 3, 3, 2, 2]})  # a set short: 6×2+ at the same weight
    assert lifter.scheme(1, "squat/T1") == [(Decimal(105), 2, False)] * 5 + [
        (Decimal(105), 2, True)
    ]

    lifter.train(1, reps={"squat/T1": [2, 2, 2, 2, 1, 1]})  # short again: 10×1+, same weight
    assert lifter.scheme(1, "squat/T1") == [(Decimal(105), 1, False)] * 9 + [
        (Decimal(105), 1, True)
    ]

    lifter.train(1, reps={"squat/T1": [1] * 9 + [0]})  # short on 10×1+: test a new 5RM
    assert [(reps, amrap) for _, reps, amrap in lifter.scheme(1, "squat/T1")] == [(5, True)]

    # the athlete works up to 115 kg for 5; 85% of it is 97.75 kg → 97.5 kg (39.1 steps)
    lifter.train(1, reps={"squat/T1": [5]}, weights={"squat/T1": kg("115")})
    assert lifter.scheme(1, "squat/T1") == [(Decimal("97.5"), 3, False)] * 4 + [
        (Decimal("97.5"), 3, True)
    ]


def test_gzclp_t1_on_an_upper_body_lift_adds_2_5_kg_or_5_lb() -> None:
    in_kg = Lifter(builtin_plan("gzclp"), tms={"bench": kg("100"), "squat": kg("100")})
    in_kg.train(3)  # B1: bench T1 at 80 kg, every set made
    assert in_kg.scheme(3, "bench/T1")[0] == (Decimal("82.5"), 3, False)

    # 80% of 185 lb is 148 lb → 150 lb; made → 155 lb
    in_lb = Lifter(builtin_plan("gzclp"), LB, tms={"bench": lb("185"), "squat": lb("225")})
    in_lb.train(3)
    assert in_lb.scheme(3, "bench/T1")[0] == (Decimal(155), 3, False)


def test_gzclp_t2_3x10_3x8_3x6_then_3x10_at_the_last_3x10_weight_plus_the_bump() -> None:
    lifter = Lifter(builtin_plan("gzclp"), tms={"squat": kg("100"), "bench": kg("100")})
    # A1: bench T2 starts at 60% of the 100 kg TM = 60 kg, 3×10
    assert lifter.scheme(1, "bench/T2") == [(Decimal(60), 10, False)] * 3

    lifter.train(1)  # every 3×10 set made: +2.5 kg (upper body)
    assert lifter.scheme(1, "bench/T2") == [(Decimal("62.5"), 10, False)] * 3

    lifter.train(1, reps={"bench/T2": [10, 10, 9]})
    assert lifter.scheme(1, "bench/T2") == [(Decimal("62.5"), 8, False)] * 3

    lifter.train(1, reps={"bench/T2": [8, 7, 6]})
    assert lifter.scheme(1, "bench/T2") == [(Decimal("62.5"), 6, False)] * 3

    # 3×6 failed: back to 3×10 at the last 3×10 weight, 62.5 kg, + 7.5 kg = 70 kg
    lifter.train(1, reps={"bench/T2": [6, 5, 5]})
    assert lifter.scheme(1, "bench/T2") == [(Decimal(70), 10, False)] * 3


def test_gzclp_t2_deadlift_in_lb_bumps_20_lb_after_failing_3x6() -> None:
    lifter = Lifter(builtin_plan("gzclp"), LB, tms={"ohp": lb("100"), "deadlift": lb("300")})
    # A2: deadlift T2 at 60% of 300 lb = 180 lb
    assert lifter.scheme(2, "deadlift/T2")[0] == (Decimal(180), 10, False)
    for short in ([10, 10, 8], [8, 8, 7], [6, 6, 4]):
        lifter.train(2, reps={"deadlift/T2": short})
    assert lifter.scheme(2, "deadlift/T2") == [(Decimal(200), 10, False)] * 3


def test_gzclp_t3_adds_weight_only_once_the_last_set_reaches_25_reps() -> None:
    lifter = Lifter(builtin_plan("gzclp"), tms={"squat": kg("100"), "bench": kg("100")})
    # A1: lat pulldown T3 starts at the plan's 25 kg, 2×15 then 1×15+
    assert lifter.scheme(1, "lat_pulldown/T3")[-1] == (Decimal(25), 15, True)

    lifter.train(1, reps={"lat_pulldown/T3": [15, 15, 24]})
    assert lifter.scheme(1, "lat_pulldown/T3")[-1] == (Decimal(25), 15, True)

    lifter.train(1, reps={"lat_pulldown/T3": [15, 15, 25]})
    assert lifter.scheme(1, "lat_pulldown/T3")[-1] == (Decimal("27.5"), 15, True)


# --- StrongLifts -----------------------------------------------------------------------------

MISSED_5X5 = [5, 5, 5, 4, 3]


def test_stronglifts_three_failed_sessions_in_a_row_take_10_percent_off_rounded() -> None:
    lifter = Lifter(builtin_plan("stronglifts"), tracks={"squat/T1": LinearState(kg("102.5"))})
    for _ in range(2):
        lifter.train(1, reps={"squat/T1": MISSED_5X5})
        assert lifter.scheme(1, "squat/T1")[0] == (Decimal("102.5"), 5, False)
    lifter.train(1, reps={"squat/T1": MISSED_5X5})
    # 90% of 102.5 kg is 92.25 kg → 92.5 kg (36.9 steps of 2.5)
    assert lifter.scheme(1, "squat/T1") == [(Decimal("92.5"), 5, False)] * 5


def test_stronglifts_deload_in_lb_rounds_a_tie_up() -> None:
    lifter = Lifter(builtin_plan("stronglifts"), LB, tracks={"squat/T1": LinearState(lb("225"))})
    for _ in range(3):
        lifter.train(1, reps={"squat/T1": MISSED_5X5})
    # 90% of 225 lb is 202.5 lb: exactly 40.5 steps of 5 lb, a tie, so up to 205 lb
    assert lifter.scheme(1, "squat/T1")[0] == (Decimal(205), 5, False)


def test_stronglifts_a_success_between_failures_restarts_the_count() -> None:
    lifter = Lifter(builtin_plan("stronglifts"), tracks={"squat/T1": LinearState(kg("100"))})
    lifter.train(1, reps={"squat/T1": MISSED_5X5})
    lifter.train(1, reps={"squat/T1": MISSED_5X5})
    lifter.train(1)  # made: 102.5 kg
    lifter.train(1, reps={"squat/T1": MISSED_5X5})
    lifter.train(1, reps={"squat/T1": MISSED_5X5})
    # two failures since the success: still 102.5 kg, no deload yet
    assert lifter.scheme(1, "squat/T1")[0] == (Decimal("102.5"), 5, False)


def test_stronglifts_a_good_session_adds_2_5_kg_and_the_deadlift_5_kg() -> None:
    lifter = Lifter(builtin_plan("stronglifts"))
    lifter.train(1)  # A: squat, bench 20 kg; row 30 kg
    lifter.train(2)  # B: squat 22.5 kg, OHP 20 kg, deadlift 40 kg
    assert lifter.scheme(1, "squat/T1")[0] == (Decimal(25), 5, False)
    assert lifter.scheme(1, "bench/T1")[0] == (Decimal("22.5"), 5, False)
    assert lifter.scheme(1, "barbell_row/T1")[0] == (Decimal("32.5"), 5, False)
    assert lifter.scheme(2, "ohp/T1")[0] == (Decimal("22.5"), 5, False)
    assert lifter.scheme(2, "deadlift/T1") == [(Decimal(45), 5, False)]


def test_stronglifts_in_lb_adds_5_lb_and_the_deadlift_10_lb() -> None:
    lifter = Lifter(builtin_plan("stronglifts"), LB)
    lifter.train(2)  # B: squat and OHP 45 lb, deadlift 95 lb
    assert lifter.scheme(2, "squat/T1")[0] == (Decimal(50), 5, False)
    assert lifter.scheme(2, "deadlift/T1") == [(Decimal(105), 5, False)]


def test_stronglifts_lifting_heavier_than_prescribed_progresses_from_the_lifted_weight() -> None:
    lifter = Lifter(builtin_plan("stronglifts"))
    # prescribed the empty bar, the athlete squats 5×5 at 60 kg
    lifter.train(1, weights={"squat/T1": kg("60")})
    assert lifter.scheme(1, "squat/T1")[0] == (Decimal("62.5"), 5, False)


# --- 5/3/1 -----------------------------------------------------------------------------------


def test_531_weeks_one_to_three_leave_the_tm_and_the_deload_week_raises_it() -> None:
    lifter = Lifter(builtin_plan("531-bbb"), tms={"squat": kg("100"), "bench": kg("80")})
    for week in (1, 2, 3):
        assert tm_changes(lifter.train(SQUAT_531[week])) == {}
        assert tm_changes(lifter.train(BENCH_531[week])) == {}
    assert lifter.tms == {"squat": kg("100"), "bench": kg("80")}

    # week 4 ends the cycle: +5 kg lower, +2.5 kg upper
    assert tm_changes(lifter.train(SQUAT_531[4])) == {"squat": (Decimal(100), Decimal(105))}
    assert tm_changes(lifter.train(BENCH_531[4])) == {"bench": (Decimal(80), Decimal("82.5"))}
    # the next cycle's week 1 runs off the new TM: 65% of 105 kg = 68.25 kg → 67.5 kg
    assert lifter.scheme(SQUAT_531[1], "squat/T1")[0] == (Decimal("67.5"), 5, False)


def test_531_in_lb_adds_10_lb_to_a_lower_body_tm_at_the_cycle_end() -> None:
    lifter = Lifter(builtin_plan("531-fsl"), LB, tms={"squat": lb("300")})
    for week in (1, 2, 3, 4):
        lifter.train(SQUAT_531[week])
    assert lifter.tms["squat"] == lb("310")


def test_531_a_short_plus_set_earlier_in_the_cycle_takes_10_percent_off_at_its_end() -> None:
    lifter = Lifter(builtin_plan("531-bbb"), tms={"squat": kg("100")})
    lifter.train(SQUAT_531[1])
    # week 2: 70×3, 80×3, then only 2 reps on the 90% 3+ set
    assert tm_changes(lifter.train(SQUAT_531[2], reps={"squat/T1": [3, 3, 2]})) == {}
    lifter.train(SQUAT_531[3])
    # the TM stays put until the cycle ends, so week 3 still runs off 100 kg
    assert lifter.tms["squat"] == kg("100")
    assert tm_changes(lifter.train(SQUAT_531[4])) == {"squat": (Decimal(100), Decimal(90))}


def test_531_joker_sets_neither_stall_nor_raise_anything() -> None:
    with_jokers = Lifter(builtin_plan("531-bbb"), tms={"squat": kg("100")})
    without = Lifter(builtin_plan("531-bbb"), tms={"squat": kg("100")})
    # week 3: 75×5, 85×3, 95×1+ made; the 100% and 105% joker singles missed, or not tried
    for lifter, week_3 in ((with_jokers, [5, 3, 1, 0, 0]), (without, [5, 3, 1, None, None])):
        lifter.train(SQUAT_531[1])
        lifter.train(SQUAT_531[2])
        lifter.train(SQUAT_531[3], reps={"squat/T1": week_3})
        lifter.train(SQUAT_531[4])

    assert with_jokers.tms["squat"] == without.tms["squat"] == kg("105")


def test_531_an_athlete_chosen_deload_on_a_training_week_changes_nothing() -> None:
    lifter = Lifter(builtin_plan("531-bbb"), tms={"squat": kg("100")})
    progress = lifter.train(SQUAT_531[2], reps={"squat/T1": [3, 3, 0]}, deload=True)
    assert progress == Progress((), ())
    assert lifter.tracks == {}


# --- nSuns -----------------------------------------------------------------------------------

NSUNS_KG = {"bench": kg("100"), "squat": kg("140"), "deadlift": kg("180"), "ohp": kg("60")}


def test_nsuns_4day_ohp_rises_2_5_kg_when_every_ohp_set_is_made() -> None:
    lifter = Lifter(builtin_plan("nsuns-4day"), tms=dict(NSUNS_KG))
    progress = lifter.train(1)
    assert tm_changes(progress) == {"ohp": (Decimal(60), Decimal("62.5"))}


def test_nsuns_4day_ohp_in_lb_rises_5_lb() -> None:
    lifter = Lifter(builtin_plan("nsuns-4day"), LB, tms={"bench": lb("225"), "ohp": lb("135")})
    assert tm_changes(lifter.train(1)) == {"ohp": (Decimal(135), Decimal(140))}


def test_nsuns_4day_ohp_stays_when_a_set_falls_short_or_is_left_out() -> None:
    short = Lifter(builtin_plan("nsuns-4day"), tms=dict(NSUNS_KG))
    # OHP 6, 5, 3, 5, 7, 4, 6, 8: the fifth set stops at 6 of 7
    assert tm_changes(short.train(1, reps={"ohp/T2": [6, 5, 3, 5, 6, 4, 6, 8]})) == {}

    unlogged = Lifter(builtin_plan("nsuns-4day"), tms=dict(NSUNS_KG))
    assert tm_changes(unlogged.train(1, reps={"ohp/T2": [6, 5, 3, 5, 7, 4, 6, None]})) == {}

    lighter = Lifter(builtin_plan("nsuns-4day"), tms=dict(NSUNS_KG))
    # 70% of 60 kg is 42 kg → 42.5 kg prescribed; every rep done at 40 kg is not as prescribed
    assert tm_changes(lighter.train(1, weights={"ohp/T2": kg("40")})) == {}


def test_nsuns_five_reps_on_the_95_percent_squat_set_add_5_kg() -> None:
    lifter = Lifter(builtin_plan("nsuns-4day"), tms=dict(NSUNS_KG))
    # squat 75×5, 85×3, 95×1+ (5 reps), ...
    progress = lifter.train(2, reps={"squat/T1": [5, 3, 5]})
    assert tm_changes(progress) == {"squat": (Decimal(140), Decimal(145))}


def test_nsuns_increments_follow_the_reps_table_by_region_and_unit() -> None:
    cases = [
        # (day, track, tm, reps on the 1+ set, new tm)
        (3, "bench/T1", lb("225"), 6, Decimal(235)),  # upper 6+: +10 lb
        (3, "bench/T1", lb("225"), 4, Decimal(230)),  # upper 4–5: +5 lb
        (4, "deadlift/T1", lb("405"), 7, Decimal(420)),  # lower 6+: +15 lb
        (4, "deadlift/T1", lb("405"), 2, Decimal(410)),  # lower 2–3: +5 lb
    ]
    for day, track, tm, reps, expected in cases:
        exercise = track.split("/")[0]
        lifter = Lifter(builtin_plan("nsuns-4day"), LB, tms={exercise: tm, "squat": lb("300")})
        progress = lifter.train(day, reps={track: [5, 3, reps]})
        assert tm_changes(progress) == {exercise: (tm.amount, expected)}, (track, reps)


def test_nsuns_only_the_1_plus_set_drives_the_tm_not_the_last_amrap_set() -> None:
    lifter = Lifter(builtin_plan("nsuns-4day"), tms=dict(NSUNS_KG))
    # a single on the 95% set (+0) and 12 reps on the 65% 5+ set at the end
    progress = lifter.train(2, reps={"squat/T1": [5, 3, 1, 3, 3, 3, 5, 5, 12]})
    assert tm_changes(progress) == {}


def test_nsuns_a_deload_workout_on_a_normal_day_changes_nothing() -> None:
    lifter = Lifter(builtin_plan("nsuns-4day"), tms=dict(NSUNS_KG))
    progress = lifter.train(2, reps={"squat/T1": [5, 3, 8]}, deload=True)
    assert progress == Progress((), ())
    assert lifter.tms == NSUNS_KG


def test_stronglifts_a_deload_workout_keeps_the_working_weight() -> None:
    lifter = Lifter(builtin_plan("stronglifts"), tracks={"squat/T1": LinearState(kg("100"))})
    # the deload prescribes 60%: 60 kg, all made
    assert lifter.next_sets(1, deload=True)[0].weight == kg("60")
    assert lifter.train(1, deload=True) == Progress((), ())
    assert lifter.scheme(1, "squat/T1")[0] == (Decimal(100), 5, False)


# --- nothing logged --------------------------------------------------------------------------


def test_a_slot_with_nothing_logged_changes_nothing() -> None:
    lifter = Lifter(builtin_plan("stronglifts"))
    progress = lifter.train(1, reps={"bench/T1": [None] * 5}, skipped=frozenset({"barbell_row/T1"}))
    assert [update.key for update in progress.tracks] == ["squat/T1"]
    assert lifter.scheme(1, "bench/T1")[0] == (Decimal(20), 5, False)
    assert lifter.scheme(1, "barbell_row/T1")[0] == (Decimal(30), 5, False)


def test_an_nsuns_day_with_the_1_plus_set_not_logged_leaves_the_tm() -> None:
    lifter = Lifter(builtin_plan("nsuns-4day"), tms=dict(NSUNS_KG))
    progress = lifter.train(2, reps={"squat/T1": [5, 3, None]})
    assert tm_changes(progress) == {}


# --- rules the shipped programs don't use ------------------------------------------------------


def custom(line: str) -> Plan:
    return parse_plan_text(f"plan: Custom\nday: A\n{line}\n", EXERCISES)


def test_double_progression_adds_weight_once_every_set_reaches_the_top_of_the_range() -> None:
    lifter = Lifter(custom("bench: 3x8-12 ; double +2.5kg/5lb start 50%"), tms={"bench": kg("100")})
    assert lifter.scheme(1, "bench/T1") == [(Decimal(50), 8, False)] * 3

    lifter.train(1, reps={"bench/T1": [12, 12, 11]})
    assert lifter.scheme(1, "bench/T1")[0] == (Decimal(50), 8, False)

    lifter.train(1, reps={"bench/T1": [12, 12, 12]})
    assert lifter.scheme(1, "bench/T1")[0] == (Decimal("52.5"), 8, False)


def test_rpe_targets_follow_the_e1rm_of_the_rated_sets() -> None:
    lifter = Lifter(custom("squat: 3x5 @8 ; rpe start 70%"), tms={"squat": kg("100")})
    assert lifter.scheme(1, "squat/T1") == [(Decimal(70), 5, False)] * 3

    # 100 kg × 5 at RPE 8: e1RM 100 / 0.811 ≈ 123.3 kg; 5 @ 8 is 81.1% of it → 100 kg again
    lifter.train(1, weights={"squat/T1": kg("100")}, rpe={"squat/T1": Decimal(8)})
    assert lifter.scheme(1, "squat/T1")[0] == (Decimal(100), 5, False)

    # the same sets at RPE 7: e1RM 100 / 0.786 ≈ 127.2 kg; × 0.811 ≈ 103.2 kg → 102.5 kg
    lifter.train(1, weights={"squat/T1": kg("100")}, rpe={"squat/T1": Decimal(7)})
    assert lifter.scheme(1, "squat/T1")[0] == (Decimal("102.5"), 5, False)


def test_unrated_rpe_sets_keep_the_weight() -> None:
    lifter = Lifter(custom("squat: 3x5 @8 ; rpe start 70%"), tms={"squat": kg("100")})
    lifter.train(1)  # 3×5 at 70 kg, no RPE given
    assert lifter.scheme(1, "squat/T1")[0] == (Decimal(70), 5, False)


# --- regressions from the review of #4 --------------------------------------------------------


def test_531_the_last_week_lifted_again_or_jumped_to_raises_nothing() -> None:
    """#4: the cycle ends once per cycle, and only for a lift that went through its weeks."""
    lifter = Lifter(builtin_plan("531-bbb"), tms={"squat": kg("100")})
    assert tm_changes(lifter.train(SQUAT_531[1])) == {}
    assert tm_changes(lifter.train(SQUAT_531[4])) == {}  # straight from week 1: no cycle done
    for week in (2, 3, 4):
        lifter.train(SQUAT_531[week])
    assert lifter.tms["squat"] == kg("105")
    assert tm_changes(lifter.train(SQUAT_531[4])) == {}  # week 4 again: still 105 kg
    assert lifter.tms["squat"] == kg("105")


def test_stronglifts_a_set_lifted_lighter_is_a_set_not_made() -> None:
    """#4: four sets at the working weight and one lighter is a failed session, not a rebase."""
    lifter = Lifter(builtin_plan("stronglifts"))
    lifter.train(1, weights={"squat/T1": kg("100")})  # 100 kg becomes the working weight
    lighter = lifter.next_sets(1)
    assert lighter[0].weight == kg("102.5")

    progress = lifter.train(1, reps={"squat/T1": [5, 5, 5, 5, 5]}, weights={"squat/T1": kg("80")})

    squat = next(c for c in progress.changes if c.track == "squat/T1")
    assert squat.new == kg("102.5")  # the same weight again
    assert "fell short" in reason_text(squat.reason)


def test_switching_from_gzclp_to_stronglifts_keeps_the_squat_working_weight() -> None:
    """#4: a working weight carries over between plans whose rules differ."""
    gzclp = Lifter(builtin_plan("gzclp"), tms={"squat": kg("125"), "bench": kg("90")})
    gzclp.train(1, weights={"squat/T1": kg("105")})
    assert gzclp.tracks["squat/T1"].weight == kg("110")  # type: ignore[union-attr]

    stronglifts = Lifter(builtin_plan("stronglifts"), tracks=dict(gzclp.tracks))

    assert stronglifts.next_sets(1)[0].weight == kg("110")  # not the empty bar


def test_a_plan_rewritten_while_a_workout_is_open_moves_no_other_lift() -> None:
    """#4: sets are matched to a slot by its exercise too, not by its place alone."""
    lifter = Lifter(custom("T1 squat: 3x5 ; linear +2.5kg/5lb start 100kg/225lb"))
    sets = lifter.next_sets(1)
    rewritten = custom("T1 bench: 3x5 ; linear +2.5kg/5lb start 60kg/135lb")
    workout = Workout(
        1,
        7,
        rewritten.slug,
        1,
        "A",
        AT,
        tuple(WorkoutSet(s, DoneSet(s.weight, 5, AT)) for s in sets),
    )

    progress = advance_workout(
        rewritten, workout, exercises=EXERCISES, training_maxes={}, tracks={}, athlete=KG
    )

    assert progress == Progress((), ())
