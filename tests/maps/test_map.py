"""The cybercrime-treaty map itself: valid, every quote found in the articles, well formed."""

from __future__ import annotations

import re
from collections import Counter

import networkx as nx
import pytest

from argmap.analysis.evaluate import evaluate
from argmap.graph import relation_triples, to_graph
from argmap.model import FACTUAL_KINDS, AudienceBasis, ClaimKind, RelationType
from argmap.products.quotes import check_quotes
from argmap.semantics.audiences import Acceptance, Weighing
from argmap.semantics.bipolar import attack_framework
from argmap.semantics.values import audience_named
from argmap.store.yaml_map import read_map
from tests.conftest import CYBERCRIME_MAP, SOURCES


@pytest.fixture(scope="module")
def cyber():
    return read_map(CYBERCRIME_MAP).map


def test_map_is_valid(cyber) -> None:
    assert len(cyber.claims) >= 40
    assert len(cyber.relations) >= len(cyber.claims) - 1


def test_every_quote_is_in_the_articles(cyber) -> None:
    if not SOURCES.is_dir():
        pytest.skip(f"the articles are not here ({SOURCES}); CI always has them")
    misses = [r for r in check_quotes(cyber, SOURCES) if not r.found]
    assert not misses, "\n".join(f"{r.claim_id}: {r.problem}; closest: {r.closest}" for r in misses)


def test_every_relation_says_which_sentence_makes_it(cyber) -> None:
    """Every relation's note quotes the articles, and every quoted passage is theirs."""
    if not SOURCES.is_dir():
        pytest.skip(f"the articles are not here ({SOURCES}); CI always has them")
    articles = " ".join(
        (SOURCES / s.text_file).read_text(encoding="utf-8") for s in cyber.sources if s.text_file
    )
    text = re.sub(r"\s+", " ", articles)
    missing = []
    for relation in cyber.relations:
        quoted = re.findall(r"[\"“]([^\"”]{6,})[\"”]", relation.note or "")
        if not quoted:
            missing.append((relation.id, "quotes no sentence"))
        for passage in quoted:
            for part in re.split(r"\s*(?:\.\.\.|…)\s*", passage):
                part = re.sub(r"\s+", " ", part.strip(" ,.:;"))
                if len(part) > 5 and part not in text:
                    missing.append((relation.id, part))
    assert not missing, missing


def test_sources_are_first_or_second_hand(cyber) -> None:
    """The three articles carry their text; everything else is known through one of them."""
    with_text = [s for s in cyber.sources if s.text_file]
    assert sorted(s.text_file for s in with_text) == [
        "russia-and-china-un-cybercrime-rules.txt",
        "strengthening-global-cooperation.txt",
        "us-to-fall-in-line-with-un-cybercrime-treaty.txt",
    ]
    article_ids = {s.id for s in with_text}
    for source in cyber.sources:
        if not source.text_file:
            assert source.reported_in in article_ids, source.id


def test_every_source_and_actor_is_used(cyber) -> None:
    """Every actor holds a claim or an audience, or belongs to (or is) a group that does.

    China holds the UN-treaty position as one of "these countries" with Russia, so that
    claim's actor is the group of the two; China's own act is its support for Russia's
    2018 resolution. The 94 states of that vote hold an audience, not a claim.
    """
    used_sources = Counter(c.source for c in cyber.claims)
    holders = {c.actor for c in cyber.claims} | {a.actor for a in cyber.audiences if a.actor}
    parent = {a.id: a.member_of for a in cyber.actors}
    members_of_holders = {a for a, p in parent.items() if p in holders}
    parents_of_holders = {parent[h] for h in holders if parent.get(h)}
    used = holders | members_of_holders | parents_of_holders
    assert [s.id for s in cyber.sources if s.id not in used_sources and s.text_file is None] == []
    assert [a.id for a in cyber.actors if a.id not in used] == []


def article_of(cyber, source_id: str) -> str:
    """Return the id of the article a source is read in (itself, or what reports it)."""
    source = cyber.source(source_id)
    while source.reported_in:
        source = cyber.source(source.reported_in)
    return source.id


