"""The exception hierarchy.

NewsledgerError                 base of everything we raise on purpose
├── InputError                  an input cannot be read or used (becomes a "skipped" row)
│   ├── EmptyInput              nothing left after cleaning
│   ├── BinaryInput             looks like a binary file
│   ├── DecodeError             bytes that are not text in any encoding we accept
│   └── TooLarge                over the size limit
├── MissingExtra                an optional dependency is not installed (message says what to install)
└── StoreError                  the database cannot be opened or upgraded

Inside a batch, an ``InputError`` turns into a :class:`newsledger.models.Skipped` with
``str(error)`` as its one-line reason; only the CLI prints.
"""


class NewsledgerError(Exception):
    """Base class for errors newsledger raises on purpose."""


class InputError(NewsledgerError):
    """An input that cannot be used. ``str(err)`` is a one-line reason."""


class EmptyInput(InputError):
    pass


class BinaryInput(InputError):
    pass


class DecodeError(InputError):
    pass


class TooLarge(InputError):
    pass


class MissingExtra(NewsledgerError):
    """An optional dependency is missing; the message names the extra to install."""

    def __init__(self, feature: str, extra: str, module: str):
        super().__init__(
            f"{feature} needs the optional package '{module}': "
            f"pip install 'newsledger[{extra}]'"
        )
        self.extra = extra


class StoreError(NewsledgerError):
    pass
