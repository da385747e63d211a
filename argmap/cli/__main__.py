"""``python -m argmap.cli``: the same as the ``argmap`` command."""

from argmap.cli import main

main()
