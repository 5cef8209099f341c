"""Requirements (需求登记): registration, dispatch, merge, assessment, duplicates, views."""
