"""需求登记: the registration tab, its form and dialogs."""
