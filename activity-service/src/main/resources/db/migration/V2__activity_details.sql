-- Details that only some sports have: strides on a run, the depth of a massage. NULL when not given.
ALTER TABLE activity
    ADD COLUMN strides       BOOLEAN    NULL,
    ADD COLUMN massage_depth VARCHAR(8) NULL;
