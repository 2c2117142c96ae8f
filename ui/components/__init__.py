"""Reusable Streamlit pieces: filters, chips, details panel, map frame, offer table."""
