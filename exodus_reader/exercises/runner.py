"""The one runner: every notebook the module executes runs through this module.

- ``make outputs`` runs the module's own notebooks with :func:`save_outputs`, each in a
  fresh kernel (:func:`execute_notebook`), keeping widget state.
- The classroom grader and the students' self-check run a submission's code as a list
  of :class:`Step` with :func:`run_submission`. The code never runs in the caller's
  process: a child process (``python -m exodus_reader.exercises.runner``) starts the kernel and
  reports back plain JSON. On Linux with bubblewrap the child runs sealed off
  (:func:`sandbox_command`): no network, its own process namespace that ends with it,
  the module and its data read-only, ``solutions/``, the submissions and the gradebook
  absent, an empty private working folder, and limits on memory, processes, file size
  and time. What comes back is size-capped and type-checked before anyone reads it.

nbclient does the work underneath. Kernels are separate processes already, so the
caller runs several submissions at once with threads; nothing is forked.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..paths import DATA_DIR, PACKAGE
from .transport import safe_plain

#: The mime type under which the kernel hands an answer to the runner.
ANSWER_MIME = "application/vnd.exodus-reader.answer+json"
#: The error name a cell that ran past its time limit reports.
TIMED_OUT = "GraderTimeout"
#: The states a step can end in.
STATES = ("ok", "error", "timed out", "kernel stopped", "not run")
#: This Python, by a path the sandbox also has: ".." left out, links kept (a virtual
#: environment's python is a link, and only through it does Python find the environment).
PYTHON = os.path.abspath(sys.executable)


def block_slow_imports() -> None:
    """Skip an optional grammar that jsonschema compiles at import and nbformat never uses.

    Importing nbclient takes about 2 s with it and 0.5 s without it, and a student
    waits for that on every self-check.

    >>> block_slow_imports(); "rfc3987_syntax" in sys.modules
    True
    """
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Step:
    """One piece of code to run: a student's cell, the set-up, or reading an answer."""

    source: str
    owner: str | None = None
    reads: str | None = None
    trusted: bool = False


@dataclass(frozen=True)
class Limits:
    """How long, how much memory and how many processes a submission may use.

    >>> Limits(cell=0.5).cell
    0.5
    """

    cell: float = 30.0
    setup: float = 120.0
    notebook: float = 600.0
    memory_mb: int = 1536
    processes: int = 256
    file_mb: int = 64
    report_mb: int = 8

    def __post_init__(self) -> None:
        for name in ("cell", "setup", "notebook"):
            if not getattr(self, name) > 0:
                raise ValueError(f"the {name} time limit must be a positive number of seconds")


# --- running code in a kernel (inside the child, or for the module's own notebooks) ----

def _size(content: dict) -> int:
    """About how many bytes one output message carries.

    >>> _size({"text": "abc"}), _size({"data": {"text/plain": "ab"}})
    (3, 2)
    """
    if "text" in content:
        return len(str(content["text"]))
    data = content.get("data", {})
    return sum(len(str(value)) for value in data.values()) if isinstance(data, dict) else 0


def _client_class() -> type:
    """A notebook client that keeps only errors and answers, and counts what is printed."""
    block_slow_imports()
    import nbformat
    from nbclient import NotebookClient

    class QuietClient(NotebookClient):
        printed: dict[int, int]

        def output(self, outs: list, msg: dict, display_id: str | None, cell_index: int) -> None:
            content = msg["content"]
            if msg["msg_type"] == "error":
                outs.append(nbformat.v4.new_output("error", ename=str(content.get("ename", ""))[:200],
                                                   evalue=str(content.get("evalue", ""))[:300], traceback=[]))
            elif isinstance(content.get("data"), dict) and ANSWER_MIME in content["data"]:
                outs.append(nbformat.v4.new_output("display_data", data={ANSWER_MIME: content["data"][ANSWER_MIME]}))
            else:
                self.printed[cell_index] = self.printed.get(cell_index, 0) + _size(content)
            return None

    return QuietClient


