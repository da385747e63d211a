"""Classes: an instructor, a reference map, students with their own copies, and who may do what.

The class store lives in the same database as the class verdicts (:mod:`argmap.store.verdicts`):
an SQLite file by default, PostgreSQL through ``$ARGMAP_DATABASE_URL`` so that several app
servers share one class. It holds

- **classes**: a name, the reference map (a map name in the maps folder), how students start
  (``reference``: a copy of the whole map; ``assignment``: its question, sources and actors
  only) and a join code;
- **people**: each class's instructor and students, each with a name unique in the class and a
  password hashed with Argon2 (argon2-cffi); the password itself is never stored;
- **versions**: every save of a student's own copy is a new numbered version, so nothing is
  overwritten, the history can be read back and undo is one more version;
- **submissions**: the version a student handed in, frozen;
- **sessions**: what signing in returns. Every other call takes the session's token and the
  store finds the person from it, so a caller can only ever act as whoever signed in.

What each person may do is decided here, once, and every refusal is a :class:`Refused` whose
``problem`` says what and why (errors are data): a student reads and saves only their own copy
and never the reference; only the class's instructor sees the class's copies and submissions.

>>> store = ClassStore("sqlite://")
>>> info, teacher = store.create_class("Seminar", "demo", "Prof", "correct horse")
>>> ada = store.join(info.code, "Ada", "ada's own pass")
>>> v1 = store.start_copy(ada, "argmap: 1\\ntitle: T\\nquestion: Q?\\n")
>>> v1.number, store.latest(ada).number
(1, 1)
>>> store.save(ada, v1.text.replace("T\\n", "Mine\\n"), seen=1).number
2
>>> try:
...     store.save(ada, v1.text, seen=1)  # another tab saved first
... except Refused as exc:
...     print(exc.type)
stale
>>> [c.name for c in store.copies(teacher)]
['Ada']
>>> store.copies(ada)
Traceback (most recent call last):
...
argmap.store.classes.Refused: forbidden: only the class's instructor sees its students' copies
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
import secrets
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import (
    Column,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    func,
    select,
)
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from argmap.problems import Problem
from argmap.store.database import StoreError, ensure_schema, make_engine, plain_message

NAME_LIMIT = 100
PASSWORD_MIN = 8
PASSWORD_MAX = 200
COPY_LIMIT = 8_000_000  # characters of one saved copy (the map size limit, in text)
SESSION_HOURS = 12
EXTERNAL = "!external"  # the password hash of someone who signs in through a provider: none
# Unambiguous letters and digits (no 0/O, 1/I/L) for a code read aloud in a room.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


class Role(StrEnum):
    instructor = "instructor"
    student = "student"


class Start(StrEnum):
    """How a student's copy begins."""

    reference = "reference"  # the whole reference map, to improve or argue with
    assignment = "assignment"  # its title, question, sources and actors: map it yourself


class Refused(Exception):
    """A refused request: ``problem.type`` is stable (``forbidden``, ``stale``, ``sign_in``,
    ``invalid``, ``taken``, ``unknown``), ``problem.message`` says why, for people."""

    def __init__(self, type_: str, message: str, loc: tuple[str | int, ...] = ()) -> None:
        super().__init__(f"{type_}: {message}")
        self.problem = Problem("<class>", 0, 0, "", message, type_, loc)

    @property
    def type(self) -> str:
        return self.problem.type

    @property
    def message(self) -> str:
        return self.problem.message


@dataclass(frozen=True)
class ClassInfo:
    id: int
    name: str
    reference: str
    start: Start
    code: str


@dataclass(frozen=True)
class Session:
    """A signed-in person. Only ``token`` counts: the store looks the person up from it."""

    token: str
    name: str
    role: Role
    class_id: int


@dataclass(frozen=True)
class Version:
    number: int
    text: str
    note: str
    saved_at: dt.datetime


@dataclass(frozen=True)
class Copy:
    """A student's copy as the instructor sees it: the submitted version if any, else the
    latest (``submitted`` says which)."""

    name: str
    number: int
    text: str
    submitted: bool
    versions: int


