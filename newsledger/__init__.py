"""newsledger: news reports in, a ledger of events out, every figure traced to its source.

The public Python API is :class:`newsledger.api.Ledger`; the record types live in
:mod:`newsledger.models`.
"""

__version__ = "0.1.0"

__all__ = ["__version__"]
