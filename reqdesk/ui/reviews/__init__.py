"""评审会签: the review sign-off tab and its dialogs."""
