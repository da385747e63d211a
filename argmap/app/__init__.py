"""The Streamlit app: pages, widgets, the graph component and the session's keys.

The only package that imports streamlit. Everything it shows is computed by the layers below.
"""