_metadata = MetaData()
classes_table = Table(
    "argmap_classes",
    _metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(NAME_LIMIT), nullable=False, unique=True),
    Column("reference", String(200), nullable=False),
    Column("start", String(12), nullable=False),
    Column("code", String(16), nullable=False, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
)
people_table = Table(
    "argmap_people",
    _metadata,
    Column("id", Integer, primary_key=True),
    Column("class_id", ForeignKey("argmap_classes.id"), nullable=False),
    Column("name", String(NAME_LIMIT), nullable=False),
    Column("role", String(12), nullable=False),
    Column("password_hash", String(200), nullable=False),
    # The identity provider's subject, for people who sign in through OpenID Connect.
    Column("external_id", String(255), nullable=True),
    UniqueConstraint("class_id", "name", name="argmap_person_once"),
    UniqueConstraint("class_id", "external_id", name="argmap_external_once"),
)
versions_table = Table(
    "argmap_versions",
    _metadata,
    Column("id", Integer, primary_key=True),
    Column("person_id", ForeignKey("argmap_people.id"), nullable=False),
    Column("number", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("note", String(200), nullable=False),
    Column("saved_at", DateTime(timezone=True), nullable=False),
    # The compare-and-swap: of two saves on the same seen version, one insert fails here.
    UniqueConstraint("person_id", "number", name="argmap_version_once"),
)
submissions_table = Table(
    "argmap_submissions",
    _metadata,
    Column("id", Integer, primary_key=True),
    Column("person_id", ForeignKey("argmap_people.id"), nullable=False),
    Column("number", Integer, nullable=False),
    Column("submitted_at", DateTime(timezone=True), nullable=False),
)
sessions_table = Table(
    "argmap_sessions",
    _metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("person_id", ForeignKey("argmap_people.id"), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
)
TABLES = _metadata
T = TypeVar("T")


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def clean_name(name: str, what: str = "name") -> str:
    """Return ``name`` with its spaces collapsed, or raise :class:`Refused` when it is empty,
    too long or holds control characters (which a database may refuse).

    >>> clean_name("  Ada   Lovelace ")
    'Ada Lovelace'
    """
    name = " ".join(str(name).split())
    if not name:
        raise Refused("invalid", f"the {what} is empty", (what,))
    if len(name) > NAME_LIMIT:
        raise Refused("invalid", f"the {what} is longer than {NAME_LIMIT} characters", (what,))
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in name):
        raise Refused("invalid", f"the {what} holds control characters", (what,))
    return name


def _check_password(password: str) -> str:
    if not PASSWORD_MIN <= len(password) <= PASSWORD_MAX:
        raise Refused(
            "invalid",
            f"a password has {PASSWORD_MIN} to {PASSWORD_MAX} characters",
            ("password",),
        )
    if "\x00" in password:
        raise Refused("invalid", "the password holds a NUL character", ("password",))
    return password


# OWASP's Argon2id settings (19 MiB, 2 passes, 1 lane): a class signing in at once must not
# need 64 MiB and most of a second of CPU each, as argon2-cffi's default does (bench/).
ARGON2_TIME, ARGON2_MEMORY_KIB, ARGON2_LANES = 2, 19_456, 1


def _hasher() -> Any:
    from argon2 import PasswordHasher

    return PasswordHasher(
        time_cost=ARGON2_TIME, memory_cost=ARGON2_MEMORY_KIB, parallelism=ARGON2_LANES
    )


def new_code() -> str:
    """Return a fresh join code, eight unambiguous characters in two groups.

    >>> code = new_code(); len(code), code[4]
    (9, '-')
    """
    chars = "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))
    return f"{chars[:4]}-{chars[4:]}"


def normal_code(code: str) -> str:
    """Return a join code as stored, however it was typed.

    >>> normal_code(" k7qx m2pd ")
    'K7QX-M2PD'
    """
    chars = re.sub(r"[^A-Z0-9]", "", str(code).upper())
    return f"{chars[:4]}-{chars[4:]}" if len(chars) == 8 else chars


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _row_class(row: Any) -> ClassInfo:
    return ClassInfo(row.id, row.name, row.reference, Start(row.start), row.code)


def _plain_errors(cls: type[T]) -> type[T]:
    """Make every public method of ``cls`` raise a database failure as :class:`Refused`
    (``database``) in plain words (:func:`~argmap.store.database.plain_message`), never the
    SQL and its parameters, so a page or the CLI can show it like any other refusal."""
    for name, method in list(vars(cls).items()):
        if not name.startswith("_") and callable(method):
            setattr(cls, name, _plainly(method, "use the class database"))
    return cls


def _plainly(method: Any, doing: str) -> Any:
    @functools.wraps(method)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        try:
            return method(*args, **kwargs)
        except SQLAlchemyError as exc:
            raise Refused("database", plain_message(exc, doing)) from None
        except StoreError as exc:
            raise Refused("database", str(exc)) from None

    return wrapped


@_plain_errors
class ClassStore:
    """The classes in the database at ``url`` (see the module docstring).

    The tables come from the migrations (``argmap db upgrade`` before serving); a database that
    is behind is upgraded when the store opens, under the migration lock.
    """

    def __init__(self, url: str, *, create: bool = True) -> None:
        self.url = url
        self.engine = make_engine(url)
        self._hash = _hasher()
        if create:
            self.create_tables()

    def create_tables(self) -> None:
        """Bring the database to the newest schema (the migrations of
        :mod:`argmap.store.database`, under its lock, so racing servers create nothing twice)."""
        ensure_schema(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    # --------------------------------------------------------------------- classes, people
    def has_classes(self) -> bool:
        """Return whether any class exists (then the app asks everyone to sign in)."""
        with self.engine.connect() as c:
            return c.execute(select(classes_table.c.id).limit(1)).first() is not None

    def classes(self) -> list[ClassInfo]:
        """Every class, by name (for the server's administrator: the CLI)."""
        with self.engine.connect() as c:
            rows = c.execute(select(classes_table).order_by(classes_table.c.name))
            return [_row_class(r) for r in rows]

    def create_class(
        self,
        name: str,
        reference: str,
        instructor: str,
        password: str,
        *,
        start: Start | str = Start.reference,
    ) -> tuple[ClassInfo, Session]:
        """Create a class around the reference map named ``reference``, with its instructor;
        return the class (its ``code`` is what students join with) and the instructor signed in.
        """
        name = clean_name(name, "class name")
        reference = clean_name(reference, "reference map")
        instructor = clean_name(instructor)
        password = _check_password(password)
        try:
            start = Start(start)
        except ValueError:
            raise Refused("invalid", "a class starts from 'reference' or 'assignment'") from None
        digest = self._hash.hash(password)
        try:
            with self.engine.begin() as c:
                if c.execute(
                    select(classes_table.c.id).where(classes_table.c.name == name)
                ).first():
                    raise Refused("taken", f"there is already a class named {name!r}", ("name",))
                key = c.execute(
                    classes_table.insert().values(
                        name=name, reference=reference, start=start.value, code=new_code(),
                        created_at=_now(),
                    )
                ).inserted_primary_key  # fmt: skip
                assert key is not None
                class_id = key[0]
                c.execute(
                    people_table.insert().values(
                        class_id=class_id, name=instructor, role=Role.instructor.value,
                        password_hash=digest,
                    )
                )  # fmt: skip
        except IntegrityError:
            raise Refused("taken", f"there is already a class named {name!r}", ("name",)) from None
        info = self.class_by_id(class_id)
        return info, self.sign_in(info.code, instructor, password)

    def class_by_id(self, class_id: int) -> ClassInfo:
        with self.engine.connect() as c:
            row = c.execute(select(classes_table).where(classes_table.c.id == class_id)).first()
        if row is None:
            raise Refused("unknown", "no such class")
        return _row_class(row)

    def class_by_code(self, code: str) -> ClassInfo:
        """Return the class with this join code; raise :class:`Refused` if there is none."""
        with self.engine.connect() as c:
            row = c.execute(
                select(classes_table).where(classes_table.c.code == normal_code(code))
            ).first()
        if row is None:
            raise Refused("unknown", "no class has that join code", ("code",))
        return _row_class(row)

    def join(self, code: str, name: str, password: str) -> Session:
        """Join the class with this code as a new student; return the student signed in.

        Refused when the code is unknown, the name is taken in the class, or the password is
        too short or too long.
        """
        info = self.class_by_code(code)
        name = clean_name(name)
        digest = self._hash.hash(_check_password(password))
        try:
            with self.engine.begin() as c:
                c.execute(
                    people_table.insert().values(
                        class_id=info.id, name=name, role=Role.student.value, password_hash=digest
                    )
                )
        except IntegrityError:
            raise Refused(
                "taken", f"someone in this class is already called {name!r}; sign in, or "
                "choose another name", ("name",),
            ) from None  # fmt: skip
        return self.sign_in(code, name, password)

    def sign_in(self, code: str, name: str, password: str) -> Session:
        """Return a session for the person of this class with this name and password.

        One message for an unknown name and a wrong password, so neither is revealed.
        """
        info = self.class_by_code(code)
        wrong = Refused("sign_in", "that name and password do not match anyone in this class")
        try:  # a name no one can have (a NUL, too long) is checked here, not by the database
            name = clean_name(name)
        except Refused:
            raise wrong from None
        with self.engine.connect() as c:
            row = c.execute(
                select(people_table).where(
                    people_table.c.class_id == info.id, people_table.c.name == name
                )
            ).first()
        if row is None:
            raise wrong
        from argon2.exceptions import VerificationError

        try:
            self._hash.verify(row.password_hash, str(password))
        except (VerificationError, ValueError):
            raise wrong from None
        return self._session(row, info)

    def sign_in_external(self, code: str, subject: str, name: str) -> Session:
        """Return a session for whoever the university's identity provider vouches for
        (OpenID Connect's ``sub``), joining the class as a student on first arrival.

        Such a person has no password here (none can sign in as them with one); their name is
        the provider's, made unique in the class with a number when it is taken.
        """
        info = self.class_by_code(code)
        subject = str(subject)
        if not subject or len(subject) > 255 or "\x00" in subject:
            raise Refused("sign_in", "the identity provider gave no usable subject")
        base = clean_name(name or "student")
        pc = people_table.c
        with self.engine.begin() as c:
            row = c.execute(
                select(people_table).where(pc.class_id == info.id, pc.external_id == subject)
            ).first()
            if row is None:
                taken: set[str] = set(c.scalars(select(pc.name).where(pc.class_id == info.id)))
                chosen = base
                for n in range(2, 10_000):
                    if chosen not in taken:
                        break
                    chosen = f"{base[: NAME_LIMIT - 8]} ({n})"
                c.execute(
                    people_table.insert().values(
                        class_id=info.id, name=chosen, role=Role.student.value,
                        password_hash=EXTERNAL, external_id=subject,
                    )
                )  # fmt: skip
                row = c.execute(
                    select(people_table).where(pc.class_id == info.id, pc.external_id == subject)
                ).one()
        return self._session(row, info)

    def _session(self, row: Any, info: ClassInfo) -> Session:
        token = secrets.token_urlsafe(32)
        with self.engine.begin() as c:
            c.execute(
                sessions_table.insert().values(
                    token_hash=_token_hash(token), person_id=row.id,
                    expires_at=_now() + dt.timedelta(hours=SESSION_HOURS),
                )
            )  # fmt: skip
        return Session(token, row.name, Role(row.role), info.id)

    def sign_out(self, who: Session) -> None:
        """End the session (its token no longer works)."""
        with self.engine.begin() as c:
            c.execute(
                sessions_table.delete().where(sessions_table.c.token_hash == _token_hash(who.token))
            )

    def _person(self, who: Session) -> Any:
        """The person row behind a session token; refused when it is unknown or expired."""
        with self.engine.connect() as c:
            row = c.execute(
                select(people_table, sessions_table.c.expires_at)
                .join(sessions_table, sessions_table.c.person_id == people_table.c.id)
                .where(sessions_table.c.token_hash == _token_hash(str(who.token)))
            ).first()
        if row is None or _aware(row.expires_at) < _now():
            raise Refused("sign_in", "you are not signed in (or your session ended); sign in again")
        return row

    def whoami(self, who: Session) -> Session:
        """Return the session as the store knows it (name, role and class from the token)."""
        row = self._person(who)
        return Session(who.token, row.name, Role(row.role), row.class_id)

    def class_of(self, who: Session) -> ClassInfo:
        return self.class_by_id(self._person(who).class_id)

    def _student(self, who: Session) -> Any:
        row = self._person(who)
        if row.role != Role.student.value:
            raise Refused("forbidden", "only a student has a copy of the map to edit")
        return row

    def _instructor(self, who: Session) -> Any:
        row = self._person(who)
        if row.role != Role.instructor.value:
            raise Refused("forbidden", "only the class's instructor sees its students' copies")
        return row

    # --------------------------------------------------------------------- a student's copy
    def _versions(self, person_id: int, c: Any) -> list[Version]:
        rows = c.execute(
            select(versions_table)
            .where(versions_table.c.person_id == person_id)
            .order_by(versions_table.c.number)
        )
        return [Version(r.number, r.text, r.note, _aware(r.saved_at)) for r in rows]

    def latest(self, who: Session) -> Version | None:
        """Return the signed-in student's latest version (None before they start)."""
        row = self._student(who)
        with self.engine.connect() as c:
            r = c.execute(
                select(versions_table)
                .where(versions_table.c.person_id == row.id)
                .order_by(versions_table.c.number.desc())
                .limit(1)
            ).first()
        return None if r is None else Version(r.number, r.text, r.note, _aware(r.saved_at))

    def history(self, who: Session) -> list[Version]:
        """Every version of the signed-in student's copy, oldest first."""
        row = self._student(who)
        with self.engine.connect() as c:
            return self._versions(row.id, c)

    def _insert(self, person_id: int, number: int, text: str, note: str) -> Version:
        if len(text) > COPY_LIMIT:
            raise Refused("invalid", f"a copy is at most {COPY_LIMIT:,} characters")
        if "\x00" in text:
            raise Refused("invalid", "the map holds a NUL character")
        saved = _now()
        try:
            with self.engine.begin() as c:
                c.execute(
                    versions_table.insert().values(
                        person_id=person_id, number=number, text=text, note=note[:200],
                        saved_at=saved,
                    )
                )  # fmt: skip
        except IntegrityError:
            if number == 1:
                raise Refused("stale", "your copy was already started; reload it") from None
            raise Refused(
                "stale", f"version {number} was saved after version {number - 1} you opened; "
                "reload it and apply your changes again",
            ) from None  # fmt: skip
        return Version(number, text, note, saved)

    def start_copy(self, who: Session, text: str, note: str = "started") -> Version:
        """Start the signed-in student's copy with ``text`` as version 1 (refused once started)."""
        return self._insert(self._student(who).id, 1, text, note)

    def save(self, who: Session, text: str, *, seen: int, note: str = "saved") -> Version:
        """Save ``text`` as the next version of the signed-in student's copy.

        ``seen`` is the version the edit started from: when another save (another tab, another
        server) came first, the save is refused (``stale``) and nothing is written.
        """
        return self._insert(self._student(who).id, seen + 1, text, note)

    def undo(self, who: Session, *, seen: int) -> Version:
        """Go back one step: save, as a new version, the text before the current one.

        Undoing an undo steps further back (the note says which version it restores).
        """
        versions = self.history(who)
        if not versions or versions[-1].number != seen:
            raise Refused("stale", "your copy changed since you opened it; reload it")
        current = versions[-1]
        restored = re.fullmatch(r"undo: back to version (\d+)", current.note)
        target = (int(restored.group(1)) if restored else current.number) - 1
        if target < 1:
            raise Refused("invalid", "there is no earlier version to go back to")
        text = versions[target - 1].text
        return self.save(who, text, seen=seen, note=f"undo: back to version {target}")

    def submit(self, who: Session, number: int | None = None) -> int:
        """Hand in a version (the latest by default) for the instructor; return its number.

        A later submission replaces the earlier one in the instructor's view; both are kept.
        """
        row = self._student(who)
        with self.engine.begin() as c:
            numbers = [v.number for v in self._versions(row.id, c)]
            if not numbers:
                raise Refused("invalid", "start your copy before submitting it")
            number = numbers[-1] if number is None else number
            if number not in numbers:
                raise Refused("unknown", f"your copy has no version {number}")
            c.execute(
                submissions_table.insert().values(
                    person_id=row.id, number=number, submitted_at=_now()
                )
            )
        return number

    def submitted(self, who: Session) -> int | None:
        """The version the signed-in student last submitted, if any."""
        row = self._student(who)
        with self.engine.connect() as c:
            return self._submitted(row.id, c)

    def _submitted(self, person_id: int, c: Any) -> int | None:
        return c.execute(
            select(submissions_table.c.number)
            .where(submissions_table.c.person_id == person_id)
            .order_by(submissions_table.c.id.desc())
            .limit(1)
        ).scalar()

    # --------------------------------------------------------------------- the instructor
    def copies(self, who: Session, *, submitted_only: bool = False) -> list[Copy]:
        """The class's students' copies, by name: for its instructor only.

        Each is the student's submitted version, else (unless ``submitted_only``) their latest.
        """
        row = self._instructor(who)
        out: list[Copy] = []
        with self.engine.connect() as c:
            students = c.execute(
                select(people_table)
                .where(
                    people_table.c.class_id == row.class_id,
                    people_table.c.role == Role.student.value,
                )
                .order_by(people_table.c.name)
            ).all()
            for s in students:
                versions = self._versions(s.id, c)
                if not versions:
                    continue
                number = self._submitted(s.id, c)
                if number is None and submitted_only:
                    continue
                chosen = versions[(number or versions[-1].number) - 1]
                out.append(Copy(s.name, chosen.number, chosen.text, number is not None,
                                len(versions)))  # fmt: skip
        return out

    def students(self, who: Session) -> list[str]:
        """The names of the class's students, joined or not yet started: instructor only."""
        row = self._instructor(who)
        with self.engine.connect() as c:
            return list(
                c.scalars(
                    select(people_table.c.name)
                    .where(
                        people_table.c.class_id == row.class_id,
                        people_table.c.role == Role.student.value,
                    )
                    .order_by(people_table.c.name)
                )
            )

    def count_versions(self) -> int:
        """How many versions the store holds (for tests and benchmarks)."""
        with self.engine.connect() as c:
            return int(c.execute(select(func.count()).select_from(versions_table)).scalar() or 0)


def _aware(moment: dt.datetime) -> dt.datetime:
    # SQLite gives back naive datetimes; they were written in UTC.
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def assignment_text(reference_text: str, name: str = "<reference>") -> str:
    """Return the reference map as an assignment: its title, question, description, sources and
    actors, with no claims, relations, values or audiences (the student maps those).

    >>> text = "argmap: 1\\ntitle: T\\nquestion: Q?\\n"
    >>> "claims" in assignment_text(text), "question: Q?" in assignment_text(text)
    (False, True)
    """
    from argmap.store.yaml_map import dump_fresh, read_map_text

    reference = read_map_text(reference_text, name, editable=False).map
    bare = reference.model_copy(update={"claims": [], "relations": [], "values": [],
                                        "audiences": []})  # fmt: skip
    return dump_fresh(bare)


def start_text(info: ClassInfo, maps_folder: Path) -> str:
    """Return the text a student's copy of class ``info`` starts from: the reference map in
    ``maps_folder``, whole or as an assignment (:func:`assignment_text`).

    Raises :class:`Refused` (``unknown``) when the reference map is not in the folder.
    """
    from argmap.limits import read_bytes_limited, text_of
    from argmap.problems import MapFileError

    path = maps_folder / f"{info.reference}.yaml"
    try:
        text = text_of(read_bytes_limited(path), path.name)
    except (OSError, MapFileError):
        raise Refused("unknown", f"the reference map {info.reference!r} is not in "
                      f"{maps_folder}") from None  # fmt: skip
    return text if info.start is Start.reference else assignment_text(text, path.name)
