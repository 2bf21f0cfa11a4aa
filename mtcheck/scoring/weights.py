"""Error weights: how many penalty points one error of a category and severity costs.

Two presets, and any other set of weights from a file:

- ``mqm``: the MQM Council's scoring model: a severity multiplier (Neutral 0, Minor 1, Major 5,
  Critical 25) times the error type's weight (1 unless configured).
- ``wmt-mqm``: the weights of Freitag et al. 2021, "Experts, Errors, and Context" (WMT MQM
  human evaluation): Major 5, Minor 1, Minor Fluency/Punctuation 0.1, Non-translation 25
  whatever its severity, Neutral 0 (the paper has no Critical; it keeps MQM's 25 here).

A weights file (YAML or JSON) has the same three parts as the ``scoring`` section of the config::

    severity_multipliers: {neutral: 0, minor: 1, major: 5, critical: 25}
    category_weights: {Terminology: 2, Fluency/Punctuation: 0.5}   # a category or its dimension
    fixed_weights:                                                # these win over the two above
      - {category: Non-translation, weight: 25}
      - {category: Fluency/Punctuation, severity: minor, weight: 0.1}
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

NO_ERROR = "no-error"  # the WMT files' row for a segment a rater found no error in

MQM_MULTIPLIERS = MappingProxyType({"neutral": 0.0, "minor": 1.0, "major": 5.0, "critical": 25.0})


def category_key(category: str) -> str:
    """Categories compare case-insensitively, without WMT's "!" ("Non-translation!")."""
    return "/".join(part.strip() for part in category.strip().rstrip("!").lower().split("/"))


@dataclass(frozen=True)
class FixedWeight:
    category: str  # a category key (see category_key)
    weight: float
    severity: str | None = None  # None: any severity

    def applies(self, category: str, severity: str) -> bool:
        return _within(category, self.category) and self.severity in (None, severity)


def _within(category: str, wanted: str) -> bool:
    """'fluency/punctuation' is within 'fluency/punctuation' and within 'fluency'."""
    return category == wanted or category.startswith(wanted + "/")


@dataclass(frozen=True)
class Weights:
    name: str
    severity_multipliers: Mapping[str, float] = field(default_factory=lambda: MQM_MULTIPLIERS)
    category_weights: Mapping[str, float] = field(default_factory=dict)  # category key -> weight
    fixed_weights: tuple[FixedWeight, ...] = ()

    def penalty(self, category: str, severity: str) -> float:
        """The penalty points of one error; unknown severities cost nothing (and are reported
        by whoever reads them)."""
        category, severity = category_key(category), severity.strip().lower()
        if severity == NO_ERROR or category == NO_ERROR:
            return 0.0
        for fixed in self.fixed_weights:
            if fixed.applies(category, severity):
                return fixed.weight
        return self.severity_multipliers.get(severity, 0.0) * self.category_weight(category)

    def category_weight(self, category: str) -> float:
        """The weight of the category itself, else of its nearest parent, else 1."""
        parts = category.split("/")
        for end in range(len(parts), 0, -1):
            weight = self.category_weights.get("/".join(parts[:end]))
            if weight is not None:
                return weight
        return 1.0

    def describe(self) -> dict:
        return {
            "name": self.name,
            "severity_multipliers": dict(self.severity_multipliers),
            "category_weights": dict(self.category_weights),
            "fixed_weights": [
                {"category": f.category, **({"severity": f.severity} if f.severity else {}), "weight": f.weight}
                for f in self.fixed_weights
            ],
        }


MQM = Weights("mqm")
WMT_MQM = Weights(
    "wmt-mqm",
    fixed_weights=(
        FixedWeight("non-translation", 25.0),
        FixedWeight("fluency/punctuation", 0.1, "minor"),
    ),
)
PRESETS: dict[str, Weights] = {MQM.name: MQM, WMT_MQM.name: WMT_MQM}

# The JSON Schema of the weights part of a config's ``scoring`` section, or of a weights file.
WEIGHTS_SCHEMA_PROPERTIES = {
    "severity_multipliers": {
        "type": "object",
        "additionalProperties": False,
        "properties": {name: {"type": "number", "minimum": 0} for name in MQM_MULTIPLIERS},
    },
    "category_weights": {"type": "object", "additionalProperties": {"type": "number", "minimum": 0}},
    "fixed_weights": {
        "type": "array",
        "items": {
            "type": "object",
            "additionalProperties": False,
            "required": ["category", "weight"],
            "properties": {
                "category": {"type": "string", "minLength": 1},
                "severity": {"enum": list(MQM_MULTIPLIERS)},
                "weight": {"type": "number", "minimum": 0},
            },
        },
    },
}


def weights_from(data: Mapping, base: Weights = MQM, name: str | None = None) -> Weights:
    """``base`` with the parts ``data`` (already validated against the schema) sets."""
    multipliers = {**base.severity_multipliers, **{k: float(v) for k, v in data.get("severity_multipliers", {}).items()}}
    categories = {**base.category_weights,
                  **{category_key(k): float(v) for k, v in data.get("category_weights", {}).items()}}
    fixed = tuple(FixedWeight(category_key(f["category"]), float(f["weight"]), f.get("severity"))
                  for f in data.get("fixed_weights", ())) or base.fixed_weights
    return Weights(name or base.name, MappingProxyType(multipliers), MappingProxyType(categories), fixed)