def _kernel_env(folder: Path) -> dict[str, str]:
    """The environment a kernel starts with: its own folder for every cache and setting."""
    env = {key: value for key, value in os.environ.items()
           if key in ("PATH", "LANG", "LC_ALL", "OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "TZ")}
    # the kernel imports the copy of the package that grades it, also from a source checkout
    env.update(PYTHONPATH=str(PACKAGE.parent), HOME=str(folder), IPYTHONDIR=str(folder / ".ipython"),
               MPLCONFIGDIR=str(folder / ".matplotlib"), JUPYTER_RUNTIME_DIR=str(folder / ".jupyter"),
               JUPYTER_PLATFORM_DIRS="1", MPLBACKEND="Agg", PYTHONDONTWRITEBYTECODE="1", OPENBLAS_NUM_THREADS="1",
               PYDEVD_DISABLE_FILE_VALIDATION="1")
    return env


def run_here(steps: list[Step], limits: Limits, folder: Path) -> list[dict]:
    """Run the steps in a fresh kernel started from this process; report on each.

    Only the child process and :func:`execute_notebook` call this: never the grader.
    Each report has ``state`` (one of :data:`STATES`), the error's name and value, the
    characters printed, and the answer read (plain data).

    >>> import tempfile
    >>> reports = run_here([Step("x = 6 * 7"), Step("1 / 0")], Limits(cell=10), Path(tempfile.mkdtemp()))
    >>> reports[0]["state"], reports[1]["state"], reports[1]["ename"]
    ('ok', 'error', 'ZeroDivisionError')
    """
    block_slow_imports()  # before nbformat, which imports jsonschema: else the grammar costs each run 1 s
    import nbformat

    client_class = _client_class()
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(s.source) for s in steps])
    client = client_class(notebook, timeout=None, kernel_name="python3", allow_errors=True,
                          record_timing=False, interrupt_on_timeout=True, shutdown_kernel="immediate",
                          error_on_timeout={"ename": TIMED_OUT, "evalue": "", "traceback": []},
                          resources={"metadata": {"path": str(folder)}})
    client.printed = {}
    current = {"limit": limits.setup}
    # a float limit: nbclient's own timeout trait takes whole seconds and reads 0 as "none"
    client.timeout_func = lambda cell: current["limit"]
    replies: dict[int, dict] = {}
    client.on_cell_executed = lambda cell, cell_index, execute_reply: replies.__setitem__(cell_index, execute_reply)
    reports: list[dict] = [{"state": "not run", "why": "time limit"} for _ in steps]
    deadline = time.monotonic() + limits.notebook
    # the kernel's start-up warnings are noise to a student; what a cell prints comes by message
    with client.setup_kernel(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=_kernel_env(folder),
                             cwd=str(folder)):
        for index, (step, cell) in enumerate(zip(steps, notebook.cells)):
            if time.monotonic() > deadline or _stuck(reports, index):
                break
            current["limit"] = min(limits.setup if step.trusted else limits.cell,
                                   max(0.1, deadline - time.monotonic()))
            try:
                client.execute_cell(cell, index, store_history=step.reads is None)
            except Exception as error:  # DeadKernelError, or a kernel that stopped answering
                reports[index] = {"state": "kernel stopped", "detail": type(error).__name__}
                for later in reports[index + 1:]:
                    later["why"] = "kernel stopped"
                break
            reports[index] = _report(cell, replies.get(index, {}), client.printed.get(index, 0))
    return reports


def _stuck(reports: list[dict], index: int) -> bool:
    """Two cells in a row that timed out: the kernel ignores interrupts, so stop.

    >>> _stuck([{"state": "timed out"}, {"state": "timed out"}], 2)
    True
    """
    return index >= 2 and all(r["state"] == "timed out" for r in reports[index - 2:index])


def _report(cell: Any, reply: dict, printed: int) -> dict:
    """What one executed cell did, as plain data."""
    content = reply.get("content", {})
    errors = [o for o in cell.outputs if o.output_type == "error"]
    answers = [o.data[ANSWER_MIME] for o in cell.outputs if o.output_type == "display_data"]
    report: dict[str, Any] = {"state": "ok", "printed": printed, "answer": answers[-1] if answers else None}
    if content.get("ename") == TIMED_OUT:
        report["state"] = "timed out"
    elif errors or content.get("status") == "error":
        error = errors[-1] if errors else content
        report.update(state="error", ename=str(error.get("ename", ""))[:200], evalue=str(error.get("evalue", ""))[:300])
    return report


