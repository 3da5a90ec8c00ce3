-- H2 keeps no sample of a column's values: nothing to turn off, as in V11.
SELECT 1;
