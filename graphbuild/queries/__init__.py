"""Named SPARQL queries shipped with graphbuild."""