def execute_notebook(notebook: Any, folder: Path, timeout: int = 120) -> Any:
    """Run one of the module's own notebooks top to bottom in a fresh kernel; return it.

    Widget state is kept in the notebook, so a static view shows the widgets as last
    rendered; timings are not recorded, so the file changes only when the outputs do.
    The module's notebooks are trusted: they run unsealed, in their own folder. It starts a
    kernel, so it has no example here; ``tests/test_lab.py`` runs one.
    """
    block_slow_imports()
    from nbclient import NotebookClient

    client = NotebookClient(notebook, timeout=timeout, kernel_name="python3", record_timing=False,
                            store_widget_state=True, resources={"metadata": {"path": str(folder)}})
    # the kernel's start-up warnings (ipykernel's note on TCP, for one) are not for readers
    client.execute(stderr=subprocess.DEVNULL)
    return notebook


def save_outputs(path: Path) -> None:
    """Run one of the module's notebooks in a fresh kernel and write it back with its new outputs.

    What ``make outputs`` does for each notebook and solution. It starts a kernel, so it has
    no example here; ``tests/test_lab.py`` runs it through the ``outputs`` command.
    """
    import nbformat

    notebook = nbformat.read(path, as_version=4)
    execute_notebook(notebook, path.parent)
    nbformat.write(notebook, path)


# --- the sandbox -------------------------------------------------------------------

def _system_mounts() -> list[str]:
    """Read-only views of the system folders, links kept as links."""
    args: list[str] = []
    for name in ("usr", "etc", "bin", "sbin", "lib", "lib32", "lib64", "libx32", "opt"):
        path = Path("/") / name
        if path.is_symlink():
            args += ["--symlink", os.readlink(path), str(path)]
        elif path.is_dir():
            args += ["--ro-bind", str(path), str(path)]
    return args


def _visible_paths() -> list[Path]:
    """What a kernel needs to see: Python, the environment, the package and its data."""
    paths = {Path(sys.base_prefix).resolve(), Path(sys.prefix), Path(sys.prefix).resolve(),
             Path(sys.executable).resolve().parent, PACKAGE, DATA_DIR.resolve()}
    system = tuple(Path("/") / n for n in ("usr", "etc", "bin", "sbin", "lib", "lib32", "lib64", "libx32", "opt"))
    kept = sorted(p for p in paths if p.exists() and not any(p == s or s in p.parents for s in system))
    # a folder inside another one already shown needs no mount of its own
    return [p for p in kept if not any(q in p.parents for q in kept)]


def _with_parents(paths: list[Path]) -> list[str]:
    """bwrap arguments that show each path read-only, its parent folders created as 0755.

    >>> _with_parents([Path("/a/b")])
    ['--perms', '0755', '--dir', '/a', '--ro-bind', '/a/b', '/a/b']
    """
    args: list[str] = []
    made: set[Path] = set()
    for path in paths:
        for parent in reversed(path.parents[:-1]):
            if parent not in made:
                args += ["--perms", "0755", "--dir", str(parent)]
                made.add(parent)
        args += ["--ro-bind", str(path), str(path)]
    return args


SANDBOX_HOME = "/sandbox"


