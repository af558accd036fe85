"""Validation against human codes: coding samples, intercoder reliability (Krippendorff's
alpha), and the precision, recall and F1 of a measure against the codes."""
