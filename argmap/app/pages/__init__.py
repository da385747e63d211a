"""One module per page of the app (run by Streamlit's navigation, see :mod:`argmap.app.main`)."""
