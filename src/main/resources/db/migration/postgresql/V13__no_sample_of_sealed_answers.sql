-- As V11: the planner keeps no sample of the sealed answers nor of the rounds' wrapped keys.
ALTER TABLE sealed_response ALTER COLUMN sealed SET STATISTICS 0;
ALTER TABLE round_key ALTER COLUMN wrapped SET STATISTICS 0;
ALTER TABLE written_answer ALTER COLUMN sealed SET STATISTICS 0;
ALTER TABLE written_answer_as_written ALTER COLUMN sealed SET STATISTICS 0;
