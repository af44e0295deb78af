"""Storage: tables, engine and sessions, migrations, full-text backends."""
