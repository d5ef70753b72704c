"""The exercises come from the solutions, give nothing away, fail only in their checks, keep
running after a failed check, and assess every objective the lessons declare."""

from __future__ import annotations

import json
import re
from concurrent.futures import ThreadPoolExecutor

import nbformat
import pytest
from nbclient import NotebookClient

from exodus_reader.exercises.bank import events, framing, lateral, sources
from exodus_reader.exercises.assign import BEGIN, END, TEXT_STUB, assign
from exodus_reader.exercises.verdicts import NOT_ANSWERED
from exodus_reader.exercises.layout import check_call, exercise_lessons
from exercise_cases import LESSONS, ROOT, appears, forms, notebook, solution_answers

OPTIONS = set(sources.STANCES) | set(framing.TYPED_FUNCTIONS) | set(events.STATUSES) | set(lateral.VERDICTS)


def test_regenerating_the_exercises_gives_exactly_the_committed_ones(tmp_path):
    written = assign(exercises=tmp_path)
    assert sorted(p.name for p in written) == sorted(p.name for p in (ROOT / "exercises").glob("*.ipynb"))
    stale = [p.name for p in written if p.read_bytes() != (ROOT / "exercises" / p.name).read_bytes()]
    assert not stale, f"exercises/ differs from solutions/: run `python -m exodus_reader assign` ({stale})"


@pytest.mark.parametrize("lesson", LESSONS)
def test_exercises_carry_no_outputs_and_no_solution_blocks(lesson):
    exercise = notebook("exercises", lesson)
    code = [c for c in exercise.cells if c.cell_type == "code"]
    assert all(c.outputs == [] and c.execution_count is None for c in code)
    assert not any(BEGIN in c.source or END in c.source for c in exercise.cells)
    assert "widgets" not in exercise.metadata


@pytest.mark.parametrize("lesson", LESSONS)
def test_exercises_keep_cell_ids_and_nbgrader_metadata(lesson):
    solution, exercise = notebook("solutions", lesson), notebook("exercises", lesson)
    assert [c.id for c in exercise.cells] == [c.id for c in solution.cells]
    assert [c.metadata for c in exercise.cells] == [c.metadata for c in solution.cells]


@pytest.mark.parametrize("lesson", LESSONS)
def test_each_stub_names_the_answer_its_check_receives(lesson):
    cells = notebook("exercises", lesson).cells
    for before, cell in zip(cells, cells[1:]):
        call = check_call(cell.source) if cell.cell_type == "code" else None
        if call:
            assert before.source.strip() == f'# hint("{call[0]}")\n{call[1]} = ...', call
    written = [c for c in cells if c.cell_type == "markdown" and c.metadata.get("nbgrader", {}).get("solution")]
    assert written and all(c.source == TEXT_STUB for c in written)


@pytest.mark.parametrize("lesson", LESSONS)
def test_solutions_run_in_order_and_pass_every_check(lesson):
    code = [c for c in notebook("solutions", lesson).cells if c.cell_type == "code"]
    assert [c.execution_count for c in code] == list(range(1, len(code) + 1))
    check_outputs = [c.outputs for c in code if check_call(c.source)]
    assert check_outputs and all(o[0]["text"].startswith("\u2713") and len(o) == 1 for o in check_outputs)


def exercise_text(lesson: str) -> str:
    """Everything a student's copy shows (cells and metadata, not cell ids), minus the headings."""
    exercise = notebook("exercises", lesson)
    metadata = {k: v for k, v in exercise.metadata.items() if k not in ("kernelspec", "language_info")}
    shown = [json.dumps(metadata)] + [c.source + json.dumps(c.metadata) for c in exercise.cells]
    # headings, points and nbgrader's own version numbers are structure, not answers
    return re.sub(r'Question \d+|Exercises \d+|\d+ points?\b|"(?:schema_version|version|points)": \d+', "",
                  "\n".join(shown))


def solution_blocks(lesson: str) -> list[str]:
    """The text of every solution: code between the markers, and the model answers."""
    blocks = []
    for cell in notebook("solutions", lesson).cells:
        if cell.cell_type == "code" and BEGIN in cell.source:
            blocks.append(cell.source.split(BEGIN)[1].split(END)[0])
        elif cell.metadata.get("nbgrader", {}).get("solution"):
            blocks.append(cell.source)
    return blocks


@pytest.mark.parametrize("lesson", LESSONS)
def test_no_answer_from_the_solutions_appears_in_the_exercise(lesson):
    text = exercise_text(lesson)
    grade_ids = {q.grade_id for q in exercise_lessons()[lesson].questions}
    answers = {k: v for k, v in solution_answers().items() if k in grade_ids}
    leaks = [(grade_id, form) for grade_id, value in answers.items()
             for form in forms(value) - OPTIONS if appears(form, text)]
    pieces = [piece.strip() for block in solution_blocks(lesson) for piece in re.split(r"\n|(?<=[.;])\s", block)]
    leaks += [piece for piece in pieces if len(piece) >= 12 and piece in text]
    assert not leaks


