"""The holder's best legal choice: which credited hours count, under caps, so the fewest are missing.

Certifying bodies cap what may count ("at most 10 hours online") and the holder chooses which
courses to report. With caps and minimums together the choice matters: an online ethics course
and an online general one cannot both count under a 10-hour online cap, and counting the wrong
one leaves an ethics minimum unmet. So the order of the courses must never decide; this module
finds the choice that is best for the holder, exactly.

What "best" means, in order:
1. the fewest hours still missing. Hours missing are the fewest new hours that would meet every
   rule: the larger of the total shortfall and, for each kind of rule (category, format,
   provider), the sum of that kind's unmet minimums (one new hour has one category, one format
   and one provider, so it can close one gap of each kind at once);
2. then the most minimums met;
3. then the most hours counted (what a carry-over rule may pass on).

How it is found (amounts are whole units: exact, never floats):
- Hours that no cap touches always count in full: counting more never makes anything worse.
- When the rules fit a network (the minimums, and any caps on that same kind, on one side; caps
  on at most one other kind on the other side; each piece meeting at most one rule of each
  kind), a max-flow finds it: source -> cap on the other kind -> piece -> minimum/cap class ->
  sink, where each class reaches the sink first through an arc as wide as its minimum and then
  through one for the rest of its room. Augmenting paths never take flow back off an arc into
  the sink, so filling the minimum arcs first and then the others gives the most minimum hours
  and the most hours at once, hence the fewest missing. For the most minimums met, subsets of
  minimums are tried largest first: a subset that can be filled alone stays full while the
  flow is augmented to the maximum.
- Otherwise (minimums of two kinds, or caps on two kinds besides the minimums' kind: no longer
  a flow problem) pieces that meet the same rules are pooled and every split of the capped pools
  is tried, in steps of the greatest common divisor of all the amounts, when there are at most
  SEARCH_LIMIT of them. Past that a greedy choice is made and the result says it is not proven
  best (`exact` is False); real cycles with such rules have a handful of pools.
"""

from __future__ import annotations

import math
from collections import deque, namedtuple
from itertools import combinations

from peertrack.domain.providers import same_provider

SEARCH_LIMIT = 200_000
INFINITE = 1 << 62


# Named tuples, not dataclasses: this module loads on every `status` and `due`, and a named tuple
# costs a small fraction of what defining a dataclass does at start-up.
class Rule(namedtuple("Rule", "kind dimension value amount")):
    """At least ("min") or at most ("max") `amount` in one category, format or provider (`dimension`)."""

    __slots__ = ()


class Piece(namedtuple("Piece", "amount category format provider", defaults=(None, None, None))):
    """Hours of one course in one category, with its format and provider: what rules look at."""

    __slots__ = ()


class Choice(namedtuple("Choice", "counted total missing minimum_counted minimum_missing cap_logged cap_counted exact",
                        defaults=(True,))):
    """What counts: `counted[i]` of piece i (a tuple); `total` adds the carry-over; per minimum (in the
    order of the rules) the hours toward it and its gap; per cap the hours that meet its rule
    (`cap_logged`) and those that count (`cap_counted`); `exact` is False only past SEARCH_LIMIT."""

    __slots__ = ()

    @property
    def met(self) -> int:
        return sum(1 for gap in self.minimum_missing if gap == 0)


def matches(rule: Rule, piece: Piece) -> bool:
    value = {"category": piece.category, "format": piece.format, "provider": piece.provider}[rule.dimension]
    if value is None:
        return False
    if rule.dimension == "provider":
        # One provider, exactly: "GMHCN approved vendor" is not "GMHCN". Its other names are made the
        # rule's name before this (domain/providers.py, from the template).
        return same_provider(rule.value, value)
    return value.casefold() == rule.value.casefold()


