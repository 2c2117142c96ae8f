"""Admin CLI: `python -m services.cli import|export|seed-demo|backup|restore|user ...`.

The database comes from DATABASE_URL (default: the embedded SQLite file, services.config).
Exit codes: 0 done (German summary and any hints on stdout); 2 invalid input (the
problems on stderr with file, row and column, the first 50 and a count of the rest; the
database is unchanged); 3 the database cannot be used (unreachable, read-only, disk full,
busy with another import: a German message, nothing changed); 130 interrupted (Ctrl+C,
nothing changed); 1 anything else.
QA_LOG_LEVEL=DEBUG logs details to stderr (the SQL of a database error, never its rows).
A mistyped setting (e.g. QA_LIMIT_ROWS=abc) is named in German, exit 2.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import re
import sys
import traceback
from pathlib import Path

from services.config import SettingsError, load_settings
from services.formatting import format_date
from services.io import columns as c
from services.io.errors import ImportFailed, ImportProblem
from services.io.limits import shown_problems
from services.taxonomy import NEEDS
from services.texts import auth as a
from services.texts import exchange as x
from services.texts import validation as t

log = logging.getLogger(__name__)
EXIT_OK, EXIT_ERROR, EXIT_INVALID, EXIT_DATABASE = 0, 1, 2, 3
EXIT_INTERRUPTED = 130  # the shell's code for Ctrl+C
CRS_CODES = ("25832", "4326")  # the layers' systems (services.analysis.exports.LAYER_CRS)
NEED_CODES = tuple(need.code for need in NEEDS)
EXPORT_SUFFIXES = (".csv", ".xlsx", ".geojson", ".gpkg")


class Refused(Exception):
    """A request the CLI cannot carry out as asked (German message; exit 2, nothing written)."""


class _GermanFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        prefix = t.CLI_USAGE_PREFIX if prefix is None else prefix
        super().add_usage(usage, actions, groups, prefix)


class _Parser(argparse.ArgumentParser):
    """argparse with German headings and help option."""

    def __init__(self, **kwargs):
        super().__init__(formatter_class=_GermanFormatter, add_help=False, **kwargs)
        self._positionals.title = t.CLI_POSITIONALS
        self._optionals.title = t.CLI_OPTIONALS
        self.add_argument("-h", "--help", action="help", help=t.CLI_HELP)

    def error(self, message: str):
        self.print_usage(sys.stderr)
        self.exit(EXIT_INVALID, t.CLI_ERROR.format(message=_german(message)) + "\n")


def _german(message: str) -> str:
    """argparse's usual English errors in German; others pass through unchanged."""
    for pattern, template in t.CLI_ARGPARSE_ERRORS:
        match = re.fullmatch(pattern, message)
        if match:
            return template.format(*match.groups())
    return message


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m services.cli", description=t.CLI_DESCRIPTION)
    commands = parser.add_subparsers(dest="command", required=True, title=t.CLI_COMMANDS,
                                     metavar="BEFEHL", parser_class=_Parser)
    imports = commands.add_parser("import", help=t.CLI_IMPORT, description=t.CLI_IMPORT)
    kinds = imports.add_subparsers(dest="kind", required=True, title=t.CLI_IMPORT_KIND,
                                   metavar="ART", parser_class=_Parser)
    for kind, help_text in (("districts", t.CLI_IMPORT_DISTRICTS),
                            ("indicators", t.CLI_IMPORT_INDICATORS),
                            ("offers", t.CLI_IMPORT_OFFERS),
                            ("offices", t.CLI_IMPORT_OFFICES),
                            ("addresses", t.CLI_IMPORT_ADDRESSES)):
        sub = kinds.add_parser(kind, help=help_text, description=help_text)
        sub.add_argument("file", metavar="DATEI", type=Path, help=t.CLI_FILE)
        if kind == "districts":
            _district_fields(sub)
    _directory_command(kinds, "hsds", x.CLI_IMPORT_HSDS)
    export = commands.add_parser("export", help=t.CLI_EXPORT, description=t.CLI_EXPORT)
    export_kinds = export.add_subparsers(dest="kind", required=True, title=t.CLI_EXPORT_KIND,
                                         metavar="ART", parser_class=_Parser)
    offers = export_kinds.add_parser("offers", help=t.CLI_EXPORT_OFFERS,
                                     description=t.CLI_EXPORT_OFFERS)
    offers.add_argument("file", metavar="DATEI", type=Path, help=t.CLI_FILE)
    districts = export_kinds.add_parser("districts", help=t.CLI_EXPORT_DISTRICTS,
                                        description=t.CLI_EXPORT_DISTRICTS)
    districts.add_argument("file", metavar="DATEI", type=Path, help=t.CLI_FILE)
    districts.add_argument("--jahr", metavar="JAHR", type=int, help=t.CLI_YEAR)
    gaps = export_kinds.add_parser("gaps", help=t.CLI_EXPORT_GAPS, description=t.CLI_EXPORT_GAPS)
    gaps.add_argument("file", metavar="DATEI", type=Path, help=t.CLI_FILE)
    for sub in (districts, gaps):
        sub.add_argument("--bedarf", metavar="CODE", choices=NEED_CODES, help=t.CLI_NEED)
        sub.add_argument("--crs", metavar="EPSG", choices=CRS_CODES, default=CRS_CODES[0],
                         help=t.CLI_CRS)
    _directory_command(export_kinds, "hsds", x.CLI_EXPORT_HSDS)
    for name, help_text in (("backup", x.CLI_BACKUP), ("restore", x.CLI_RESTORE)):
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.add_argument("file", metavar="DATEI", type=Path, help=t.CLI_FILE)
    commands.add_parser("seed-demo", help=t.CLI_SEED_DEMO, description=t.CLI_SEED_DEMO)
    _user_commands(commands)
    return parser


