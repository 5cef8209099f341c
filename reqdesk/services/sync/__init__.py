"""Branch sync: packages one site sends another (reqdesk sync export / import).

- ``exporting.export_package`` / ``importing.import_package``: the two user actions;
- ``conflicts``: the list of versions set aside, for the supervisor;
- ``merging``: the conflict rule; ``package``: the file format (docs/sync-format.md);
- ``tracking``: the change stamps every local change gets.
"""