def sandbox_command(limits: Limits, slot: int = 0) -> list[str]:
    """The command that starts the runner's child sealed off with bubblewrap.

    As root, the child runs as an unprivileged user of its own (one per parallel slot),
    so that the process limit holds; as anyone else, as that user in a user namespace.

    >>> command = sandbox_command(Limits())
    >>> command[0].endswith("bwrap"), "--unshare-net" in command, "--die-with-parent" in command
    (True, True, True)
    """
    bwrap = shutil.which("bwrap") or "bwrap"
    root = os.geteuid() == 0
    args = [bwrap, "--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts", "--unshare-cgroup-try",
            "--die-with-parent", "--new-session", "--clearenv"]
    if root:
        args += ["--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID"]
    else:
        args += ["--unshare-user"]
    args += _system_mounts()
    args += ["--dev", "/dev", "--proc", "/proc", "--perms", "1777", "--tmpfs", "/tmp",
             "--perms", "1777", "--tmpfs", SANDBOX_HOME]
    args += _with_parents(_visible_paths())
    args += ["--chdir", SANDBOX_HOME, "--setenv", "PATH", "/usr/bin:/bin", "--setenv", "HOME", SANDBOX_HOME,
             "--setenv", "LANG", "C.UTF-8", "--setenv", "PYTHONPATH", str(PACKAGE.parent)]
    for key in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"):
        if key in os.environ:
            args += ["--setenv", key, os.environ[key]]
    args.append("--")
    if root:
        uid = str(61000 + slot)
        args += [shutil.which("setpriv") or "/usr/bin/setpriv", f"--reuid={uid}", f"--regid={uid}",
                 "--clear-groups", "--inh-caps=-all", "--bounding-set=-all"]
    return args + _limited(limits) + [PYTHON, "-m", "exodus_reader.exercises.runner"]


def _limited(limits: Limits) -> list[str]:
    """prlimit arguments for memory, processes and file size.

    >>> _limited(Limits(memory_mb=100, processes=10, file_mb=1))[1:4]
    ['--as=104857600', '--nproc=10', '--fsize=1048576']
    """
    nproc = limits.processes
    if os.geteuid() != 0:  # the count is per user, and the teacher's own processes count too
        nproc += sum(1 for p in Path("/proc").iterdir() if p.name.isdigit())
    return [shutil.which("prlimit") or "/usr/bin/prlimit", f"--as={limits.memory_mb * 2**20}",
            f"--nproc={nproc}", f"--fsize={limits.file_mb * 2**20}", "--core=0", "--"]


@lru_cache(maxsize=None)
def sandbox_problem() -> str | None:
    """Why submissions cannot be sealed off here, in one line; None when they can.

    >>> sandbox_problem() is None or isinstance(sandbox_problem(), str)
    True
    """
    if not sys.platform.startswith("linux"):
        return f"no sandbox on {sys.platform}: bubblewrap runs on Linux only"
    for tool in ("bwrap", "prlimit") + (("setpriv",) if os.geteuid() == 0 else ()):
        if shutil.which(tool) is None:
            package = {"bwrap": "bubblewrap", "prlimit": "util-linux", "setpriv": "util-linux"}[tool]
            return f"no sandbox: {tool} is not installed (on Debian or Ubuntu: apt-get install {package})"
    # -S: no site packages to scan; the package comes by PYTHONPATH, as it does for the runner
    probe = sandbox_command(Limits())[:-3] + [PYTHON, "-S", "-c", "import exodus_reader.exercises.transport"]
    try:
        done = subprocess.run(probe, stdin=subprocess.DEVNULL, capture_output=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"no sandbox: bubblewrap could not start ({type(error).__name__})"
    if done.returncode != 0:
        said = done.stderr.decode("utf-8", "replace").strip().splitlines()
        return "no sandbox: bubblewrap could not start (" + (said[-1][:200] if said else f"exit {done.returncode}") + ")"
    return None


# --- one submission, run in a child process -----------------------------------------

#: Seconds a child may stay silent (no heartbeat) before it counts as stopped.
SILENCE = 5.0
#: The children running now, so that a stopped grader can end them all.
_RUNNING: set[subprocess.Popen] = set()
_RUNNING_LOCK = threading.Lock()


def stop_all() -> None:
    """End every child that is still running (the grader was interrupted).

    >>> child = subprocess.Popen([PYTHON, "-c", "import time; time.sleep(60)"], start_new_session=True)
    >>> _RUNNING.add(child)
    >>> stop_all()
    >>> child.poll() is not None
    True
    >>> _RUNNING.discard(child)
    """
    with _RUNNING_LOCK:
        children = list(_RUNNING)
    for child in children:
        _end(child)


@dataclass
class Outcome:
    """What came back from one run: a report per step, or one problem for all of them."""

    reports: list[dict]
    problem: str | None = None
    detail: str = ""


def _unsealed_limits(limits: Limits) -> Any:
    """A function that applies the memory and file limits in a child before it starts."""
    def apply() -> None:
        import resource

        _die_with_parent()
        for which, value in ((resource.RLIMIT_AS, limits.memory_mb * 2**20),
                             (resource.RLIMIT_FSIZE, limits.file_mb * 2**20)):
            try:
                resource.setrlimit(which, (value, value))
            except (ValueError, OSError):  # some systems refuse a limit; the time limit still holds
                pass
    return apply


def _die_with_parent() -> None:
    """Ask Linux to end this child when the grader that started it dies."""
    if sys.platform.startswith("linux"):
        import ctypes

        try:
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass


def run_submission(steps: list[Step], limits: Limits, sealed: bool = True, slot: int = 0) -> Outcome:
    """Run a submission's steps in a child process and read back its reports.

    ``sealed`` runs the child in the sandbox (see :func:`sandbox_command`); without it,
    the child runs as the caller's user, with the time and memory limits only. A child
    that runs too long, prints too much, or answers with anything but the expected
    plain data gets an :class:`Outcome` with a ``problem`` and no reports.

    >>> outcome = run_submission([Step("x = 6 * 7"), Step(reading_code("x"), reads="x")],
    ...                          Limits(cell=10), sealed=sandbox_problem() is None)
    >>> outcome.problem, outcome.reports[1]["answer"]
    (None, {'type': 'int', 'value': 42})
    """
    job = json.dumps({"steps": [s.__dict__ for s in steps], "limits": limits.__dict__})
    env = None
    if sealed:
        command = sandbox_command(limits, slot)
        preexec = None
    else:
        command = [PYTHON, "-m", "exodus_reader.exercises.runner"]
        preexec = _unsealed_limits(limits) if os.name == "posix" else None
        env = {**os.environ, "PYTHONPATH": str(PACKAGE.parent)}
    try:
        child = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                 start_new_session=True, preexec_fn=preexec, env=env)
    except OSError as error:
        return Outcome([], "grader error", f"the runner could not start ({type(error).__name__})")
    with _RUNNING_LOCK:
        _RUNNING.add(child)
    try:
        return _talk(child, job, limits, len(steps))
    finally:
        with _RUNNING_LOCK:
            _RUNNING.discard(child)
        if child.poll() is None:
            _end(child)


