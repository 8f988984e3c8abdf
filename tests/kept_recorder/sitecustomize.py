"""Records what a Python process reads, for the kept tests (tests/kept.py).

A test session puts this folder first on ``PYTHONPATH`` and names a folder in ``KEPT_RECORD``; then
every Python process the session starts (a worker, a kernel's server and each kernel it forks, an
``mkdocs build``) imports this module at start-up, and an audit hook (PEP 578) writes to
``<KEPT_RECORD>/<pid>.log`` (each line under the id of the process that wrote it) each file it opens
to read, each folder it lists, each module file it imports (compiled ones too) and each program it
starts. A process that starts a Python process which will not
record (its environment drops these variables, or ``-I``/``-E``/``-S``) writes a ``!`` line: the test
that made it is not kept.

A process takes part in a test when it records anything while the test runs: the session writes the
number of the window (a test, or a fixture's set-up) to ``<KEPT_RECORD>/window``, and a process that
sees a new number writes ``@<number>``. A test depends on *everything* a process
that took part in it ever read (its state is made of it), and a forked process (a kernel) inherits
what its parent read: it writes it again, under its own id.
"""

from __future__ import annotations

import os
import sys
import threading

VARIABLE = "KEPT_RECORD"
_EVENTS = {"open", "os.listdir", "os.scandir", "import", "exec", "subprocess.Popen", "os.posix_spawn",
           "os.exec", "os.system", "os.fork"}


def _is_python(program) -> bool:
    if not isinstance(program, (str, bytes)):
        return False
    name = os.path.basename(os.fsdecode(program))
    return name.startswith("python") or os.path.realpath(os.fsdecode(program)) == os.path.realpath(sys.executable)


