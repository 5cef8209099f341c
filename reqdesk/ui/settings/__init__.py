"""Tools → Settings: one dialog, one page per subject (see :mod:`.dialog`)."""
