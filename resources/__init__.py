"""reqdesk's data files (fonts, icons, translations), installed as ``reqdesk.resources``."""