def evaluate(pieces: list[Piece], rules: list[Rule], required: int, carried: int, counted: list[int],
             exact: bool = True) -> Choice:
    """The facts of one legal choice (`counted` per piece, within every cap)."""
    minimums = [r for r in rules if r.kind == "min"]
    caps = [r for r in rules if r.kind == "max"]
    total = carried + sum(counted)
    got = [sum(x for p, x in zip(pieces, counted, strict=True) if matches(r, p)) for r in minimums]
    gaps = [max(0, r.amount - g) for r, g in zip(minimums, got, strict=True)]
    by_kind: dict[str, int] = {}
    for rule, gap in zip(minimums, gaps, strict=True):
        by_kind[rule.dimension] = by_kind.get(rule.dimension, 0) + gap
    missing = max([required - total, 0, *by_kind.values()])
    return Choice(
        counted=tuple(counted), total=total, missing=missing, minimum_counted=tuple(got), minimum_missing=tuple(gaps),
        cap_logged=tuple(sum(p.amount for p in pieces if matches(r, p)) for r in caps),
        cap_counted=tuple(sum(x for p, x in zip(pieces, counted, strict=True) if matches(r, p)) for r in caps),
        exact=exact,
    )


def rank(choice: Choice) -> tuple[int, int, int]:
    """Smaller is better: fewest missing, then most minimums met, then most hours counted."""
    return (choice.missing, -choice.met, -choice.total)


def best_choice(pieces: list[Piece], rules: list[Rule], required: int, carried: int = 0) -> Choice:
    """The holder's best legal choice of what counts (see the module's docstring)."""
    caps = [r for r in rules if r.kind == "max"]
    if not any(matches(cap, p) for cap in caps for p in pieces):
        return evaluate(pieces, rules, required, carried, [p.amount for p in pieces])
    network = _network_sides(pieces, rules)
    if network is not None:
        return evaluate(pieces, rules, required, carried, _by_flow(pieces, rules, *network))
    counted, exact = _by_search(pieces, rules, required, carried)
    return evaluate(pieces, rules, required, carried, counted, exact)


# --- the max-flow, when the rules fit a network ------------------------------------------------------


def _network_sides(pieces: list[Piece], rules: list[Rule]) -> tuple[str | None, str | None] | None:
    """(the minimums' kind, the other capped kind) when the rules fit a network, else None."""
    min_kinds = {r.dimension for r in rules if r.kind == "min"}
    cap_kinds = {r.dimension for r in rules if r.kind == "max"}
    if len(min_kinds) > 1:
        return None
    sink_kind = next(iter(min_kinds)) if min_kinds else min(cap_kinds)
    others = cap_kinds - {sink_kind}
    if len(others) > 1:
        return None
    source_kind = next(iter(others)) if others else None
    classes: dict[Rule, tuple] = {}
    for piece in pieces:
        on_sink = [r for r in rules if r.dimension == sink_kind and matches(r, piece)]
        on_source = [r for r in rules if r.dimension == source_kind and matches(r, piece)]
        mins = [r for r in on_sink if r.kind == "min"]
        sink_caps = [r for r in on_sink if r.kind == "max"]
        if len(mins) > 1 or len(sink_caps) > 1 or len(on_source) > 1:
            return None
        key = (mins[0] if mins else None, sink_caps[0] if sink_caps else None)
        for rule in on_sink:
            if classes.setdefault(rule, key) != key:
                return None  # one rule split over two classes: not one arc into the sink
    return sink_kind, source_kind


class _Graph:
    def __init__(self) -> None:
        self.capacity: list[dict[int, int]] = []

    def node(self) -> int:
        self.capacity.append({})
        return len(self.capacity) - 1

    def arc(self, a: int, b: int, capacity: int) -> None:
        self.capacity[a][b] = self.capacity[a].get(b, 0) + capacity
        self.capacity[b].setdefault(a, 0)

    def augment(self, source: int, sink: int) -> None:
        """Edmonds-Karp: shortest augmenting paths until none is left."""
        while True:
            before = {source: source}
            queue = deque([source])
            while queue and sink not in before:
                at = queue.popleft()
                for nxt, room in self.capacity[at].items():
                    if room > 0 and nxt not in before:
                        before[nxt] = at
                        queue.append(nxt)
            if sink not in before:
                return
            path = []
            at = sink
            while at != source:
                path.append((before[at], at))
                at = before[at]
            push = min(self.capacity[a][b] for a, b in path)
            for a, b in path:
                self.capacity[a][b] -= push
                self.capacity[b][a] += push


