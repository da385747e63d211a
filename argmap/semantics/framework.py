"""A compact abstract argumentation framework (Dung 1995): arguments and attacks only.

Arguments are numbered ``0..n-1``; ``names[i]`` is argument ``i``'s name. Attacks are kept
twice, as int adjacency lists, because the algorithms walk both ways: ``attackers[i]`` lists
who attacks ``i`` and ``targets[i]`` lists whom ``i`` attacks. Nothing heavy is imported
here (no networkx, no pydantic), so ``argmap solve`` starts fast.

>>> fw = Framework.from_attacks(["a", "b", "c"], [("a", "b"), ("b", "c")])
>>> len(fw), fw.n_attacks
(3, 2)
>>> [fw.names[i] for i in fw.attackers[fw.index["c"]]]
['b']
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum


@dataclass(frozen=True)
class View:
    """One reading of a map's supports (a *support semantics*): how a map becomes a framework.

    ``derived`` names the attacks derived from one support next to one attack (see
    :mod:`argmap.semantics.bipolar`): ``"supported"``, ``"secondary"``, ``"mediated"``,
    ``"extended"``. ``supports`` says whether supports are kept at all (they always add
    DF-QuAD strength when kept). ``title`` is the picker's words; ``summary`` one sentence.
    """

    name: str
    title: str
    derived: frozenset[str]
    supports: bool
    summary: str


# The registry of support semantics; here, not in argmap.semantics.bipolar, so that the CLI
# and the app can offer the choice without loading networkx. The first is the default.
VIEW_TABLE: dict[str, View] = {
    v.name: v
    for v in (
        View("evidential", "evidential (reasons add strength)", frozenset(), True,
             "Oren & Norman's evidential support: every sourced claim is its own evidence, so "
             "a support adds strength but never defeats or defends by itself."),
        View("bipolar", "supported + secondary attacks", frozenset({"supported", "secondary"}),
             True, "Cayrol & Lagasquie-Schiex (2005): whoever backs a claim takes on its "
             "attacks; an attack on a reason is an attack on what it backs."),
        View("necessary", "necessary support", frozenset({"secondary", "extended"}), True,
             "Nouioua & Risch: a supporter is necessary for what it backs; attacking it "
             "attacks that claim, and the claim takes on its supporter's attacks."),
        View("deductive", "deductive support", frozenset({"supported", "mediated"}), True,
             "Boella et al.: what a claim backs follows from it; it takes on the attacks of "
             "what it backs, and an attack on that is an attack on it."),
        View("attack-only", "supports ignored", frozenset(), False,
             "Supports dropped entirely: attacks and undercuts only, for labels and strength."),
    )
}  # fmt: skip
VIEWS = tuple(VIEW_TABLE)
DEFAULT_VIEW = VIEWS[0]


class Label(StrEnum):
    """An argument's status in a labelling (Caminada): accepted, rejected or undecided."""

    IN = "in"
    OUT = "out"
    UNDEC = "undec"


class Framework:
    """Arguments ``names`` and the attacks between them, as int adjacency lists.

    Build one with :meth:`from_attacks` (names) or :meth:`from_indices` (int pairs).
    Duplicate attacks are kept; every algorithm here tolerates them.
    """

    __slots__ = ("_index", "attackers", "names", "targets")

    def __init__(
        self, names: list[str], attackers: list[list[int]], targets: list[list[int]]
    ) -> None:
        self.names = names
        self.attackers = attackers
        self.targets = targets
        self._index: dict[str, int] | None = None

    @classmethod
    def from_indices(cls, names: Sequence[str], pairs: Iterable[tuple[int, int]]) -> Framework:
        """Return the framework with ``names`` and attacks ``(attacker, target)`` by index.

        >>> Framework.from_indices(["x", "y"], [(0, 1)]).targets
        [[1], []]
        """
        n = len(names)
        attackers: list[list[int]] = [[] for _ in range(n)]
        targets: list[list[int]] = [[] for _ in range(n)]
        for a, b in pairs:
            if not (0 <= a < n and 0 <= b < n):
                raise IndexError(f"attack ({a}, {b}) names an argument outside 0..{n - 1}")
            attackers[b].append(a)
            targets[a].append(b)
        return cls(list(names), attackers, targets)

    @classmethod
    def from_attacks(cls, names: Iterable[str], attacks: Iterable[tuple[str, str]]) -> Framework:
        """Return the framework with arguments ``names`` and attacks given by name.

        An attack naming an unknown argument raises ``KeyError``; repeated names are one
        argument.

        >>> fw = Framework.from_attacks(["a", "b"], [("b", "a")])
        >>> fw.attackers
        [[1], []]
        """
        unique = list(dict.fromkeys(names))
        index = {name: i for i, name in enumerate(unique)}
        fw = cls.from_indices(unique, ((index[a], index[b]) for a, b in attacks))
        fw._index = index
        return fw

    @property
    def index(self) -> dict[str, int]:
        """Return the map from argument name to index (built on first use)."""
        if self._index is None:
            self._index = {name: i for i, name in enumerate(self.names)}
        return self._index

    @property
    def n_attacks(self) -> int:
        """Return the number of attacks (duplicates counted)."""
        return sum(map(len, self.targets))

    def attacks(self) -> list[tuple[str, str]]:
        """Return every attack as an ``(attacker, target)`` name pair, by attacker order.

        >>> Framework.from_attacks("ab", [("a", "b"), ("b", "b")]).attacks()
        [('a', 'b'), ('b', 'b')]
        """
        names = self.names
        return [(names[a], names[b]) for a, ts in enumerate(self.targets) for b in ts]

    def __len__(self) -> int:
        return len(self.names)

    def __repr__(self) -> str:
        return f"Framework({len(self)} arguments, {self.n_attacks} attacks)"


def name_key(name: str) -> tuple[int, int | str]:
    """Return a sort key that orders numeric names by value, before other names.

    ICCMA numbers its arguments, and ``"10"`` should come after ``"9"``.

    >>> sorted(["10", "9", "b", "a"], key=name_key)
    ['9', '10', 'a', 'b']
    """
    return (0, int(name)) if name.isdigit() else (1, name)


def upstream(fw: Framework, target: int) -> set[int]:
    """Return the arguments from which ``target`` can be reached along attacks (itself too).

    >>> sorted(upstream(Framework.from_attacks("abc", [("a", "b"), ("c", "a")]), 1))
    [0, 1, 2]
    """
    seen = {target}
    stack = [target]
    while stack:
        for a in fw.attackers[stack.pop()]:
            if a not in seen:
                seen.add(a)
                stack.append(a)
    return seen
