"""Make the students' exercises from the solutions: one source, never two.

``solutions/`` holds the authoritative notebooks, with nbgrader metadata, the
answers between ``### BEGIN SOLUTION`` and ``### END SOLUTION``, and their
outputs. :func:`assign` writes ``exercises/`` from them:

- in an answer cell, each solution block becomes a stub that names the answer
  and runs without error, ``answer = ...``, so a blank exercise runs top to
  bottom and only its checks fail;
- a written answer (a markdown cell marked as a solution) becomes
  ``YOUR ANSWER HERE``, as nbgrader does;
- outputs and execution counts are cleared; cell ids and metadata are kept.

:func:`set_points` changes a question's points in that one source and writes the exercises
again; :func:`copy_exercises` gives a student copies of their own.

>>> print(strip_solution("### BEGIN SOLUTION\\nwar = article.events\\n### END SOLUTION"))
war = ...
"""

from __future__ import annotations

import ast
import copy
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import OneLineError
from ..paths import EXERCISES, MY_EXERCISES, SOLUTIONS

if TYPE_CHECKING:  # nbformat is imported where it is used: the grader's start need not pay for it
    import nbformat

BEGIN = "### BEGIN SOLUTION"
END = "### END SOLUTION"
TEXT_STUB = "YOUR ANSWER HERE"


class AssignError(OneLineError):
    """A solution notebook that cannot be turned into an exercise."""


def answer_name(block: str) -> str:
    """The name a solution block assigns last: the answer the check receives.

    >>> answer_name("numbers = article.numbers\\nby_status = numbers['status'].value_counts()")
    'by_status'
    >>> answer_name("print(1)")
    Traceback (most recent call last):
    ...
    exodus_reader.exercises.assign.AssignError: a solution block must end by assigning its answer to a name: 'print(1)'
    """
    try:
        statements = ast.parse(block).body
    except SyntaxError as error:
        raise AssignError(f"a solution block is not valid Python ({error.msg}): {block!r}") from None
    for statement in reversed(statements):
        if isinstance(statement, (ast.Assign, ast.AnnAssign)):
            targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
            if isinstance(targets[-1], ast.Name):
                return targets[-1].id
    raise AssignError(f"a solution block must end by assigning its answer to a name: {block!r}")


def strip_solution(source: str) -> str:
    """Replace every solution block in a code cell by a stub, ``name = ...``.

    Lines outside the blocks stay; the stub keeps the block's indentation.

    >>> print(strip_solution("# the day\\n### BEGIN SOLUTION\\nday = 21\\n### END SOLUTION"))
    # the day
    day = ...
    >>> strip_solution("### BEGIN SOLUTION\\nday = 21")
    Traceback (most recent call last):
    ...
    exodus_reader.exercises.assign.AssignError: '### BEGIN SOLUTION' without '### END SOLUTION'
    """
    kept: list[str] = []
    block: list[str] | None = None
    indent = ""
    for line in source.splitlines():
        if line.strip() == BEGIN:
            if block is not None:
                raise AssignError(f"{BEGIN!r} inside another solution block")
            block, indent = [], line[:len(line) - len(line.lstrip())]
        elif line.strip() == END:
            if block is None:
                raise AssignError(f"{END!r} without {BEGIN!r}")
            kept.append(f"{indent}{answer_name(_dedent(block, indent))} = ...")
            block = None
        elif block is not None:
            block.append(line)
        else:
            kept.append(line)
    if block is not None:
        raise AssignError(f"{BEGIN!r} without {END!r}")
    return "\n".join(kept)


def _dedent(lines: list[str], indent: str) -> str:
    return "\n".join(line[len(indent):] if line.startswith(indent) else line for line in lines)


def is_solution(cell: nbformat.NotebookNode) -> bool:
    """Whether nbgrader's metadata marks a cell as holding a solution.

    >>> import nbformat
    >>> is_solution(nbformat.v4.new_code_cell("x = 1", metadata={"nbgrader": {"solution": True}}))
    True
    """
    return bool(cell.get("metadata", {}).get("nbgrader", {}).get("solution"))