def _by_flow(pieces: list[Piece], rules: list[Rule], sink_kind: str | None, source_kind: str | None) -> list[int]:
    """The flow over pools of pieces that meet the same rules (a few nodes, however many courses)."""
    pools: dict[tuple, list[int]] = {}
    for index, piece in enumerate(pieces):
        above = next((r for r in rules if r.kind == "max" and r.dimension == source_kind and matches(r, piece)), None)
        on_sink = [r for r in rules if r.dimension == sink_kind and matches(r, piece)]
        below = (next((r for r in on_sink if r.kind == "min"), None),
                 next((r for r in on_sink if r.kind == "max"), None))
        pools.setdefault((above, below), []).append(index)
    keys = list(pools)
    sizes = [sum(pieces[i].amount for i in pools[key]) for key in keys]
    minimums = [r for r in rules if r.kind == "min"]
    amounts = None
    for size in range(len(minimums), -1, -1):
        amounts = next((found for kept in combinations(minimums, size)
                        if (found := _flow_with(keys, sizes, rules, source_kind, set(kept))) is not None), None)
        if amounts is not None:
            break
    assert amounts is not None  # the empty subset always fills
    counted = [0] * len(pieces)
    for key, amount in zip(keys, amounts, strict=True):
        for i in pools[key]:  # within a pool, the pieces in the order given: the oldest first
            counted[i] = min(pieces[i].amount, amount)
            amount -= counted[i]
    return counted


def _flow_with(keys: list[tuple], sizes: list[int], rules: list[Rule], source_kind: str | None,
               first: set[Rule]) -> list[int] | None:
    """How much of each pool counts, with the minimums in `first` filled before any other; None if
    they cannot all be. A pool's key is (its cap on the source side, (its minimum, its cap) on the sink side)."""
    graph = _Graph()
    source, sink = graph.node(), graph.node()
    above = {r: graph.node() for r in rules if r.kind == "max" and r.dimension == source_kind}
    for cap, node in above.items():
        graph.arc(source, node, cap.amount)
    classes: dict[tuple, int] = {}
    starts = []
    for (cap_above, below), size in zip(keys, sizes, strict=True):
        node = graph.node()
        start = above[cap_above] if cap_above is not None else source
        starts.append((start, node))
        graph.arc(start, node, size)
        if below not in classes:
            classes[below] = graph.node()
        graph.arc(node, classes[below], INFINITE)
    rests = []
    for (minimum, cap), node in classes.items():
        room = cap.amount if cap is not None else INFINITE
        if minimum in first and room < minimum.amount:
            return None  # a cap below its own minimum: that minimum can never be met
        floor = min(minimum.amount, room) if minimum is not None else 0
        if minimum is not None:
            rests.append((minimum, node, floor))
        graph.arc(node, sink, 0)
        rests.append((None, node, room - floor))
    # Phase 1: only the chosen minimums; phase 2: every minimum; phase 3: the rest of each class's room.
    for minimum, node, width in rests:
        if minimum in first:
            graph.capacity[node][sink] += width
    graph.augment(source, sink)
    if any(graph.capacity[node][sink] for minimum, node, _ in rests if minimum in first):
        return None
    for minimum, node, width in rests:
        if minimum is not None and minimum not in first:
            graph.capacity[node][sink] += width
    graph.augment(source, sink)
    for minimum, node, width in rests:
        if minimum is None:
            graph.capacity[node][sink] += width
    graph.augment(source, sink)
    return [size - graph.capacity[start][node] for (start, node), size in zip(starts, sizes, strict=True)]


# --- the search, when they do not ------------------------------------------------------------------


