"""The ``studysite`` command: run the snippets, execute the labs, scaffold an FAQ entry, benchmark.

    studysite run                     # the snippets that changed (cached by content)
    studysite run --force -k mape     # re-run the snippets whose path contains "mape"
    studysite labs                    # execute the labs that changed
    studysite new-faq "Why ...?" --ko "...?" --lecture regression-errors --tags MAPE
    studysite benchmark               # the build's timings, cold to warm, and page weights
"""

from __future__ import annotations

import argparse
import fnmatch
import sys

from . import cache, faq, labs, runner
from .project import Project


def _select(names: list[str], pattern: str | None) -> list[str]:
    return [n for n in names if not pattern or pattern in n or fnmatch.fnmatch(n, pattern)]


def _run(args, project: Project) -> int:
    rels = _select(cache.discover(project.snippets), args.pattern)
    if args.list:
        done, todo = runner.plan(project, rels)
        for rel in rels:
            print(f"{'cached' if rel in done and done[rel].ok else 'stale':>6}  {rel}")
        return 0
    outcomes = runner.run(project, rels, force=args.force, jobs=args.jobs)
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


def _new_faq(args, project: Project) -> int:
    try:
        files = faq.scaffold(args.question, args.ko, args.lecture, args.tags.split(","), args.slug, project)
    except faq.ScaffoldError as error:
        print(f"studysite new-faq: {error}", file=sys.stderr)
        return 2
    slug = files[0].stem
    print("Created:")
    for path in files:
        print(f"  {path.relative_to(project.root)}")
    print(f"  (and added faq/{slug}.md to the nav in mkdocs.yml)\n")
    print("Next steps:")
    print(f"  1. Write the proof in snippets/faq/{slug.replace('-', '_')}.py: replace `assert False` with")
    print("     the assert that proves your short answer (run it: python snippets/faq/...py).")
    print(f"  2. Write the short answer and the explanation in docs/ko/faq/{slug}.md and docs/en/faq/{slug}.md.")
    print(f"  3. Test just this entry:  pytest -k \"{slug.replace('-', '_')} or {slug}\"")
    print("  4. Preview it:            mkdocs serve   (then open http://127.0.0.1:8000)")
    return 0


def _benchmark(args, project: Project) -> int:
    from . import benchmark

    benchmark.main(project.root, tests=args.tests)
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

    new = commands.add_parser("new-faq", help="scaffold an FAQ entry: both pages, a snippet, the nav")
    new.add_argument("question", help="the question in English, as a student would ask it")
    new.add_argument("--ko", help="the same question in Korean")
    new.add_argument("--lecture", required=True, help="the lecture it belongs to (its file name in lectures/)")
    new.add_argument("--tags", default="", help="comma-separated tags (English terms), e.g. loss,training")
    new.add_argument("--slug", help="the file name (default: from the question)")
    new.set_defaults(handler=_new_faq)

    bench = commands.add_parser("benchmark", help="time cold, warm and plain builds; weigh the pages")
    bench.add_argument("--tests", action="store_true", help="also time the whole test suite, warm")
    bench.set_defaults(handler=_benchmark)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.handler(args, Project.find())


if __name__ == "__main__":
    sys.exit(main())