def _user_commands(commands) -> None:
    """`user add|passwd|disable|enable|roles|list|prune`: the built-in accounts
    (services/auth.py)."""
    user = commands.add_parser("user", help=a.CLI_USER, description=a.CLI_USER)
    actions = user.add_subparsers(dest="action", required=True, title=a.CLI_USER_ACTION,
                                  metavar="AKTION", parser_class=_Parser)
    for action, help_text in (("add", a.CLI_USER_ADD), ("passwd", a.CLI_USER_PASSWD),
                              ("disable", a.CLI_USER_DISABLE), ("enable", a.CLI_USER_ENABLE),
                              ("roles", a.CLI_USER_ROLES), ("list", a.CLI_USER_LIST),
                              ("prune", a.CLI_USER_PRUNE)):
        sub = actions.add_parser(action, help=help_text, description=help_text)
        if action not in ("list", "prune"):
            sub.add_argument("name", metavar="NAME", help=a.CLI_USER_NAME)
        if action in ("add", "roles"):
            sub.add_argument("--role", dest="roles", action="append", default=[],
                             metavar="ROLLE", help=a.CLI_USER_ROLE)
        if action in ("add", "passwd"):
            sub.add_argument("--passwort-stdin", dest="password_stdin", action="store_true",
                             help=a.CLI_PASSWORD_STDIN)


def _directory_command(kinds, name: str, help_text: str) -> None:
    sub = kinds.add_parser(name, help=help_text, description=help_text)
    sub.add_argument("directory", metavar="VERZEICHNIS", type=Path, help=x.CLI_DIRECTORY)


def _district_fields(sub: argparse.ArgumentParser) -> None:
    for flag, default, template in (
        ("--id-field", c.DISTRICT_ID_FIELD, t.CLI_ID_FIELD),
        ("--name-field", c.DISTRICT_NAME_FIELD, t.CLI_NAME_FIELD),
        ("--stadtbezirk-field", c.DISTRICT_STADTBEZIRK_FIELD, t.CLI_STADTBEZIRK_FIELD),
    ):
        sub.add_argument(flag, metavar="FELD", default=default,
                         help=template.format(default=default))