def _by_search(pieces: list[Piece], rules: list[Rule], required: int, carried: int) -> tuple[list[int], bool]:
    """Every split of the capped pools (exact), or a greedy one when there are too many."""
    caps = [r for r in rules if r.kind == "max"]
    pools: dict[frozenset, list[int]] = {}
    for index, piece in enumerate(pieces):
        signature = frozenset(i for i, r in enumerate(rules) if matches(r, piece))
        pools.setdefault(signature, []).append(index)
    capped = [(sig, members) for sig, members in pools.items()
              if any(rules[i].kind == "max" for i in sig)]
    fixed = [i for sig, members in pools.items() if sig not in dict(capped) for i in members]
    sizes = [sum(pieces[i].amount for i in members) for _, members in capped]
    step = math.gcd(*sizes, *(r.amount for r in rules), required, carried) or 1
    choices = math.prod(size // step + 1 for size in sizes[:-1])

    def spread(amounts: list[int]) -> list[int]:
        counted = [0] * len(pieces)
        for i in fixed:
            counted[i] = pieces[i].amount
        for (_, members), amount in zip(capped, amounts, strict=True):
            for i in members:  # oldest first: the order the caller gave
                counted[i] = min(pieces[i].amount, amount)
                amount -= counted[i]
        return counted

    def room_left(amounts: list[int], upto: int) -> list[int]:
        used = [sum(a for (sig, _), a in zip(capped[:upto], amounts, strict=True) if rules.index(cap) in sig)
                for cap in caps]
        return [cap.amount - u for cap, u in zip(caps, used, strict=True)]

    def most(amounts: list[int], at: int) -> int:
        sig = capped[at][0]
        room = [r for cap, r in zip(caps, room_left(amounts, at), strict=True) if rules.index(cap) in sig]
        return max(0, min([sizes[at], *room]))

    if choices > SEARCH_LIMIT:
        # Pools that feed the most minimums first, then those under the fewest caps.
        order = sorted(range(len(capped)), key=lambda at: (-sum(rules[i].kind == "min" for i in capped[at][0]),
                                                           sum(rules[i].kind == "max" for i in capped[at][0])))
        capped[:] = [capped[at] for at in order]
        sizes[:] = [sizes[at] for at in order]
        amounts: list[int] = []
        for at in range(len(capped)):
            amounts.append(most(amounts, at))
        counted = spread(amounts)
        return counted, _proven(evaluate(pieces, rules, required, carried, counted), capped, sizes, rules)

    best: tuple | None = None
    best_counted: list[int] = []

    def walk(amounts: list[int]) -> None:
        nonlocal best, best_counted
        at = len(amounts)
        if at == len(capped):
            counted = spread(amounts)
            score = rank(evaluate(pieces, rules, required, carried, counted))
            if best is None or score < best:
                best, best_counted = score, counted
            return
        top = most(amounts, at)
        if at == len(capped) - 1:
            walk([*amounts, top])  # the last pool takes all the room left: more never hurts
            return
        for amount in range(top - top % step, -1, -step):
            walk([*amounts, amount])
        if top % step:
            walk([*amounts, top])

    walk([])
    return best_counted, True


def _proven(choice: Choice, capped: list, sizes: list[int], rules: list[Rule]) -> bool:
    """Whether a greedy choice is the best all the same: nothing missing, every minimum met, and as
    many capped hours counted as the caps could ever let count (each pool held to its tightest cap)."""
    if choice.missing or choice.met < sum(1 for r in rules if r.kind == "min"):
        return False
    held: dict[int, int] = {}
    for (signature, _), size in zip(capped, sizes, strict=True):
        tightest = min((i for i in signature if rules[i].kind == "max"), key=lambda i: rules[i].amount)
        held[tightest] = held.get(tightest, 0) + size
    in_pools = {i for _, members in capped for i in members}
    counted = sum(x for i, x in enumerate(choice.counted) if i in in_pools)
    return counted >= sum(min(rules[i].amount, size) for i, size in held.items())
