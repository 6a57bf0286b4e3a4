"""Entities: typed mentions in one document, their within-document linking, and cross-document resolution."""
