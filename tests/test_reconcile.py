"""Reconciliation rules on hand-made claims."""

from __future__ import annotations


def test_later_figure_from_the_same_source_supersedes_the_earlier():
    """Rule 3 across reports: the ministry said 5, two days later the ministry said 7."""
    from newsledger.models import Claim, Event
    from newsledger.resolve.reconcile import reconcile

    def ev(doc, n, source):
        c = Claim(counts="killed", low=n, high=n, best=n, text=str(n), sentence=f"{source} said {n} were killed.",
                  document_id=doc, source=source)
        return Event(document_id=doc, claims=[c])

    est = reconcile([ev("a", 5, "the Foreign Ministry"), ev("b", 7, "Foreign Ministry"), ev("c", 6, "police")],
                    "killed")
    assert (est.low, est.best, est.high) == (6, 7, 7)
    assert "superseded" in est.rule