def _run(args: argparse.Namespace) -> list[str]:
    """Do the command; return the summary lines for stdout.

    The database and geo stack are imported here, not at the top: `--help` and usage
    errors then answer at once instead of after a second of imports.
    """
    from services import importer
    from services.storage.repository import Repository, create_engine_for, migrate

    engine = create_engine_for(load_settings().database_url)
    migrate(engine)
    repo = Repository(engine)
    if args.command == "seed-demo":
        return [t.CLI_DONE_SEED.format(**vars(importer.seed_demo(repo)))]
    if args.command in ("backup", "restore"):
        return [_backup_or_restore(args, engine)]
    if args.command == "user":
        return _user(args, repo)
    if args.command == "export" and args.kind == "hsds":
        offers, offices = importer.export_hsds(repo, args.directory)
        return [x.CLI_DONE_HSDS_EXPORT.format(offers=offers, offices=offices,
                                              path=args.directory)]
    if args.command == "export" and args.kind == "offers":
        count = importer.export_offers(repo, args.file)
        return [t.CLI_DONE_EXPORT.format(count=count, path=args.file)]
    if args.command == "export":
        return [_export_analysis(repo, args)]
    return _import(importer, args, repo)


def _export_analysis(repo, args: argparse.Namespace) -> str:
    """`export districts|gaps`: the planning tables or layers (services/analysis/exports.py)."""
    from services.analysis import exports
    from services.analysis.supply import (
        ALL_CHOSEN,
        SupplyOptions,
        address_table,
        analyse_supply,
        child_points,
    )
    from services.snapshot import load_snapshot

    if args.file.suffix.lower() not in EXPORT_SUFFIXES:
        raise Refused(t.CLI_EXPORT_FORMAT.format(suffix=args.file.suffix or "–",
                                                 allowed=", ".join(EXPORT_SUFFIXES)))
    if not args.file.parent.is_dir():
        raise Refused(t.CLI_NO_FOLDER.format(folder=args.file.parent))
    snapshot = load_snapshot(repo)
    if snapshot.districts.empty:
        raise Refused(t.CLI_NO_DISTRICTS)
    crs = f"EPSG:{args.crs}"
    points = child_points(snapshot.districts, address_table(repo.addresses()))  # as the page
    options = SupplyOptions(needs=(args.bedarf,)) if args.bedarf else SupplyOptions()
    if args.kind == "districts":
        years = sorted(set(snapshot.indicator_values["year"].astype(int)))
        if not years or (args.jahr is not None and args.jahr not in years):
            raise Refused(t.CLI_NO_YEAR.format(year=args.jahr, years=", ".join(map(str, years)) or "–"))
        if not args.bedarf:  # one set of gap columns: any need („alle“), 1 km, all ages
            options = SupplyOptions(combined=True)
        gaps = analyse_supply(snapshot, options, points)
        count = exports.export_districts(snapshot, args.file, args.jahr, crs, gaps,
                                         args.bedarf or ALL_CHOSEN)  # fmt: skip
        return t.CLI_DONE_EXPORT_DISTRICTS.format(count=count, path=args.file)
    count = exports.export_gaps(snapshot, args.file, analyse_supply(snapshot, options, points), crs)
    return t.CLI_DONE_EXPORT_GAPS.format(count=count, path=args.file)


def _backup_or_restore(args: argparse.Namespace, engine) -> str:
    from services.storage import backup

    if args.command == "backup":
        done = backup.backup(engine, args.file)
        return x.CLI_DONE_BACKUP.format(path=done.path, tables=done.tables, rows=done.rows)
    done = backup.restore(engine, args.file)
    return x.CLI_DONE_RESTORE.format(path=done.path, created=done.created_at,
                                     tables=done.tables, rows=done.rows)


def _user(args: argparse.Namespace, repo) -> list[str]:
    from services.auth import Accounts, role_labels

    accounts = Accounts(repo.users)
    if args.action == "list":
        users = accounts.all()
        return [a.CLI_USER_LINE.format(
            name=u.name, roles=",".join(sorted(u.roles)), created=format_date(u.created_at),
            status=a.CLI_USER_DISABLED if u.disabled else a.CLI_USER_ACTIVE,
        ) for u in users] or [a.CLI_USER_LIST_EMPTY]  # fmt: skip
    if args.action == "disable":
        accounts.disable(args.name)
        return [a.CLI_DONE_USER_DISABLE.format(name=args.name)]
    if args.action == "enable":
        accounts.enable(args.name)
        return [a.CLI_DONE_USER_ENABLE.format(name=args.name)]
    if args.action == "roles":
        roles = accounts.set_roles(args.name, args.roles)
        return [a.CLI_DONE_USER_ROLES.format(name=args.name, roles=role_labels(roles))]
    if args.action == "prune":
        return [a.CLI_DONE_USER_PRUNE.format(count=accounts.prune_failures())]
    password = _read_password(args.password_stdin)
    if args.action == "passwd":
        accounts.set_password(args.name, password)
        return [a.CLI_DONE_USER_PASSWD.format(name=args.name)]
    user = accounts.add(args.name, args.roles, password)
    return [a.CLI_DONE_USER_ADD.format(name=user.name, roles=role_labels(user.roles))]


