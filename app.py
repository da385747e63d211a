"""argmap's app (``streamlit run app.py``): the pages live in :mod:`argmap.app`."""

from pathlib import Path

from argmap.app.main import run

run(maps=Path(__file__).with_name("maps"))
