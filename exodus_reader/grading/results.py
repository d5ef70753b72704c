"""What the grader found in one submission, and the verdict it gives on each question.

A :class:`Run` holds what running a submission produced (an :class:`Answer` per question,
or one problem for all of them). :func:`grade_rows` turns it into the gradebook's rows, one
per question, and :func:`verdict_line` into the words a student reads about each: the
feedback file and the self-check use the same wording. The grader (``grade``), the
gradebook and the self-check all build on this module; it imports none of them.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields

from ..exercises.assign import TEXT_STUB
from ..exercises.layout import Lesson, Question, exercise_lessons  # noqa: F401  (exercise_lessons: for doctests)
from ..exercises.transport import from_plain

#: Longest written answer copied into the gradebook.
MAX_WRITTEN = 4_000
#: The feedback of a written question left blank.
NO_WRITTEN_ANSWER = "no written answer."
#: The status of a written answer that waits for the teacher's mark.
WRITTEN_WAITING = "needs manual grading"


@dataclass
class Answer:
    """What the grader learned about one question of one submission."""

    plain: dict | None = None
    status: str | None = None
    detail: str = ""
    notes: list[str] = field(default_factory=list)
    text: str | None = None


@dataclass
class Run:
    """The result of running one submission: per question, or one problem for all."""

    student: str
    lesson: str | None
    path: str
    answers: dict[str, Answer] = field(default_factory=dict)
    problem: str | None = None
    detail: str = ""
    other: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        """The run as plain data, for the grading journal and the gradebook's results.json.

        >>> Run("ada", "01_events", "a.ipynb", {"q": Answer(text="hi")}).to_json()["answers"]["q"]["text"]
        'hi'
        """
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> Run:
        """A run back from :meth:`to_json`; fields this version does not know are left out.

        >>> run = Run.from_json({"student": "ada", "lesson": "01_events", "path": "a.ipynb",
        ...                      "answers": {"q": {"text": "hi", "retired": 1}}, "retired": 2})
        >>> run.answers["q"].text, run.problem
        ('hi', None)
        """
        run = cls(**{key: value for key, value in data.items() if key in _field_names(cls)})
        run.answers = {key: Answer(**{name: value for name, value in answer.items() if name in _field_names(Answer)})
                       for key, answer in run.answers.items()}
        return run


def _field_names(cls: type) -> set[str]:
    return {f.name for f in fields(cls)}


def points_text(value: float) -> str:
    """Points as a teacher writes them.

    >>> points_text(3.0), points_text(2.5)
    ('3', '2.5')
    """
    return f"{value:g}"


def _one_line(text: str, limit: int = MAX_WRITTEN) -> str:
    """Text on one line, shortened to a limit.

    >>> _one_line("two\\n\\nlines")
    'two lines'
    """
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit] + "\u2026"


def grade_rows(run: Run, known: dict[str, Lesson]) -> list[dict[str, str]]:
    """The gradebook rows for one run: one per question of its lesson.

    >>> run = Run("ada", "01_events", "ada.ipynb", problem="no cells", detail="the notebook has no cells.")
    >>> rows = grade_rows(run, exercise_lessons())
    >>> len(rows) == len(exercise_lessons()["01_events"].questions), rows[0]["question"], rows[0]["status"]
    (True, 'events_wednesday', 'no cells')
    """
    lesson = known.get(run.lesson or "")
    if lesson is None:
        return [_row(run.student, run.lesson or "", "", 0, 0, run.problem or "unknown lesson", run.detail)]
    rows = []
    for q in lesson.questions:
        if run.problem:
            rows.append(_row(run.student, lesson.name, q.grade_id, 0, q.points, run.problem, run.detail))
            continue
        answer = run.answers.get(q.grade_id, Answer())
        if q.written:
            text = answer.text or ""
            if not text or text == TEXT_STUB:
                rows.append(_row(run.student, lesson.name, q.grade_id, 0, q.points, "not answered",
                                 NO_WRITTEN_ANSWER))
            else:
                rows.append(_row(run.student, lesson.name, q.grade_id, None, q.points, WRITTEN_WAITING,
                                 _one_line(text)))
            continue
        status, message = judge(q, answer)
        feedback = " ".join([message, *answer.notes]).strip()
        rows.append(_row(run.student, lesson.name, q.grade_id, q.points if status == "correct" else 0, q.points,
                         status, feedback))
    return rows


def judge(question: Question, answer: Answer) -> tuple[str, str]:
    """The status and feedback for one checked answer; a hostile value cannot stop the grader.

    >>> q = exercise_lessons()["01_events"].question("events_wednesday")
    >>> judge(q, Answer(plain={"type": "str", "value": "Wednesday"}))[0]
    'wrong type'
    >>> judge(q, Answer(plain={"type": "float", "value": "inf"}))[0]
    'wrong type'
    """
    from ..exercises.bank import evaluate

    if answer.plain is None:
        return answer.status or "missing", answer.detail
    try:
        outcome = evaluate(question.grade_id, from_plain(answer.plain))
    except Exception as error:  # an answer no check foresaw: that question only
        return "error", f"the grader could not judge this answer ({type(error).__name__})."
    if outcome.status == "not answered":
        return outcome.status, f"the answer cell was left blank ({question.variable} = ...)."
    return outcome.status, outcome.message


def _row(student: str, lesson: str, question: str, points: float | None, maximum: float, status: str,
         feedback: str) -> dict:
    return {"student": student, "lesson": lesson, "question": question,
            "points": "" if points is None else points_text(points), "maximum": points_text(maximum),
            "status": status, "feedback": feedback}


#: The words before a check's feedback, by status; any other status means the answer could not be checked.
_HEADINGS = {"misconception": "not yet right", "incorrect": "not yet right",
             "wrong type": "not the kind of answer asked for", "not answered": "not answered yet"}


def verdict_line(status: str, feedback: str) -> str:
    """What a student reads about one question: the one wording of the feedback file and the self-check.

    >>> verdict_line("correct", "Correct.")
    'correct.'
    >>> verdict_line("misconception", "that is the day the article was published (p06).")
    'not yet right: that is the day the article was published (p06).'
    >>> verdict_line("needs manual grading", "Three days before the date line.")
    'written answer, 6 words: your teacher will grade it.'
    >>> verdict_line("not answered", NO_WRITTEN_ANSWER)
    'written answer: not answered yet.'
    >>> verdict_line("timed out", "the answer cell ran too long and was stopped.")
    'not passed: the answer cell ran too long and was stopped.'
    """
    if status == "correct":
        return "correct."
    if status == "needs manual grading":
        words = len(feedback.split())
        return f"written answer, {words} word{'s' if words != 1 else ''}: your teacher will grade it."
    if status == "not answered" and feedback == NO_WRITTEN_ANSWER:
        return "written answer: not answered yet."
    return f"{_HEADINGS.get(status, 'not passed')}: {feedback}"