def _read_password(from_stdin: bool) -> str:
    """The new password: the first line of stdin (scripts), or typed twice without echo."""
    from services.auth import AccountRefused

    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    password = getpass.getpass(a.CLI_PASSWORD_PROMPT)
    if getpass.getpass(a.CLI_PASSWORD_REPEAT) != password:
        raise AccountRefused([a.PASSWORDS_DIFFER])
    return password


def _import(importer, args: argparse.Namespace, repo) -> list[str]:
    """The CLI's imports: the same dispatch and summary as the upload page's
    (services/import_preview.py), HSDS directories beside them."""
    if args.kind == "hsds":
        result = importer.import_hsds(repo, args.directory)
        summary = x.CLI_DONE_HSDS_IMPORT.format(offers=result.count, offices=result.offices,
                                                outside=result.outside)
        return [summary] + _warning_lines(result.warnings)
    from services.import_preview import DistrictFields, import_summary, run_import

    fields = DistrictFields(*(getattr(args, f, None) or default for f, default in (
        ("id_field", c.DISTRICT_ID_FIELD), ("name_field", c.DISTRICT_NAME_FIELD),
        ("stadtbezirk_field", c.DISTRICT_STADTBEZIRK_FIELD))))  # fmt: skip
    result = run_import(repo, args.kind, args.file, fields)
    return [import_summary(args.kind, result)] + _warning_lines(result.warnings)


def _warning_lines(warnings: list[ImportProblem]) -> list[str]:
    if not warnings:
        return []
    return [t.CLI_WARNINGS.format(count=len(warnings))] + _listed(warnings)


def _listed(problems: list[ImportProblem]) -> list[str]:
    """The first problems and a count of the rest: a million lines help nobody."""
    shown = shown_problems()
    lines = [f"  {p}" for p in problems[:shown]]
    if len(problems) > shown:
        lines.append("  " + t.MORE_PROBLEMS.format(count=len(problems) - shown, shown=shown))
    return lines


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = load_settings()
    except SettingsError as wrong:  # a mistyped variable: name it, touch nothing
        print(t.CLI_ERROR.format(message=wrong), file=sys.stderr)
        return EXIT_INVALID
    logging.basicConfig(level=settings.log_level, format="%(levelname)s %(name)s: %(message)s")
    from services.auth import AccountRefused
    from services.storage.errors import DatabaseError

    try:
        lines = _run(args)
    except ImportFailed as failed:
        print(t.CLI_INVALID_INPUT.format(count=len(failed.problems)), file=sys.stderr)
        print("\n".join(_listed(failed.problems)), file=sys.stderr)
        return EXIT_INVALID
    except Refused as refused:
        print(t.CLI_ERROR.format(message=refused), file=sys.stderr)
        return EXIT_INVALID
    except AccountRefused as refused:
        print("\n".join(a.CLI_ACCOUNT_REFUSED.format(message=m) for m in refused.messages),
              file=sys.stderr)
        return EXIT_INVALID
    except DatabaseError as fault:
        print(t.CLI_DATABASE_FAULT.format(message=fault.message), file=sys.stderr)
        return EXIT_DATABASE
    except KeyboardInterrupt:  # Ctrl+C: the open transaction was rolled back
        print(t.CLI_INTERRUPTED, file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as exc:  # the CLI's last line of defence: say it in German, exit 1
        # the type and the code lines only: the message may quote a cell or an address
        log.debug("unexpected %s:\n%s", type(exc).__name__,
                  "".join(traceback.format_tb(exc.__traceback__)))
        print(t.CLI_UNEXPECTED.format(message=exc), file=sys.stderr)
        return EXIT_ERROR
    print("\n".join(lines))
    log.info("%s done", " ".join(filter(None, (args.command, getattr(args, "kind", None)))))
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
