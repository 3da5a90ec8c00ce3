-- ANALYZE keeps a sample of each column's values for the query planner (pg_statistic, read through
-- pg_stats). A sample of the answer tables would hold people's words as they wrote them, codes'
-- fingerprints and the mix of answers while a round is open, and it outlives close, publication and
-- erasing: deleting rows does not change it, and VACUUM FULL does not touch it. These columns are
-- never sampled. Setting each column's type again, unchanged, drops any sample taken before.
ALTER TABLE written_answer ALTER COLUMN answer SET STATISTICS 0;
ALTER TABLE written_answer ALTER COLUMN answer TYPE TEXT;
ALTER TABLE written_answer ALTER COLUMN on_paper SET STATISTICS 0;
ALTER TABLE written_answer ALTER COLUMN on_paper TYPE BOOLEAN;
ALTER TABLE written_answer_as_written ALTER COLUMN answer SET STATISTICS 0;
ALTER TABLE written_answer_as_written ALTER COLUMN answer TYPE TEXT;
ALTER TABLE response_answer ALTER COLUMN answer SET STATISTICS 0;
ALTER TABLE response_answer ALTER COLUMN answer TYPE VARCHAR(100);
ALTER TABLE response ALTER COLUMN perspective SET STATISTICS 0;
ALTER TABLE response ALTER COLUMN perspective TYPE VARCHAR(100);
ALTER TABLE response ALTER COLUMN on_paper SET STATISTICS 0;
ALTER TABLE response ALTER COLUMN on_paper TYPE BOOLEAN;
ALTER TABLE participation_code ALTER COLUMN code_hash SET STATISTICS 0;
ALTER TABLE participation_code ALTER COLUMN code_hash TYPE VARCHAR(64);
