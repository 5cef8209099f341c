"""Customer files (客户档案): forms, access, approval, sections, list, import, export, card."""