def _talk(child: subprocess.Popen, job: str, limits: Limits, count: int) -> Outcome:
    """Send the job to a child, read its reply within the caps, and check it."""
    received = bytearray()
    cap = limits.report_mb * 2**20
    overflow = threading.Event()

    def read() -> None:
        while chunk := child.stdout.read(65536):  # type: ignore[union-attr]
            if len(received) + len(chunk) > cap:
                overflow.set()
                _end(child)
                return
            received.extend(chunk)

    beats = [time.monotonic()]

    def listen() -> None:  # the child's heartbeat: a stopped child falls silent
        while child.stderr.read(1):  # type: ignore[union-attr]
            beats[0] = time.monotonic()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    threading.Thread(target=listen, daemon=True).start()
    try:
        child.stdin.write(job.encode("utf-8"))  # type: ignore[union-attr]
        child.stdin.close()  # type: ignore[union-attr]
    except OSError:
        pass
    budget = limits.notebook + 20  # the notebook limit counts from the kernel start; allow for the start itself
    started = time.monotonic()
    while child.poll() is None:
        now = time.monotonic()
        if now - started > budget or now - beats[0] > SILENCE:
            _end(child)
            reader.join(5)
            if now - started > budget:
                return Outcome([], "timed out", f"the notebook ran past the grader's limit of {budget:g} s "
                                                "and was stopped.")
            return Outcome([], "timed out", "the notebook's run stopped answering (it was paused from inside "
                                            "the notebook) and was ended.")
        time.sleep(0.1)
    reader.join(5)
    if overflow.is_set():
        return Outcome([], "grader error", "the notebook's run sent back more than the grader reads, so it was stopped.")
    return _parse(bytes(received), count)