def exercise_cell(cell: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """The student's version of one cell.

    >>> import nbformat
    >>> cell = nbformat.v4.new_markdown_cell("The model answer.", metadata={"nbgrader": {"solution": True}})
    >>> exercise_cell(cell).source
    'YOUR ANSWER HERE'
    """
    cell = copy.deepcopy(cell)
    if cell.cell_type == "code":
        cell.outputs = []
        cell.execution_count = None
        cell.metadata.pop("execution", None)
        if is_solution(cell):
            if BEGIN not in cell.source:
                raise AssignError(f"answer cell {cell.get('id')!r} has no {BEGIN!r} block")
            cell.source = strip_solution(cell.source)
        elif BEGIN in cell.source:
            raise AssignError(f"cell {cell.get('id')!r} has a solution block but no nbgrader solution metadata")
    elif is_solution(cell):
        cell.source = TEXT_STUB
    return cell


def make_exercise(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """The student's version of a solution notebook.

    >>> import nbformat
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 1", execution_count=1)])
    >>> make_exercise(nb).cells[0].execution_count is None
    True
    """
    exercise = copy.deepcopy(notebook)
    exercise.cells = [exercise_cell(cell) for cell in notebook.cells]
    exercise.metadata.pop("widgets", None)
    return exercise


def _notebooks_for(source: Path, what: str, target: Path) -> list[Path]:
    """The notebooks of a folder, in order, with the target folder made ready; one line if there are none."""
    notebooks = sorted(source.glob("*.ipynb"))
    if not notebooks:
        raise AssignError(f"there are no {what} in {source}")
    target.mkdir(parents=True, exist_ok=True)
    return notebooks


def assign(solutions: Path = SOLUTIONS, exercises: Path = EXERCISES) -> list[Path]:
    """Write an exercise for every solution notebook and return the files written.

    >>> import tempfile
    >>> written = assign(exercises=Path(tempfile.mkdtemp()))
    >>> [path.name for path in written]
    ['01_events.ipynb', '02_sources.ipynb', '03_framing.ipynb', '05_lateral.ipynb']
    >>> assign(Path(tempfile.mkdtemp()), Path(tempfile.mkdtemp()))
    Traceback (most recent call last):
    ...
    exodus_reader.exercises.assign.AssignError: there are no solutions in ...
    """
    import nbformat

    sources = _notebooks_for(solutions, "solutions", exercises)
    written = []
    for path in sources:
        notebook = nbformat.read(path, as_version=4)
        target = exercises / path.name
        nbformat.write(make_exercise(notebook), target)
        written.append(target)
    return written


def copy_exercises(target: Path = MY_EXERCISES, exercises: Path = EXERCISES) -> list[tuple[Path, bool]]:
    """Copy every exercise into a student's own folder, never over a copy already there.

    Returns each file of the folder with whether it was copied now (False: kept as it was).

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> [(path.name, new) for path, new in copy_exercises(folder)][0]
    ('01_events.ipynb', True)
    >>> [new for path, new in copy_exercises(folder)]
    [False, False, False, False]
    """
    sources = _notebooks_for(exercises, "exercises", target)
    done = []
    for source in sources:
        copy = target / source.name
        if copy.exists():
            done.append((copy, False))
            continue
        copy.write_bytes(source.read_bytes())
        done.append((copy, True))
    return done


def set_points(lesson: str, grade_id: str, points: float, solutions: Path = SOLUTIONS,
               exercises: Path = EXERCISES) -> list[Path]:
    """Give a question new points in ``solutions/``, and regenerate ``exercises/`` from it.

    The grader, the gradebook and the exports take points from ``exercises/``, so this one
    edit changes them everywhere. Results already graded count with the new points at the
    next ``feedback`` or grading run.

    >>> set_points("01_events", "events_nothing", 2)
    Traceback (most recent call last):
    ...
    exodus_reader.errors.OneLineError: 01_events has no question events_nothing
    """
    import nbformat

    path = solutions / f"{lesson}.ipynb"
    if not path.is_file():
        raise OneLineError(f"there is no lesson {lesson!r} in {solutions}")
    if not 0 < points <= 100:
        raise OneLineError(f"points must be more than 0 (and at most 100), not {points:g}")
    notebook = nbformat.read(path, as_version=4)
    graded = [c for c in notebook.cells if c.metadata.get("nbgrader", {}).get("grade")
              and c.metadata["nbgrader"].get("grade_id") == grade_id]
    if not graded:
        raise OneLineError(f"{lesson} has no question {grade_id}")
    graded[0].metadata["nbgrader"]["points"] = int(points) if float(points).is_integer() else points
    nbformat.write(notebook, path)
    return [path, *assign(solutions, exercises)]
