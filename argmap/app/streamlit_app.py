"""The script ``argmap app`` hands to ``streamlit run`` (the project's ``app.py`` does the same)."""

from argmap.app.main import run

run()