def claim_links(cyber) -> list[tuple[str, str, str]]:
    """(relation id, origin, target claim); an undercut reaches the claim its chain ends at."""
    relations = {r.id: r for r in cyber.relations}

    def claim_at(target: str) -> str:
        while target in relations:
            target = relations[target].to
        return target

    return [(r.id, r.from_, claim_at(r.to)) for r in cyber.relations]


def test_one_connected_debate(cyber) -> None:
    G = nx.Graph()
    G.add_nodes_from(c.id for c in cyber.claims)
    G.add_edges_from((a, b) for _, a, b in claim_links(cyber))
    parts = list(nx.connected_components(G))
    assert len(parts) == 1, sorted(map(sorted, parts), key=len)[:-1]


def claim_quoting(cyber, fragment: str) -> str:
    """Return the id of the one claim whose quote contains ``fragment`` (ids may change)."""
    found = [c.id for c in cyber.claims if fragment in c.quote]
    assert len(found) == 1, (fragment, found)
    return found[0]


def relation_between(cyber, origin: str, target: str, kind: RelationType):
    """Return the relation of ``kind`` from claim ``origin`` to a claim or relation, or None."""
    found = [r for r in cyber.relations if (r.from_, r.to, r.type) == (origin, target, kind)]
    return found[0] if found else None


def attack_on(cyber, origin: str, target: str):
    return relation_between(cyber, origin, target, RelationType.attacks)


# The articles' positions, found by their words.
BUDAPEST = "urging more nations to sign the European Convention on Cybercrime"
UN_2019 = "have instead called for a new global cybercrime treaty at the U.N."
UN_2024 = "the Biden Administration has opted to back the UN Cybercrime Treaty"
SANCTIONS = "the United States could have imposed economic sanctions under the legislation"
PLATFORMS = "existing international platforms that could serve as models"
PUSH_BACK = "the United States must push back against their agenda"
HARBOURERS = "two countries that have sponsored and harbored cybercriminals"
ALL_STATES = "collaborating with all states"
LIMITED = "developing treaties with like-minded allies"
LESS_VICTIMIZED = "highly motivated to combat it"
RIGHTS_WARNING = "Warning of potential human rights abuse is common criticism"
HURT_SECURITY = "the Treaty will hurt not improve cybersecurity"


@pytest.fixture(scope="module")
def theses(cyber) -> dict[str, str]:
    return {
        name: claim_quoting(cyber, words)
        for name, words in [
            ("budapest", BUDAPEST),
            ("un-2019", UN_2019),
            ("un-2024", UN_2024),
            ("sanctions", SANCTIONS),
            ("platforms", PLATFORMS),
        ]
    }


def test_the_eras_argue_with_each_other(cyber) -> None:
    article = {c.id: article_of(cyber, c.source) for c in cyber.claims}
    cross = [(r, a, b) for r, a, b in claim_links(cyber) if article[a] != article[b]]
    touching_2024 = [x for x in cross if "iasiello-2024" in (article[x[1]], article[x[2]])]
    assert len(cross) >= 15 and len(touching_2024) >= 6, (len(cross), len(touching_2024))
    # The decisive clashes of 2019 and 2011 against 2024, each in both directions: Peters
    # would not let the harbourers set the rules, Goldsmith would keep to like-minded
    # allies, and Iasiello would bring every state in; Peters's push-back against a UN
    # treaty meets the decision to back one.
    q = lambda words: claim_quoting(cyber, words)  # noqa: E731
    for a, b in [
        (q(HARBOURERS), q(ALL_STATES)),
        (q(LIMITED), q(ALL_STATES)),
        (q(PUSH_BACK), q(UN_2024)),
    ]:
        assert attack_on(cyber, a, b) and attack_on(cyber, b, a), (a, b)
    # 2011's reluctant partners against 2024's all states, answered by the treaty's binding force.
    doubt = attack_on(cyber, q(LESS_VICTIMIZED), q(ALL_STATES))
    assert doubt and relation_between(
        cyber, q("The Treaty would be legally binding"), doubt.id, RelationType.undercuts
    )


