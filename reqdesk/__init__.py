"""reqdesk: customer requirement management for ISO 9001 / IATF 16949 service desks."""

__version__ = "0.1.0"
APP_NAME = "reqdesk"
