"""客户档案: the customer files tab, editor, import and printing."""
