"""The page cache, the fragment cache, kept routes and the query budgets they keep."""
