"""Printable documents built from the app's data (the Lotse's Infoblatt)."""