def test_theses_are_the_options(cyber, theses) -> None:
    """One thesis per option the articles put forward, each argued for; every option an
    article argues against is contested, and the rivalry of Budapest and a UN treaty is
    kept where Peters makes it (2019), not carried into 2024."""
    G = to_graph(cyber)
    assert sorted(c.id for c in cyber.claims if c.kind is ClaimKind.thesis) == sorted(
        theses.values()
    )
    incoming = {
        name: Counter(k for _, k, _, to in relation_triples(G) if to == t)
        for name, t in theses.items()
    }
    assert all(kinds["supports"] >= 3 for kinds in incoming.values()), incoming
    # No article argues against sanctions; every other option meets an objection.
    assert [n for n, kinds in incoming.items() if not kinds["attacks"]] == ["sanctions"]
    b, u19, u24 = theses["budapest"], theses["un-2019"], theses["un-2024"]
    for rivalry in (attack_on(cyber, b, u19), attack_on(cyber, u19, b)):
        assert rivalry and "Peters" in (rivalry.note or ""), rivalry
    assert not attack_on(cyber, b, u24) and not attack_on(cyber, u24, b)
    # Each is wired to what its own article says: Iasiello's reasons carry the 2024 decision
    # and none reaches the 2019 call; Peters's objections meet the 2019 call.
    iasiello_to_theses = {
        r.to for r in cyber.relations if cyber.claim(r.from_).source == "iasiello-2024"
    } & set(theses.values())
    assert (
        u24 in iasiello_to_theses and u19 not in iasiello_to_theses and b not in iasiello_to_theses
    )
    assert attack_on(cyber, claim_quoting(cyber, HARBOURERS), u19)
    assert attack_on(cyber, claim_quoting(cyber, "a draft treaty that Russia has recently"), u19)
    # Iasiello sets the 2024 treaty after Budapest, not against it.
    since = claim_quoting(cyber, "first substantive international effort since the 2001")
    assert relation_between(cyber, since, u24, RelationType.supports)
    # The 2019 proposal and the 2024 decision are two claims with two holders.
    assert cyber.claim(u19).actor == "russia-china" and cyber.claim(u24).actor == "biden-admin"
    # "Other models" is the option, answered by the articles' natural objections.
    platforms = theses["platforms"]
    assert attack_on(cyber, claim_quoting(cyber, "will face numerous hurdles"), platforms)
    assert attack_on(
        cyber, claim_quoting(cyber, "if those forums adhere to similar values"), platforms
    )


def test_peters_answers_in_her_next_sentence(cyber, theses) -> None:
    """'Yet, it's the only global treaty ...' answers the safeguards objection, and
    'expanding the number of parties' answers the refusal of Russia and China."""
    b = theses["budapest"]

    def objection(words: str):
        (found,) = [
            r
            for r in cyber.relations
            if r.to == b
            and r.type is RelationType.attacks
            and cyber.claim(r.from_).kind is not ClaimKind.thesis
            and words in cyber.claim(r.from_).quote
        ]
        return found

    safeguards = objection("validly criticized")
    refusal = objection("have refused to join")
    assert safeguards and refusal
    yet = claim_quoting(cyber, "the only global treaty that exists")
    expand = claim_quoting(cyber, "expanding the number of parties to this treaty")
    assert relation_between(cyber, yet, safeguards.id, RelationType.undercuts)
    assert relation_between(cyber, expand, refusal.id, RelationType.undercuts)


