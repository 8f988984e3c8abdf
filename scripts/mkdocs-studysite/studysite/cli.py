"""The ``studysite`` command: run the snippets, execute the labs, empty the cache.

    studysite run                     # the snippets that changed (cached by content)
    studysite run --force -k mape     # re-run the snippets whose path contains "mape"
    studysite run --list              # every snippet, cached or stale
    studysite labs                    # execute the labs that changed
    studysite clean                   # empty the cache folder (everything runs again)
"""

from __future__ import annotations

import argparse
import fnmatch
import shutil
import sys

from . import cache, labs, runner
from .project import Project, ProjectError


def _select(names: list[str], pattern: str | None) -> list[str]:
    return [n for n in names if not pattern or pattern in n or fnmatch.fnmatch(n, pattern)]


def _run(args, project: Project) -> int:
    try:
        rels = _select(cache.discover(project), args.pattern)
    except cache.DiscoveryError as error:
        print(f"studysite: {error}", file=sys.stderr)
        return 2
    if args.list:
        done, todo = runner.plan(project, rels)
        for rel in rels:
            print(f"{'cached' if rel in done and done[rel].ok else 'stale':>6}  {rel}")
        return 0
    try:
        outcomes = runner.run(project, rels, force=args.force, jobs=args.jobs)
    except runner.OutputsError as error:
        print(f"studysite: {error}", file=sys.stderr)
        return 2
    print(runner.summary_table(outcomes))
    failed = [o for o in outcomes if not o.ok]
    for outcome in failed:
        print(f"\nFAILED {outcome.describe()}\n{outcome.traceback}", file=sys.stderr)
    return 1 if failed else 0


def _labs(args, project: Project) -> int:
    outcomes = labs.build(project, _select(labs.discover(project.labs), args.pattern), force=args.force,
                          jobs=args.jobs)
    failed = [o for o in outcomes if not o.ok]
    for outcome in failed:
        print(f"FAILED {outcome.describe()}", file=sys.stderr)
    return 1 if failed else 0


def _clean(args, project: Project) -> int:
    if project.cache.is_dir():
        shutil.rmtree(project.cache)
        print(f"removed {project.cache.relative_to(project.root)}")
    return 0


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="studysite", description=__doc__.split("\n\n")[0])
    commands = top.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = commands.add_parser("run", help="run the snippets that changed")
    run.add_argument("-f", "--force", action="store_true", help="re-run even if cached")
    run.add_argument("-k", dest="pattern", help="only snippets whose path contains this (or matches this glob)")
    run.add_argument("-j", "--jobs", type=int, help="worker processes (default: one per core)")
    run.add_argument("--list", action="store_true", help="list the snippets and whether they are cached")
    run.set_defaults(handler=_run)

    lab = commands.add_parser("labs", help="execute the labs that changed")
    lab.add_argument("-f", "--force", action="store_true", help="execute even if up to date")
    lab.add_argument("-k", dest="pattern", help="only labs whose name contains this")
    lab.add_argument("-j", "--jobs", type=int, help="kernels at a time (default: one per core)")
    lab.set_defaults(handler=_labs)

    clean = commands.add_parser("clean", help="empty the cache folder: every snippet runs again")
    clean.set_defaults(handler=_clean)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        project = Project.find()
        project.figure_label_files()
    except ProjectError as error:
        print(f"studysite: {error}", file=sys.stderr)
        return 2
    try:
        return args.handler(args, project)
    except KeyboardInterrupt:
        print("studysite: stopped; nothing half-made is kept, the next run goes on from here", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
