"""Planning analyses without Streamlit: district profiles, status × dynamics, supply and gaps,
"what if" scenarios and their exports.

Pages and PDF reports call these functions with a `services.snapshot.Snapshot` and show or
print what they return; every figure carries its source, year and demo flag, so no view has
to look them up again. Methods and thresholds are described in docs/methods.md.
"""