def test_nbgrader_itself_accepts_the_solutions():
    """Proved with nbgrader (a test dependency), not only against its schema: its metadata
    validator, then the steps of `nbgrader generate_assignment` that need no database."""
    from nbgrader.nbgraderformat import MetadataValidator
    from nbgrader.preprocessors import CheckCellMetadata, ClearOutput, ClearSolutions, ComputeChecksums, LockCells

    for lesson in LESSONS:
        MetadataValidator().validate_nb(notebook("exercises", lesson))
        released = notebook("solutions", lesson)
        MetadataValidator().validate_nb(released)
        for step in (CheckCellMetadata, ClearSolutions, LockCells, ClearOutput, ComputeChecksums):
            released, _ = step().preprocess(released, {})
        graded = [c for c in released.cells if c.metadata.get("nbgrader", {}).get("grade")]
        assert len(graded) == len(exercise_lessons()[lesson].questions)
        assert all(c.metadata["nbgrader"]["checksum"] for c in graded)
        assert not any(BEGIN in c.source for c in released.cells)


@pytest.fixture(scope="module")
def blank_runs() -> dict[str, nbformat.NotebookNode]:
    """The three blank exercises, each run top to bottom in a fresh kernel, errors NOT allowed:
    nbclient stops at a cell whose execution fails, as JupyterLab's Run All does (the kernel
    aborts the cells queued after it), so getting to the end proves that failed checks do not
    stop Run All."""
    def run(lesson: str) -> nbformat.NotebookNode:
        exercise = notebook("exercises", lesson)
        NotebookClient(exercise, timeout=120, kernel_name="python3", allow_errors=False,
                       resources={"metadata": {"path": str(ROOT / "exercises")}}).execute()
        return exercise

    with ThreadPoolExecutor(len(LESSONS)) as pool:
        return dict(zip(LESSONS, pool.map(run, LESSONS)))


def errors(cell: nbformat.NotebookNode) -> list:
    return [o for o in cell.get("outputs", []) if o.output_type == "error"]


@pytest.mark.parametrize("lesson", LESSONS)
def test_on_the_blank_exercise_every_check_says_not_answered_yet(blank_runs, lesson):
    cells = blank_runs[lesson].cells
    checked = {q.grade_id: q for q in exercise_lessons()[lesson].questions if not q.written}
    seen = []
    for cell in cells:
        call = check_call(cell.source) if cell.cell_type == "code" else None
        if call:
            seen.append(call[0])
            assert [(e.ename, e.evalue, e.traceback) for e in errors(cell)] == [
                ("NotAnsweredYet", NOT_ANSWERED, [f"\u2717 N{NOT_ANSWERED[1:]}"])], call[0]
    assert seen == list(checked)


@pytest.mark.parametrize("lesson", LESSONS)
def test_run_all_reaches_the_last_cell_of_a_blank_exercise(blank_runs, lesson):
    code = [c for c in blank_runs[lesson].cells if c.cell_type == "code"]
    assert [c.execution_count for c in code] == list(range(1, len(code) + 1))


@pytest.mark.parametrize("lesson", LESSONS)
def test_nbgrader_scores_every_failed_check_as_not_passed(blank_runs, lesson):
    from nbgrader.utils import determine_grade

    graded = [c for c in blank_runs[lesson].cells if c.cell_type == "code" and c.metadata.get("nbgrader", {}).get("grade")]
    assert graded and all(determine_grade(c, log=None)[0] == 0 for c in graded)


@pytest.mark.parametrize("lesson", LESSONS)
def test_on_the_blank_exercise_no_other_cell_fails(blank_runs, lesson):
    others = [c for c in blank_runs[lesson].cells if c.cell_type == "code" and not check_call(c.source)]
    assert others and not any(errors(c) for c in others)


@pytest.mark.parametrize("lesson", LESSONS)
def test_solutions_cite_real_paragraphs_and_only_allowed_addresses(lesson):
    from exodus_reader import load

    article = load()
    text = "\n".join(c.source for c in notebook("solutions", lesson).cells)
    cited = set(re.findall(r"\bp\d{2}\b", text))
    assert cited and cited <= set(article.paragraphs["paragraph_id"])
    allowed = {article.meta["url"], article.meta["original_url"], article.meta["video"]["url"],
               *article.timeline["source_url"]}
    assert set(re.findall(r"https?://[^\s)>\]]+", text)) <= allowed


def test_a_check_after_a_failed_answer_cell_says_so_in_one_line():
    """A syntax error in a fresh kernel (the answer never set) and a runtime error after an
    earlier value (the old value must not be judged): both checks name the failed cell."""
    exercise = notebook("exercises", "01_events")
    broken = {"events_wednesday_answer": "announcement_day = 21 September",
              "events_war_paragraph_answer": 'war_paragraph = "p26"\nwar_paragraph = undefined_name'}
    for cell in exercise.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id in broken:
            cell.source = broken[grade_id]
    NotebookClient(exercise, timeout=120, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": str(ROOT / "exercises")}}).execute()
    shown = {call[0]: [line for e in errors(cell) for line in e.traceback]
             for cell in exercise.cells if cell.cell_type == "code" and (call := check_call(cell.source))}
    assert shown["events_wednesday"] == ["\u2717 The answer cell above stopped with an error (SyntaxError: invalid "
                                         "syntax), so there is no answer to check. Fix that cell, run it, then run "
                                         "this one."]
    assert shown["events_war_paragraph"] == ["\u2717 The answer cell above stopped with an error (NameError: name "
                                             "'undefined_name' is not defined), so there is no answer to check. Fix "
                                             "that cell, run it, then run this one."]