def test_the_critics_are_answered_as_the_article_answers_them(cyber, theses) -> None:
    """Iasiello answers the critics by weighing, not by refuting them.

    A doubt about motives is at most a weak attack on the speaker's word: it cuts only the
    supports that come from the speaker's own claims, never a claim or an objection, and
    Peters's doubt about Russia and China is treated as Iasiello's about the firms. The
    Administration's safeguards reach every objection to its decision, and Iasiello's own
    "cannot compel" limits every one of them; "This may not be enough" is a concession.
    """
    by_id = {r.id: r for r in cyber.relations}
    u24 = theses["un-2024"]
    objections = [r for r in cyber.relations if r.type is RelationType.attacks and r.to == u24]
    critics = [
        r for r in objections if cyber.claim(r.from_).actor in {"treaty-critics", "rights-critics"}
    ]
    assert {cyber.claim(r.from_).actor for r in critics} == {"treaty-critics", "rights-critics"}
    plan = claim_quoting(cyber, "risk management plan")
    compel = claim_quoting(cyber, "cannot compel other governments")
    for objection in critics:
        answer = relation_between(cyber, plan, objection.id, RelationType.undercuts)
        assert answer, objection.id
        assert relation_between(cyber, compel, answer.id, RelationType.undercuts), answer.id
    for doubter, speakers in [
        (claim_quoting(cyber, "protestations are genuine"), {"treaty-critics", "google"}),
        (
            claim_quoting(cyber, "long been accused of sponsoring"),
            {"russia", "russia-china", "china"},
        ),
    ]:
        assert cyber.claim(doubter).kind in FACTUAL_KINDS
        cut = [by_id[r.to] for r in cyber.relations if r.from_ == doubter]
        assert cut, doubter
        assert all(r.type is RelationType.supports for r in cut), doubter
        assert {cyber.claim(r.from_).actor for r in cut} <= speakers, doubter
    concession = claim_quoting(cyber, "This may not be enough for these critics")
    assert [r.type for r in cyber.relations if r.from_ == concession] == [RelationType.supports]
    # The weighing, not the safeguards, carries the decision: "far outweighs the risks".
    weighing = claim_quoting(cyber, "far outweighs the risks")
    warning = claim_quoting(cyber, RIGHTS_WARNING)
    assert attack_on(cyber, weighing, warning) and attack_on(cyber, warning, weighing)


def test_facts_carry_no_values_and_every_claim_has_its_true_kind(cyber) -> None:
    """What is the case is not weighed; what should be done or what matters names its values."""
    assert not [c.id for c in cyber.claims if c.kind is ClaimKind.claim]
    assert not [c.id for c in cyber.claims if c.kind in FACTUAL_KINDS and c.values]
    assert not [c.id for c in cyber.claims if c.kind not in FACTUAL_KINDS and not c.values]
    for kind, words in [
        (ClaimKind.evidence, "passed by a vote of 94 to 59"),
        (ClaimKind.prediction, "will face numerous hurdles"),
        (ClaimKind.motive, "protestations are genuine"),
        (ClaimKind.motive, "could presumably influence the drafting of"),
        (ClaimKind.judgement, "far outweighs the risks"),
    ]:
        assert cyber.claim(claim_quoting(cyber, words)).kind is kind, words


def test_each_audience_ranks_only_what_its_actor_says(cyber) -> None:
    """Each audience is an actor's own, says whether its order is stated or inferred, and
    ranks nothing its quote and description do not speak to."""
    for audience in cyber.audiences:
        assert audience.actor and audience.quote and audience.source, audience.id
        assert audience.source in cyber.actor(audience.actor).sources, audience.id
        assert audience.basis is not None and audience.description, audience.id
    by_actor = {a.actor: a for a in cyber.audiences}
    for actor in ("obama-admin", "csis", "unga-majority-2018", "rights-critics", "treaty-critics"):
        assert actor in by_actor, actor
    ranked = {a.actor: {v for tier in a.ranking for v in tier} for a in cyber.audiences}
    # Iasiello weighs the progress against the risks; universality is his means, not ranked.
    assert ranked["iasiello"] == {"law-enforcement", "human-rights", "security-research"}
    assert by_actor["iasiello"].basis is AudienceBasis.stated
    # Peters does not rank human rights last: she sets the rule of law beside cooperation.
    assert by_actor["peters"].ranking[0] == ["human-rights", "law-enforcement"]
    # Russia's ranking is its own objection, not its opponent's paraphrase.
    assert by_actor["russia"].source == "russia-budapest-objection"
    # The Administration "fell in line with the general consensus".
    assert "universality" in by_actor["biden-admin"].ranking[0]


