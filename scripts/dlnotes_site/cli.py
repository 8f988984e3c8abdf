"""The site's own commands beside the engine's ``studysite``:

    dlnotes new-faq "Why ...?" --ko "...?" --lecture regression-errors --tags MAPE
    dlnotes benchmark [--tests]      # the build's timings, cold to warm, and page weights
"""

from __future__ import annotations

import argparse
import sys

from studysite.project import Project

from . import faq


def _new_faq(args, project: Project) -> int:
    try:
        files = faq.scaffold(args.question, args.ko, args.lecture, args.tags.split(","), args.slug, project)
    except faq.ScaffoldError as error:
        print(f"dlnotes new-faq: {error}", file=sys.stderr)
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
    top = argparse.ArgumentParser(prog="dlnotes", description=__doc__.split("\n\n")[0])
    commands = top.add_subparsers(dest="command", required=True, metavar="COMMAND")
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
