"""Bundled example text, written for the project."""