def test_no_thesis_stands_objectively_because_nothing_attacks_it(cyber, theses) -> None:
    """Across every ordering of the values (the default support view), exactly."""
    G = to_graph(cyber)
    acceptance = Weighing(attack_framework(G), G).acceptance(list(theses.values()))
    # The treaty routes are won by weighing, not refutation ...
    for name in ("budapest", "un-2019", "un-2024"):
        assert acceptance[theses[name]] is Acceptance.SUBJECTIVE, (name, acceptance)
    # ... sanctions are only uncontested: no article argues against them ...
    assert acceptance[theses["sanctions"]] is Acceptance.UNCONTESTED
    # ... and the platforms hang on a question of fact no ranking settles: whether further
    # agreements with China and Russia can overcome the hurdles (Lewis and Goldsmith
    # against Savage's hope).
    assert acceptance[theses["platforms"]] is Acceptance.INDEFENSIBLE
    assert Acceptance.OBJECTIVE not in acceptance.values()


def test_each_actor_audience_gets_the_outcome_its_words_give(cyber, theses) -> None:
    G = to_graph(cyber)

    def labels(audience: str) -> dict[str, str]:
        ev = evaluate(G, audience=audience_named(G, audience))
        return {name: str(ev.labels[t]) for name, t in theses.items()}

    # The Administration's backing stands for the Administration and for Iasiello, who
    # weigh the fight against cybercrime above the critics' concerns; the critics, firms
    # and human-rights groups alike, do not accept it, and nor does Peters.
    assert labels("biden-admin-view")["un-2024"] == "in"
    assert labels("iasiello-view")["un-2024"] == "in"
    for audience in ("treaty-critics-view", "rights-critics-view", "peters-view"):
        assert labels(audience)["un-2024"] == "out", audience
    # Budapest stands for its author and for Peters, who rank cooperation above Russia's
    # sovereignty objection; Russia's own objection defeats it for Russia.
    assert labels("obama-admin-view")["budapest"] == "in"
    peters = labels("peters-view")
    assert (peters["budapest"], peters["un-2019"]) == ("in", "out")
    assert labels("russia-view")["budapest"] == "out"
    # Russia's reported words rank sovereignty above foreign police power only; they do not
    # answer Peters's objection that its draft would restrict speech, so even for Russia its
    # proposal does not stand on what the articles let it say.
    assert labels("russia-view")["un-2019"] != "in"
    # The 2024 decision pushes back on Peters's push-back, for the Administration.
    ev = evaluate(G, audience=audience_named(G, "biden-admin-view"))
    assert str(ev.labels[claim_quoting(cyber, PUSH_BACK)]) == "out"
    # Nothing argues against sanctions: they stand for the senators, uncontested.
    assert labels("gillibrand-hatch-view")["sanctions"] == "in"
    # CSIS's platforms: Peters's condition fails for those who put the fight against
    # cybercrime above it, and the hurdles leave the option open for them; it falls where
    # the condition is not outranked.
    assert labels("biden-admin-view")["platforms"] == "undec"
    assert labels("peters-view")["platforms"] == "out"


@pytest.mark.parametrize(
    "needle",
    [
        "goldsmith",
        "csis",
        "lewis",
        "russia",
        "savage",
        "gillibrand",
        "peters",
        "third-way",
        "google",
        "biden",
        "iasiello",
        "obama",
        "china",
        "rights-critics",
    ],
)
def test_each_party_of_the_debate_holds_a_claim(cyber, needle: str) -> None:
    actors = {a.id for a in cyber.actors if needle in a.id or needle in a.name.lower()}
    assert actors, f"no actor for {needle}"
    holders = {c.actor for c in cyber.claims} | {a.member_of for a in cyber.actors}
    assert actors & holders, f"{needle} holds no claim"
