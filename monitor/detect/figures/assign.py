"""Which cue explains which number of a sentence: the cheapest assignment, each cue explaining one number at most.
And the figures an item keeps of the same report (a rounded headline beside the exact body). Pure."""

from __future__ import annotations

from monitor.types import Figure

UNASSIGNED = 100.0  # the cost of leaving a number without a metric: any assignment is cheaper

Option = tuple[float, int, int | None]  # (cost, cue index, metric index or None)


def assign(options: list[list[Option]]) -> dict[int, tuple[int, int | None]]:
    """Number index -> (cue index, metric index or None: a cue of no metric that fits), each cue explaining at
    most one number, at the least total cost (a search over the four nearest cues of each number, memoised)."""
    nearest = [sorted(o)[:4] for o in options]
    firsts = [(index, option[0]) for index, option in enumerate(nearest) if option]
    if len({cue for _, (_, cue, _) in firsts}) == len(firsts):
        # No two numbers want the same cue: each takes its nearest, as no other assignment costs less.
        return {index: (cue, metric) for index, (_, cue, metric) in firsts}
    # The cues that numbers from i on may take: of the cues used before i, only those matter to the rest of the
    # search, and memoising on them alone answers most of it from the memo.
    later = [frozenset[int]()] * (len(nearest) + 1)
    for i in range(len(nearest) - 1, -1, -1):
        later[i] = later[i + 1].union(cue for _, cue, _ in nearest[i])
    memo: dict[tuple[int, frozenset[int]], tuple[float, tuple[tuple[int, int, int | None], ...]]] = {}

    def best(index: int, used: frozenset[int]) -> tuple[float, tuple[tuple[int, int, int | None], ...]]:
        if index == len(nearest):
            return 0.0, ()
        used &= later[index]
        if (index, used) not in memo:
            cost, chosen = best(index + 1, used)
            result = (cost + UNASSIGNED, chosen)
            for option_cost, cue, metric in nearest[index]:
                if cue not in used:
                    rest_cost, rest = best(index + 1, used | {cue})
                    if option_cost + rest_cost < result[0]:
                        result = (option_cost + rest_cost, ((index, cue, metric), *rest))
            memo[index, used] = result
        return memo[index, used]

    return {index: (cue, metric) for index, cue, metric in best(0, frozenset())[1]}


def rounds(coarse: Figure, fine: Figure) -> bool:
    """Whether `coarse` is `fine` rounded ("more than 600" beside 601, "70 ألفًا" beside 70,100): the same report at
    a coarser grain, which one item gives in its headline and refines in its body."""
    close = abs(coarse.value - fine.value) <= 0.05 * fine.value
    return coarse.metric == fine.metric and close and _trailing_zeros(coarse.value) > _trailing_zeros(fine.value)


def _trailing_zeros(value: float) -> int:
    digits = str(int(value)) if value == int(value) else "1"
    return len(digits) - len(digits.rstrip("0"))
