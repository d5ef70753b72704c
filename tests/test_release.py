"""The student release holds no solutions and no answer key.

It is built into a temporary folder, then read file by file. Three things are proved:
the teacher's files are not there; no line of solution code and no model answer is in any
file; and no accepted form of any answer is in any file a student reads as text, except
where the data states it:
- ``data/`` and the lesson notebooks show the article and its annotations, which are what the
  exercises ask about (the words "realized" or "TASS" are in the article itself), and the
  data-stated strings are removed from every other file before it is read;
- ``exodus_reader/`` must know each expected value to give feedback (two judgement answers
  are written in the question bank in plain words): the release hides the answers from sight, it is
  not a lock, as RELEASE.md and docs/teacher-guide.md say.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT
from exercise_cases import CASES, appears, forms, solution_answers
from exodus_reader import load
from exodus_reader.__main__ import main
from exodus_reader.exercises.assign import BEGIN, END
from exodus_reader.exercises.bank.events import STATUSES
from exodus_reader.exercises.bank.framing import TYPED_FUNCTIONS
from exodus_reader.exercises.bank.lateral import VERDICTS
from exodus_reader.exercises.bank.sources import STANCES
from exodus_reader.delivery.release import write_release

#: Every lesson with a solution notebook, whichever lessons exist.
LESSONS = tuple(sorted(path.stem for path in (ROOT / "solutions").glob("*.ipynb")))
#: The words a question offers as its options: naming them is not giving the answer.
OPTIONS = {word for option in (*STANCES, *STATUSES, *TYPED_FUNCTIONS, *VERDICTS) for word in (option, *option.split())}
#: Small counts and number words are in every text (times, points, "three or four sentences");
#: "fact" is a glossary word (an accepted way to write 'stated').
ORDINARY = re.compile(r"\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|fact", re.IGNORECASE)


@pytest.fixture(scope="module")
def release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_release(tmp_path_factory.mktemp("release") / "student-release")


def texts(folder: Path) -> dict[str, str]:
    return {str(path.relative_to(folder)): path.read_text(encoding="utf-8", errors="replace")
            for path in sorted(folder.rglob("*")) if path.is_file()}


def stated_by_the_data() -> list[str]:
    """The article's lines and every text cell of the annotations, longest first."""
    article = load()
    stated = set(article.text.splitlines())
    for name in ("paragraphs", "sources", "quotes", "events", "places", "devices", "numbers", "frames",
                 "frame_reasons", "entman", "verbs", "references"):
        table = getattr(article, name)
        for column in table.columns:
            stated |= {v for v in table[column] if isinstance(v, str) and len(v.strip()) >= 3}
    return sorted((s for s in stated if len(s.strip()) >= 3), key=len, reverse=True)


def accepted_forms(grade_id: str, value: object) -> set[str]:
    """The solution's answer and the plain accepted answers, as they could be written."""
    found = set(forms(value))
    case = CASES.get(grade_id)
    for source in case.accepted if case else ():
        if re.fullmatch(r'"[^"]*"', source):
            found.add(source.strip('"'))
    return {f for f in found if f.strip() and f.lower() not in OPTIONS and not ORDINARY.fullmatch(f)}


def test_the_teachers_files_are_not_there(release):
    names = set(texts(release))
    assert not (release / "solutions").exists() and not (release / "tests").exists()
    assert not (release / "benchmarks").exists() and not (release / "docs" / "rubric.md").exists()
    assert not [n for n in names if n.endswith("expected_gradebook.csv") or "exercise_cases" in n]
    for needed in ("notebooks/00_start_here.ipynb", "exodus_reader/exercises/verdicts.py", "data/article.txt",
                   "LICENSE", "LICENSE-CONTENT", "README.md", "environment.yml", "pyproject.toml",
                   "constraints.txt", "Makefile", "binder/postBuild", "RELEASE.md"):
        assert needed in names, needed
    for lesson in LESSONS:
        assert f"exercises/{lesson}.ipynb" in names and f"notebooks/{lesson}.ipynb" in names, lesson


def test_no_solution_code_or_model_answer_is_in_any_file(release):
    import nbformat

    pieces = set()
    for lesson in LESSONS:
        for cell in nbformat.read(ROOT / "solutions" / f"{lesson}.ipynb", as_version=4).cells:
            if cell.cell_type == "code" and BEGIN in cell.source:
                block = cell.source.split(BEGIN)[1].split(END)[0]
            elif cell.metadata.get("nbgrader", {}).get("solution"):
                block = cell.source
            else:
                continue
            pieces |= {p.strip() for p in re.split(r"\n|(?<=[.;])\s", block) if len(p.strip()) >= 20}
    assert pieces
    found = [(name, piece) for name, text in texts(release).items() for piece in pieces if piece in text]
    assert not found


def test_no_accepted_answer_can_be_read_from_the_release(release):
    stated = stated_by_the_data()
    readable = {}
    # what the lessons and the data teach (lesson 05 reads the coverage set) is no answer key
    taught = " ".join(text for name, text in texts(release).items() if name.startswith(("data/", "notebooks/")))
    for name, text in texts(release).items():
        if name.startswith(("data/", "exodus_reader/", "notebooks/")):
            continue
        for line in stated:
            text = text.replace(line, " ")
        readable[name] = text
    answers = solution_answers(LESSONS)
    assert answers
    leaks = [(grade_id, form, name) for grade_id, value in answers.items()
             for form in accepted_forms(grade_id, value) if not appears(form, taught)
             for name, text in readable.items() if appears(form, text)]
    assert not leaks


def test_the_command_writes_a_folder_and_an_archive(tmp_path, capsys):
    out = tmp_path / "student-release"
    assert main(["release", "--out", str(out), "--zip"]) == 0
    assert capsys.readouterr().out.startswith(f"wrote {out}.zip")
    with zipfile.ZipFile(f"{out}.zip") as bundle:
        names = bundle.namelist()
    assert "student-release/exercises/01_events.ipynb" in names
    assert not [n for n in names if "/solutions/" in n or "/tests/" in n]
    assert main(["release", "--out", str(out)]) == 0  # an earlier release is replaced


def test_the_command_never_writes_over_other_work(tmp_path, capsys):
    (tmp_path / "homework").mkdir()
    (tmp_path / "homework" / "mine.txt").write_text("my own work")
    assert main(["release", "--out", str(tmp_path / "homework")]) == 1
    assert "is not an earlier release" in capsys.readouterr().err
    assert (tmp_path / "homework" / "mine.txt").read_text() == "my own work"
