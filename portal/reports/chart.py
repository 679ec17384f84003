"""Horizontal bar charts of the reports, drawn as SVG on the server: questions received vs answered per site,
and the share satisfied per site.

The admin must work without a CDN or a JavaScript library, so the bars are computed here as rectangles
and the template writes them into an inline ``<svg>`` (with a text label for each bar, for screen readers).
Two series are told apart by more than colour (WCAG 2.1, 1.4.1): received bars are solid, answered ones
striped, a legend above says which is which, each bar is labelled with its value and series, and the template
gives the same figures as a table under the chart.
"""

from dataclasses import dataclass

LABEL_WIDTH = 300
BAR_AREA = 420
BAR_HEIGHT = 12
GROUP_HEIGHT = 34
LEGEND_HEIGHT = 24


@dataclass
class Bar:
    y: int
    width: int
    value: float
    kind: str


@dataclass
class Group:
    name: str
    y: int
    bars: list


def questions_chart(report):
    """Groups of two bars (received, answered) per site of an ``ActivityReport``, scaled to the largest."""
    received, answered = report.column("questions_received"), report.column("questions_answered")
    largest = max([value for _name, value in received + answered] + [1])
    groups = []
    for index, ((name, got), (_same, done)) in enumerate(zip(received, answered, strict=True)):
        top = index * GROUP_HEIGHT + 4
        groups.append(
            Group(
                name,
                top + BAR_HEIGHT,
                [
                    Bar(top, round(BAR_AREA * got / largest), got, "received"),
                    Bar(top + BAR_HEIGHT + 2, round(BAR_AREA * done / largest), done, "answered"),
                ],
            )
        )
    return {
        "groups": groups,
        "height": len(groups) * GROUP_HEIGHT + 8,
        "legend_height": LEGEND_HEIGHT,
        "label_width": LABEL_WIDTH,
        "width": LABEL_WIDTH + BAR_AREA + 120,
        "bar_height": BAR_HEIGHT,
    }


def satisfaction_chart(report):
    """One bar per site of a ``SatisfactionReport``: its share satisfied on a 0–100 % scale, and the national
    share last for the centre. A site without ratings has no bar, and its label says so."""
    share_index = len(report.labels) - 1
    rows = list(report.rows) + ([("Toàn quốc", report.total)] if report.total is not None else [])
    groups = []
    for index, (name, values) in enumerate(rows):
        top = index * GROUP_HEIGHT + 4
        value = values[share_index]
        bars = [] if value is None else [Bar(top + BAR_HEIGHT // 2, round(BAR_AREA * value / 100), value, "share")]
        groups.append(Group(name, top + BAR_HEIGHT, bars))
    return {
        "groups": groups,
        "height": len(groups) * GROUP_HEIGHT + 8,
        "label_width": LABEL_WIDTH,
        "width": LABEL_WIDTH + BAR_AREA + 80,
        "bar_height": BAR_HEIGHT,
    }