def _end(child: subprocess.Popen) -> None:
    """Stop a child and everything it started (its session, and with the sandbox, its namespace)."""
    try:
        os.killpg(child.pid, signal.SIGKILL)
    except (OSError, AttributeError):
        child.kill()
    try:
        child.wait(timeout=10)
    except subprocess.TimeoutExpired:
        pass


def _bounded_int(text: str) -> int | float:
    """An integer from JSON, refusing the huge ones that would stall the grader.

    >>> _bounded_int("42"), _bounded_int("9" * 40)
    (42, inf)
    """
    return int(text) if len(text.lstrip("-")) <= 30 else (float("-inf") if text.startswith("-") else float("inf"))


def _parse(raw: bytes, count: int) -> Outcome:
    """Check a child's reply: one report per step, each of the expected shape.

    >>> _parse(b'not json', 1).problem
    'grader error'
    >>> _parse(b'{"reports": [{"state": "ok", "printed": 3, "answer": null}]}', 1).reports[0]["state"]
    'ok'
    """
    lines = raw.decode("utf-8", "replace").strip().splitlines()
    problem = Outcome([], "grader error", "the notebook's run ended without a report (its process was stopped "
                                          "or killed from inside the notebook).")
    if not lines:
        return problem
    try:
        data = json.loads(lines[-1], parse_int=_bounded_int, parse_constant=lambda name: None)
    except (ValueError, RecursionError):
        return problem
    reports = data.get("reports") if isinstance(data, dict) else None
    if not isinstance(reports, list) or len(reports) != count:
        return problem
    clean = [_clean_report(r) for r in reports]
    if any(r is None for r in clean):
        return problem
    return Outcome(clean)  # type: ignore[arg-type]


def _clean_report(report: Any) -> dict | None:
    """One step's report with only known keys, plain types and short texts; None if malformed.

    >>> _clean_report({"state": "error", "ename": "E", "evalue": "x" * 999, "printed": -3})["evalue"][-1]
    'x'
    >>> _clean_report({"state": "hacked"}) is None
    True
    """
    if not isinstance(report, dict) or report.get("state") not in STATES:
        return None
    clean: dict[str, Any] = {"state": report["state"]}
    for key, limit in (("ename", 200), ("evalue", 300), ("why", 100), ("detail", 200)):
        if isinstance(report.get(key), str):
            clean[key] = report[key][:limit]
    printed = report.get("printed", 0)
    clean["printed"] = printed if isinstance(printed, int) and 0 <= printed < 10**15 else 0
    clean["answer"] = safe_plain(report.get("answer")) if report.get("answer") is not None else None
    return clean


@lru_cache(maxsize=None)
def reading_code(variable: str) -> str:
    """Code that hands one answer from the kernel to the runner as plain data.

    It runs in a private namespace, so it defines nothing in the student's.

    >>> "publish_display_data" in reading_code("announcement_day")
    True
    """
    from .transport import kernel_source

    program = kernel_source() + (
        "\nfrom IPython.display import publish_display_data\n"
        f"value = user.get({variable!r}, NOT_DEFINED)\n"
        "publish_display_data({MIME: {'type': 'undefined'} if value is NOT_DEFINED else to_plain(value)})\n")
    return (f"(lambda namespace: exec({program!r}, namespace))"
            f"({{'user': globals(), 'NOT_DEFINED': object(), 'MIME': {ANSWER_MIME!r}}})")


def _child() -> int:
    """The child's side: read a job from standard input, run it, print one line of JSON."""
    import tempfile

    job = json.loads(sys.stdin.read())
    beat = os.fdopen(os.dup(2), "w")

    def heartbeat() -> None:
        while True:
            beat.write(".")
            beat.flush()
            time.sleep(1)

    threading.Thread(target=heartbeat, daemon=True).start()
    steps = [Step(**step) for step in job["steps"]]
    limits = Limits(**job["limits"])
    # the child's own output must be the report alone
    report_stream = os.fdopen(os.dup(1), "w")
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
    with tempfile.TemporaryDirectory(prefix="run-") as folder:
        reports = run_here(steps, limits, Path(folder))
    report_stream.write(json.dumps({"reports": reports}) + "\n")
    report_stream.flush()
    return 0


if __name__ == "__main__":
    sys.exit(_child())
