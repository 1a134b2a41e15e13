"""Assets of the offline HTML viewer."""