class Recorder:
    def __init__(self, folder: str):
        self.folder = folder
        self.seen: set[str] = set()  # lines this process wrote ("f /path", "d /folder", ...)
        self.windows: dict[object, set[str]] = {}  # the test session's own process: every line, per window
        self.window = None  # (inode, times) of the window file last seen
        self.local = threading.local()  # a thread inside the hook records nothing of what the hook does
        self.pending: list[str] = []  # modules being imported: compiled ones are not opened, but loaded
        for module in list(sys.modules.values()):  # what this process imported before the hook
            file = getattr(module, "__file__", None)
            if isinstance(file, str):
                self.seen.add("f " + os.path.abspath(file))
        for entry in sys.path:  # the installed distributions (their .dist-info names carry the versions)
            if entry.endswith("-packages") and os.path.isdir(entry):
                self.seen.add("d " + entry)
                for name in os.listdir(entry):
                    if name.endswith(".pth"):
                        self.seen.add("f " + os.path.join(entry, name))
        # Opened once, now: a worker that watches what a snippet writes never sees the recording write.
        # A forked child writes to the same file, each line under its own process id.
        self.pid = os.getpid()
        self.fd = os.open(os.path.join(folder, f"{self.pid}.log"), os.O_WRONLY | os.O_CREAT | os.O_APPEND)
        self._emit(sorted(self.seen) + ["# started " + " ".join(sys.argv[:3])])

    def _emit(self, lines) -> None:
        text = "".join(f"{self.pid}\t{line}\n" for line in lines)
        os.write(self.fd, text.encode("utf-8", "surrogateescape"))

    def _forked(self) -> bool:
        if os.getpid() == self.pid:
            return False
        self.pid, self.window = os.getpid(), None
        self._emit(sorted(self.seen) + ["# forked"])  # its state is what its parent read
        return True

    def _take_part(self) -> None:
        try:
            stat = os.stat(os.path.join(self.folder, "window"))
        except OSError:
            return
        token = (stat.st_ino, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_size)
        if token != self.window:
            self.window = token
            with open(os.path.join(self.folder, "window"), encoding="ascii") as file:
                self._emit(["@" + file.read().strip()])

    def add(self, line: str) -> None:
        for window in list(self.windows.values()):
            window.add(line)
        if line not in self.seen:
            self.seen.add(line)
            self._emit([line])

    # --- the hook ----------------------------------------------------------------------------------
    def hook(self, event: str, args: tuple) -> None:
        if event not in _EVENTS or getattr(self.local, "busy", False):
            return
        self.local.busy = True
        try:
            self._forked()
            self._take_part()
            self._handle(event, args)
        except Exception as error:  # a recorder that fails must fail the recording, not the process
            try:
                self._emit([f"! the recorder failed on {event}: {error!r}"])
            except Exception:
                pass
        finally:
            self.local.busy = False

    def _handle(self, event: str, args: tuple) -> None:
        if self.pending:
            for name in list(self.pending):
                module = sys.modules.get(name)
                if module is not None:
                    self.pending.remove(name)
                    file = getattr(module, "__file__", None)
                    if isinstance(file, str) and not file.endswith(".py"):
                        self.add("f " + os.path.abspath(file))
            del self.pending[:-50]  # an import that failed stays missing: forget it after a while
        if event == "open":
            path, mode, flags = args[0], args[1], args[2] or 0
            written = (set(mode) & set("wax") and not set(mode) & set("r+") if isinstance(mode, str)
                       else flags & os.O_ACCMODE == os.O_WRONLY)
            if isinstance(path, (str, bytes)) and not written:  # a file only written is an output
                self.add("f " + os.path.abspath(os.fsdecode(path)))
        elif event in ("os.listdir", "os.scandir"):
            path = args[0] if args and args[0] is not None else "."
            if isinstance(path, (str, bytes)):
                self.add("d " + os.path.abspath(os.fsdecode(path)))
        elif event == "import":
            self.pending.append(args[0])
        elif event == "exec":
            file = getattr(args[0], "co_filename", "")
            if isinstance(file, str) and os.path.isabs(file):
                self.add("f " + file)
        elif event == "subprocess.Popen":
            self._started(args[0], args[1], args[3])
        elif event in ("os.posix_spawn", "os.exec"):
            self._started(args[0], args[1], args[2])
        elif event == "os.system":
            self._started("/bin/sh", ["sh", "-c", args[0]], None)

    def _started(self, program, argv, env) -> None:
        argv = [os.fsdecode(a) if isinstance(a, (str, bytes)) else str(a) for a in (argv or [])]
        program = program or (argv[0] if argv else None)
        if isinstance(program, (str, bytes)):
            program = os.fsdecode(program)
            if not os.path.isabs(program):
                import shutil
                program = shutil.which(program) or program
            self.add("x " + program)
        if not _is_python(program):
            return  # a program that is not Python: keyed by its file (a browser by its version), not recorded
        if env is not None:
            env = {os.fsdecode(k): os.fsdecode(v) for k, v in (env.items() if hasattr(env, "items") else
                                                            (e.split(b"=" if isinstance(e, bytes) else "=", 1)
                                                             for e in env))}
            here = os.path.dirname(os.path.abspath(__file__))
            if env.get(VARIABLE) != self.folder or here not in env.get("PYTHONPATH", "").split(os.pathsep):
                self.add("! a Python process started without the recording's environment: " + " ".join(argv[:4]))
        for option in argv[1:]:
            if not option.startswith("-") or option in ("-c", "-m"):
                break
            if option[1:2] != "-" and set(option[1:]) & set("IES"):
                self.add(f"! a Python process started with {option}, which does not record: " + " ".join(argv[:4]))


recorder: Recorder | None = None


def install(folder: str) -> Recorder:
    """Record this process into ``folder`` (a process of the session calls this; its children import it)."""
    global recorder
    if recorder is None:
        recorder = Recorder(folder)
        sys.addaudithook(recorder.hook)
    return recorder


if __name__ == "sitecustomize" and os.environ.get(VARIABLE):  # at start-up (tests/kept.py loads it by path)
    try:
        install(os.environ[VARIABLE])
    except OSError:  # the session that asked for it is gone: its tests are no longer waiting for this
        pass
    # Another sitecustomize further along the path (a distribution's) still runs.
    _here = os.path.dirname(os.path.abspath(__file__))
    _saved = sys.modules.pop("sitecustomize", None)
    _path = sys.path[:]
    sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != _here]
    try:
        import sitecustomize  # noqa: F401
    except ImportError:
        pass
    finally:
        sys.path[:] = _path
        sys.modules["sitecustomize"] = _saved
