"""The insight library: search, review of suggestions, codes, clusters, glossary and insights."""
