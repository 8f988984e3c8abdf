"""What became of one snippet or one lab in a run: the one result type of both."""

from __future__ import annotations

from dataclasses import dataclass, field

OK = ("cached", "ran")


@dataclass
class Outcome:
    kind: str  # "snippet", "lab" or "practice"
    rel: str  # "training/linear_fit.py" under snippets/, or "01-regression-sales.py" under labs/
    status: str  # "cached", "ran", "failed", "timeout"
    seconds: float = 0.0
    line: int | None = None  # in the source file
    cell: int | None = None  # labs: the notebook cell that failed
    error: str = ""
    traceback: str = ""
    warnings: list[str] = field(default_factory=list)  # reported, not fatal (e.g. stderr output)
    result: dict = field(default_factory=dict)
    folder: str = ""  # the configured folder of its kind (default: snippets, labs, practice)

    @property
    def ok(self) -> bool:
        return self.status in OK

    @property
    def source(self) -> str:
        folder = self.folder or {"snippet": "snippets", "lab": "labs", "practice": "practice"}[self.kind]
        return f"{folder}/{self.rel}"

    def describe(self) -> str:
        where = self.source
        if self.cell is not None:
            where += f", cell {self.cell}"
        if self.line:
            where += f", line {self.line}"
        return f"{where}: {self.error}"
