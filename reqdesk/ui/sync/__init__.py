"""Tools → Sync: exchanging packages with other sites, and the conflict list."""
