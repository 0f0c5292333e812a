"""``python -m baucu.law``: the pure law-core commands (see :mod:`baucu.law.cli`)."""

from baucu.law.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
