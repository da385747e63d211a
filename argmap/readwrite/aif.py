"""AIF JSON (the Argument Interchange Format of OVA and AIFdb) to a map and back.

Reading: I nodes become claims; each premise of an RA node supports its conclusion; each
attacker of a CA node attacks its target, or undercuts the relations of an RA or CA node it
targets. A locution (L node ``"Speaker : words"``) anchored to an I node through a YA node
names the claim's actor (via ``locutions``/``participants`` where given) and gives its quote.
The OVA3/xAIF wrapper ``{"AIF": {...}}`` and string or int ids are accepted; texts, HTML
included, are kept as plain data. What argmap has no place for (MA, PA, TA nodes, dialogue
nodes that anchor no claim, an RA supporting an inference, edges that break AIF's rules such
as I->I) is reported as a warning at its line; malformed JSON or an edge to a missing node
is an error.

Writing: every claim is an I node with an L node ``"Actor : quote"`` anchored by a YA
``Asserting`` node; supports are RA nodes, attacks CA nodes, an undercut a CA node pointing
at the RA or CA node of the relation it undercuts; S nodes carry the relation ids. What AIF
cannot hold (sources, claim kinds, tags, notes, the map's title) rides in an ``"argmap"``
member that AIF tools ignore, so ``parse_aif(generate_aif(m))`` gives ``m`` back.

>>> result = parse_aif('''{"nodes": [
...   {"nodeID": 1, "text": "Cities should ban cars", "type": "I"},
...   {"nodeID": 2, "text": "Cars pollute", "type": "I"},
...   {"nodeID": 3, "text": "Default Inference", "type": "RA"}],
...  "edges": [{"edgeID": 1, "fromID": 2, "toID": 3}, {"edgeID": 2, "fromID": 3, "toID": 1}]}
... ''', "demo.json")
>>> [(r.from_, r.type.value, r.to) for r in result.map.relations]
[('cars-pollute', 'supports', 'cities-should-ban-cars')]
>>> parse_aif(generate_aif(result.map)).map == result.map
True
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter, defaultdict
from typing import Any

from argmap.limits import DEFAULT_LIMITS, Limits, read_limited
from argmap.model import ArgumentMap, RelationType
from argmap.problems import MapFileError, Problem
from argmap.readwrite.formats import Format
from argmap.readwrite.imported import ImportResult, MapBuilder, is_id, slug
from argmap.store.atomic import atomic_write_text
from argmap.store.json_map import parse_json

__all__ = ["generate_aif", "parse_aif", "write_aif"]

_DIALOGUE = {
    "MA": "MA nodes (rephrases) between nodes that are no claims",
    "PA": "PA nodes (preferences)",
    "TA": "TA nodes (transitions between locutions)",
    "YA": "YA nodes (illocutions) that anchor no claim, inference or conflict",
    "L": "L nodes (locutions) that anchor no claim, inference or conflict",
}
_SPEAKER = re.compile(r"^\s*([^:\n]{1,120}?)\s*:\s+(.+)$", re.S)


def _key(value: Any) -> str:
    """Ids may be ints or strings: 3 and "3" are the same node."""
    return str(value)


class _Locator:
    """Lines of nodes and edges in the JSON text, found by their ids (first occurrence)."""

    def __init__(self, text: str) -> None:
        self.lines: dict[tuple[str, str], int] = {}
        line, counted = 1, 0  # lines are counted on from the last match: linear, not n²
        for match in re.finditer(r'"(nodeID|edgeID)"\s*:\s*("(?:[^"\\]|\\.)*"|-?\d+)', text):
            raw = match.group(2)
            if raw[0] == '"' and "\\" not in raw:
                value = raw[1:-1]  # the common case, without a JSON decoder call per id
            else:
                try:
                    value = _key(json.loads(raw))
                except json.JSONDecodeError:
                    continue
            line += text.count("\n", counted, match.start())
            counted = match.start()
            self.lines.setdefault((match.group(1), value), line)

    def node(self, node_id: str) -> int:
        return self.lines.get(("nodeID", node_id), 1)

    def edge(self, edge_id: str) -> int:
        return self.lines.get(("edgeID", edge_id), 1)


def parse_aif(text: str, name: str = "aif", limits: Limits = DEFAULT_LIMITS) -> ImportResult:
    """Return the map an AIF JSON text describes, and what it could not express.

    Raises :class:`~argmap.problems.MapFileError` on bad JSON or broken structure, located,
    and on more nodes than ``limits`` allow (see :func:`node_count_problems`) before any
    node is converted.

    >>> parse_aif('{"nodes": [{"nodeID": 1, "type": "I", "text": "x"}], "edges": '
    ...          '[{"edgeID": 7, "fromID": 1, "toID": 9}]}', "x.json")
    Traceback (most recent call last):
    ...
    argmap.problems.MapFileError: x.json:1:1: edges: edge 7 goes to node 9, which is not in nodes
    """
    root = parse_json(text, name)
    where = _Locator(text)
    errors: list[Problem] = []
    if not isinstance(root, dict):
        raise MapFileError(
            [Problem(name, 1, 1, "", "AIF JSON must be an object with nodes", "aif_structure")]
        )
    doc = root["AIF"] if isinstance(root.get("AIF"), dict) else root
    extension: dict[str, Any] = root["argmap"] if isinstance(root.get("argmap"), dict) else {}

    def section(key: str, required: bool = False) -> list[Any]:
        value = doc.get(key)
        if value is None and not required:
            return []
        if not isinstance(value, list):
            errors.append(Problem(name, 1, 1, key, f"{key} must be a list", "aif_structure"))
            return []
        return value

    raw_nodes, raw_edges = section("nodes", required=True), section("edges")
    errors.extend(node_count_problems(raw_nodes, raw_edges, name, limits))
    if errors:
        raise MapFileError(errors)
    nodes: dict[str, dict[str, Any]] = {}
    for index, node in enumerate(raw_nodes):
        if not isinstance(node, dict) or not isinstance(node.get("nodeID"), str | int):
            errors.append(
                Problem(name, 1, 1, f"nodes[{index}]", "a node needs a nodeID", "aif_structure")
            )
            continue
        nid = _key(node["nodeID"])
        if nid in nodes:
            errors.append(
                Problem(
                    name,
                    where.node(nid),
                    1,
                    f"nodes[{index}]",
                    f"nodeID {nid} is used twice",
                    "aif_structure",
                )
            )
        if not isinstance(node.get("type"), str):
            errors.append(
                Problem(
                    name,
                    where.node(nid),
                    1,
                    f"nodes[{index}]",
                    f"node {nid} has no type (I, RA, CA, L, ...)",
                    "aif_structure",
                )
            )
        nodes[nid] = node
    edges: list[tuple[str, str, str]] = []
    for index, edge in enumerate(raw_edges):
        if not isinstance(edge, dict):
            errors.append(
                Problem(name, 1, 1, f"edges[{index}]", "an edge must be an object", "aif_structure")
            )
            continue
        eid = _key(edge.get("edgeID", index))
        ends = [
            _key(edge.get(k)) if isinstance(edge.get(k), str | int) else None
            for k in ("fromID", "toID")
        ]
        for end, label in zip(ends, ("from", "goes to"), strict=True):
            if end is None:
                errors.append(
                    Problem(
                        name,
                        where.edge(eid),
                        1,
                        "edges",
                        f"edge {eid} lacks {'fromID' if label == 'from' else 'toID'}",
                        "aif_structure",
                    )
                )
            elif end not in nodes:
                errors.append(
                    Problem(
                        name,
                        where.edge(eid),
                        1,
                        "edges",
                        f"edge {eid} {label} node {end}, which is not in nodes",
                        "aif_structure",
                    )
                )
        if None not in ends and all(e in nodes for e in ends):
            edges.append((eid, ends[0], ends[1]))  # type: ignore[arg-type]
    if errors:
        raise MapFileError(errors)
    return _Reader(name, root, doc, extension, nodes, edges, where, limits).convert()


# Besides its I and S nodes, an OVA map gives each claim a locution, an illocution and
# transitions: a file may hold this many nodes (and edges) per entry a list of ours holds.
NODES_PER_ITEM = 8


def node_count_problems(
    nodes: list[Any], edges: list[Any], name: str, limits: Limits = DEFAULT_LIMITS
) -> list[Problem]:
    """Return a located problem for each count over ``limits``: I nodes (claims) and RA/CA
    nodes (relations) over ``max_items``, nodes or edges over ``NODES_PER_ITEM`` times it.

    >>> node_count_problems([{"type": "I"}] * 3, [], "x.json", Limits(max_items=2))
    [Problem(file='x.json', line=1, col=1, path='nodes', message='3 I nodes (claims); a map \
holds at most 2 claims (raise with --max-items)', type='too_many_items', loc=('nodes',))]
    """
    kinds = Counter(str(n.get("type", "")).upper() for n in nodes if isinstance(n, dict))
    most = limits.max_items
    counts = [
        ("nodes", kinds["I"], most, "I nodes (claims)", "claims"),
        ("nodes", kinds["RA"] + kinds["CA"], most, "RA and CA nodes (relations)", "relations"),
        ("nodes", len(nodes), most * NODES_PER_ITEM, "nodes", "nodes"),
        ("edges", len(edges), most * NODES_PER_ITEM, "edges", "edges"),
    ]
    return [
        Problem.at(
            name, 1, 1, (key,),
            f"{n:,} {what}; a map holds at most {bound:,} {unit} (raise with --max-items)",
            "too_many_items",
        )
        for key, n, bound, what, unit in counts
        if n > bound
    ]  # fmt: skip


class _Reader:
    def __init__(
        self,
        name: str,
        root: dict[str, Any],
        doc: dict[str, Any],
        extension: dict[str, Any],
        nodes: dict[str, dict[str, Any]],
        edges: list[tuple[str, str, str]],
        where: _Locator,
        limits: Limits = DEFAULT_LIMITS,
    ) -> None:
        own: dict[str, Any] = extension["map"] if isinstance(extension.get("map"), dict) else {}
        self.b = MapBuilder(
            name,
            title=own.get("title") or _text_of(root.get("title")),
            question=own.get("question"),
            description=own.get("description"),
            limits=limits,
        )
        self.ext_claims = extension.get("claims") or {}
        self.ext_relations = extension.get("relations") or {}
        if own:
            self.b.sources = list(own.get("sources") or [])
            self.b.actors = list(own.get("actors") or [])
            self.b.values = list(own.get("values") or [])
            self.b.audiences = list(own.get("audiences") or [])
            for item in self.b.sources + self.b.actors + self.b.values + self.b.audiences:
                self.b.reserve(item["id"])
        self.doc, self.nodes, self.edges, self.where = doc, nodes, edges, where
        # Asked for each node and edge end, many times: upper-cased once.
        self.types = {nid: str(node.get("type", "")).upper() for nid, node in nodes.items()}
        self.into: dict[str, list[str]] = defaultdict(list)
        self.out: dict[str, list[str]] = defaultdict(list)
        for _, a, b in edges:
            self.out[a].append(b)
            self.into[b].append(a)
        self.used: set[str] = set()  # dialogue nodes that found a place
        self.claim_of: dict[str, str] = {}
        self.relations_of: dict[str, list[str]] = {}  # S node -> relation ids

    def type(self, nid: str) -> str:
        return self.types[nid]

    def warn(self, nid: str, message: str) -> None:
        self.b.warn(self.where.node(nid), message)

    def convert(self) -> ImportResult:
        people = self._people()
        speakers: dict[str, str] = {}
        for nid in self.nodes:
            if self.type(nid) == "I":
                self._claim(nid, people, speakers)
        for eid, a, b in self.edges:
            if self.type(a) == "I" and self.type(b) == "I":
                self.b.warn(
                    self.where.edge(eid),
                    f"edge {eid} joins two I nodes ({a} -> {b}) "
                    "with no RA or CA between them; AIF forbids it, so it was ignored",
                )
        s_nodes = [n for n in self.nodes if self.type(n) in ("RA", "CA")]
        pending = [n for n in s_nodes if not self._targets_s(n)]
        pending += [n for n in s_nodes if self._targets_s(n)]
        for n in self._after_targets(pending):
            self._s_node(n)
        self._keep_dialogue(people)
        self._report_unused()
        return self.b.result()

    def _after_targets(self, pending: list[str]) -> list[str]:
        """Return ``pending`` S nodes in rounds: a node comes after the S nodes it targets
        (their relations must exist first), in ``pending`` order within a round; nodes on a
        circle are warned about and left out. Linear: each node and edge is seen once."""
        waiting = set(pending)
        position = {n: k for k, n in enumerate(pending)}
        left = {n: {t for t in self.out[n] if t in waiting and t != n} for n in pending}
        dependents: dict[str, list[str]] = defaultdict(list)
        for n, targets in left.items():
            for t in targets:
                dependents[t].append(n)
        rounds: list[list[str]] = []
        ready = [n for n in pending if not left[n]]
        while ready:
            rounds.append(ready)
            freed = []
            for t in ready:
                for n in dependents[t]:
                    left[n].discard(t)
                    if not left[n]:
                        freed.append(n)
            ready = sorted(freed, key=position.__getitem__)
        placed = {n for r in rounds for n in r}
        for n in pending:
            if n not in placed:
                self.warn(
                    n,
                    f"{self.type(n)} node {n} is part of a circle of conflicts "
                    "between inferences; ignored",
                )
        return [n for r in rounds for n in r]

    def _targets_s(self, nid: str) -> bool:
        return any(self.type(t) in ("RA", "CA") for t in self.out[nid])

    def _people(self) -> dict[str, str]:
        """Locution node id -> speaker name, from locutions and participants."""
        names: dict[str, str] = {}
        for person in self.doc.get("participants") or []:
            if isinstance(person, dict) and "participantID" in person:
                full = " ".join(str(person.get(k) or "") for k in ("firstname", "surname"))
                names[_key(person["participantID"])] = full.strip()
        out: dict[str, str] = {}
        for locution in self.doc.get("locutions") or []:
            if isinstance(locution, dict) and "nodeID" in locution:
                person = _key(locution.get("personID"))
                if names.get(person):
                    out[_key(locution["nodeID"])] = names[person]
        return out

    def _claim(self, nid: str, people: dict[str, str], speakers: dict[str, str]) -> None:
        text = _text_of(self.nodes[nid].get("text"))
        if not text:
            self.warn(nid, f"I node {nid} has no text; ignored")
            return
        speaker, words = None, None
        for ya in self.into[nid]:
            if self.type(ya) != "YA":
                continue
            for loc in self.into[ya]:
                if self.type(loc) != "L":
                    continue
                self.used.update((ya, loc))
                said = _text_of(self.nodes[loc].get("text"))
                speaker, words = _speaker_and_words(said, people.get(loc))
                break
            if speaker or words:
                break
        raw = self.nodes[nid]["nodeID"]
        ext = self.ext_claims.get(nid) if isinstance(self.ext_claims, dict) else None
        # An id is kept if it reads as one, or if argmap wrote it (digits only, say).
        own = isinstance(raw, str) and is_id(raw) and (not raw.isdigit() or ext is not None)
        fields: dict[str, Any] = dict(ext) if isinstance(ext, dict) else {}
        if "actor" not in fields and speaker:
            if speaker not in speakers:
                speakers[speaker] = self.b.add_actor(speaker)
            fields["actor"] = speakers[speaker]
        if not own and "note" not in fields:
            fields["note"] = f"AIF nodeID {nid}"
        self.claim_of[nid] = self.b.add_claim(
            text,
            wanted_id=nid if own else slug(re.sub(r"<[^>]*>", " ", text)) or None,
            quote=words,
            line=self.where.node(nid),
            **fields,
        )

    def _s_node(self, nid: str) -> None:
        kind = self.type(nid)
        premises = [p for p in self.into[nid] if self.type(p) == "I" and p in self.claim_of]
        targets = [t for t in self.out[nid] if self.type(t) in ("I", "RA", "CA")]
        self.relations_of[nid] = []
        if not premises or not targets:
            what = "premise" if kind == "RA" else "attacker"
            missing = f"no {what}" if not premises else "no conclusion"
            self.warn(nid, f"{kind} node {nid} has {missing}; ignored")
            return
        if kind == "RA" and len(premises) > 1:
            self.warn(
                nid,
                f"RA node {nid} links {len(premises)} premises; argmap records one "
                "support per premise",
            )
        pairs = [(p, t) for p in premises for t in targets]
        ext = self.ext_relations.get(nid) if isinstance(self.ext_relations, dict) else None
        note = ext.get("note") if isinstance(ext, dict) else None
        raw = self.nodes[nid]["nodeID"]
        own = isinstance(raw, str) and is_id(raw) and (not raw.isdigit() or ext is not None)
        wanted = raw if own and len(pairs) == 1 else None
        for p, t in pairs:
            if self.type(t) == "I":
                if t not in self.claim_of:
                    continue
                if self.claim_of[t] == self.claim_of[p]:
                    # argmap has no relation of a claim to itself: the claim says so.
                    what = "supports" if kind == "RA" else "attacks"
                    self._note_on(
                        self.b.claims, self.claim_of[p], f"AIF: {what} itself ({kind} node {nid})"
                    )
                    self.warn(
                        nid,
                        f"{kind} node {nid} makes I node {p} {what[:-1]} itself; argmap relates "
                        f"a claim only to others, so this is a note on {self.claim_of[p]!r}",
                    )
                    continue
                type_ = "supports" if kind == "RA" else "attacks"
                self.relations_of[nid].append(
                    self.b.add_relation(
                        type_, self.claim_of[p], self.claim_of[t], wanted_id=wanted, note=note
                    )
                )
            elif kind == "RA":
                self.warn(
                    nid,
                    f"RA node {nid} points at {self.type(t)} node {t}: AIF lets an inference "
                    "conclude only in an I node, and argmap has no support of a relation, "
                    "so it was ignored",
                )
            else:
                for link in self.relations_of.get(t, []):
                    self.relations_of[nid].append(
                        self.b.add_relation(
                            "undercuts", self.claim_of[p], link, wanted_id=wanted, note=note
                        )
                    )

    @staticmethod
    def _note_on(entries: list[dict[str, Any]], entry_id: str, text: str) -> None:
        entry = next(e for e in reversed(entries) if e["id"] == entry_id)
        entry["note"] = "; ".join(filter(None, [entry.get("note"), text]))

    def _keep_dialogue(self, people: dict[str, str]) -> None:
        """Keep in notes what the dialogue layer says of the argument layer: who argued an
        inference or conflict (YA -> RA/CA, its speaker by an L or a TA from one) and which
        claim rephrases which (MA)."""
        for nid in self.nodes:
            kind = self.type(nid)
            if kind == "YA" and nid not in self.used:
                links = [r for t in self.out[nid] for r in self.relations_of.get(t, [])]
                if not links:
                    continue
                speakers = []
                for n in self.into[nid]:
                    said = (
                        [n]
                        if self.type(n) == "L"
                        else [
                            x for x in self.into[n] if self.type(n) == "TA" and self.type(x) == "L"
                        ]
                    )
                    for loc in said:
                        text = _text_of(self.nodes[loc].get("text"))
                        speaker = _speaker_and_words(text, people.get(loc))[0]
                        speakers += [speaker] if speaker else []
                        self.used.update((n, loc))
                act = _text_of(self.nodes[nid].get("text")) or "YA"
                by = f" by {', '.join(dict.fromkeys(speakers))}" if speakers else ""
                for link in dict.fromkeys(links):
                    self._note_on(self.b.relations, link, f"AIF: {act}{by} (YA node {nid})")
                self.used.add(nid)
            elif kind == "MA":
                ends = [n for n in self.into[nid] if n in self.claim_of]
                targets = [n for n in self.out[nid] if n in self.claim_of]
                for a in ends:
                    for t in targets:
                        text = f"AIF: rephrases {self.claim_of[t]!r} (MA node {nid})"
                        self._note_on(self.b.claims, self.claim_of[a], text)
                        self.used.add(nid)

    def _report_unused(self) -> None:
        unused: dict[str, list[str]] = defaultdict(list)
        for nid in self.nodes:
            kind = self.type(nid)
            if kind not in ("I", "RA", "CA") and nid not in self.used:
                unused[kind].append(nid)
        for kind, ids in unused.items():
            label = _DIALOGUE.get(kind, f"nodes of unknown type {kind!r}")
            named = ", ".join(ids[:10]) + (f" and {len(ids) - 10} more" if len(ids) > 10 else "")
            self.warn(
                ids[0],
                f"{len(ids)} {label} ({named}): argmap has no place for them; ignored",
            )


def _speaker_and_words(said: str, known: str | None) -> tuple[str | None, str | None]:
    """Split a locution ``"Speaker : words"``; a speaker the file names is taken off whole.

    >>> _speaker_and_words("Unknown author of a long file name.txt : Cars: bad.", \
"Unknown author of a long file name.txt")
    ('Unknown author of a long file name.txt', 'Cars: bad.')
    >>> _speaker_and_words("Bob : Yes.", None), _speaker_and_words("No speaker here.", None)
    (('Bob', 'Yes.'), (None, 'No speaker here.'))
    """
    if known:
        prefix = re.match(rf"\s*{re.escape(known)}\s*:\s", said)
        if prefix:
            return known, said[prefix.end() :].strip() or None
    match = _SPEAKER.match(said)
    if match:
        return known or match.group(1), match.group(2).strip()
    return known, said or None


def _text_of(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def generate_aif(argument_map: ArgumentMap) -> str:
    """Return the map as AIF JSON text (see the module docstring).

    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap.model_validate({"title": "T", "question": "Q?",
    ...     "sources": [{"id": "s", "title": "S", "kind": "article"}],
    ...     "actors": [{"id": "a", "name": "Ann", "kind": "person"}],
    ...     "claims": [{"id": i, "statement": i.upper(), "source": "s", "actor": "a",
    ...                 "quote": "q"} for i in ("x", "y")],
    ...     "relations": [{"id": "r1", "type": "attacks", "from": "y", "to": "x"}]})
    >>> data = json.loads(generate_aif(m))
    >>> [(n["nodeID"], n["type"], n["text"]) for n in data["nodes"]][-3:]
    [('l:y', 'L', 'Ann : q'), ('ya:y', 'YA', 'Asserting'), ('r1', 'CA', 'Default Conflict')]
    """
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    locutions: list[dict[str, Any]] = []
    person = {actor.id: n for n, actor in enumerate(argument_map.actors, start=1)}
    names = {actor.id: actor.name for actor in argument_map.actors}

    def edge(a: str, b: str) -> None:
        edges.append({"edgeID": len(edges) + 1, "fromID": a, "toID": b})

    claims: dict[str, Any] = {}
    for claim in argument_map.claims:
        nodes.append({"nodeID": claim.id, "text": claim.statement, "type": "I"})
        nodes.append(
            {
                "nodeID": f"l:{claim.id}",
                "text": f"{names[claim.actor]} : {claim.quote}",
                "type": "L",
            }
        )
        nodes.append({"nodeID": f"ya:{claim.id}", "text": "Asserting", "type": "YA"})
        edge(f"l:{claim.id}", f"ya:{claim.id}")
        edge(f"ya:{claim.id}", claim.id)
        locutions.append({"nodeID": f"l:{claim.id}", "personID": person[claim.actor]})
        claims[claim.id] = claim.model_dump(
            mode="json",
            exclude_none=True,
            exclude_defaults=True,
            include={
                "kind",
                "label",
                "source",
                "actor",
                "tags",
                "values",
                "note",
                "base_score",
                "quote_at",
            },
        )
        claims[claim.id] |= {"source": claim.source, "actor": claim.actor}
    relations: dict[str, Any] = {}
    for relation in argument_map.relations:
        supports = relation.type is RelationType.supports
        scheme = "Default Inference" if supports else "Default Conflict"
        nodes.append(
            {
                "nodeID": relation.id,
                "text": scheme,
                "type": "RA" if supports else "CA",
                "scheme": scheme,
            }
        )
        edge(relation.from_, relation.id)
        edge(relation.id, relation.to)
        relations[relation.id] = {"note": relation.note} if relation.note is not None else {}
    header = argument_map.model_dump(
        mode="json", by_alias=True, exclude_none=True, exclude={"claims", "relations"}
    )
    data = {
        "nodes": nodes,
        "edges": edges,
        "locutions": locutions,
        "participants": [
            {"participantID": person[a.id], "firstname": a.name, "surname": ""}
            for a in argument_map.actors
        ],
        "argmap": {"map": header, "claims": claims, "relations": relations},
    }
    return json.dumps(data, indent=1, ensure_ascii=False) + "\n"


def write_aif(argument_map: ArgumentMap, path: str | os.PathLike[str]) -> None:
    """Write :func:`generate_aif` of the map to ``path``, atomically (a reader of the
    file never sees half of it)."""
    atomic_write_text(path, generate_aif(argument_map))


def read_aif(path: str | os.PathLike[str], limits: Limits = DEFAULT_LIMITS) -> ImportResult:
    """Return the map in the AIF JSON file at ``path`` (:func:`parse_aif` of its text; the
    file is refused at once, located, when it is over ``limits`` or not UTF-8 text)."""
    return parse_aif(read_limited(path, limits, lines=False), str(path), limits)


FORMATS = (
    Format(
        "aif", "AIF JSON (OVA, AIFdb)", (".aif.json", ".aif"), "application/json",
        "For OVA and AIFdb: I-nodes, RA and CA nodes, locutions and speakers.",
        keeps="claims as I-nodes, supports as RA and attacks as CA nodes, speakers as actors; "
        "sources, values and audiences as argmap's own data",
        write=lambda m, view: generate_aif(m), parse=parse_aif,
        import_suffixes=(".json",), rank=50,
    ),
)  # fmt: skip
