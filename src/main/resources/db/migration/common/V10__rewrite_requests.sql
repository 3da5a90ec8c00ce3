-- Each request to rewrite the files carries a token of its own. A rewrite that began before a
-- later request for the same round (answers erased just after publishing) takes away only the
-- requests it saw, so the later one is still done. Rows from before have none.
ALTER TABLE answers_rewrite_pending ADD COLUMN request UUID;
