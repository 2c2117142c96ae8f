"""Streamlit glue shared by the pages: cached data, view state, URL, shared components.

Services never import this package; pages import it and services. Nothing here logs what
a user searches for.
"""
