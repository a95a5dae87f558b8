-- One digest per PT and local date: the unique key keeps the 07:00 email to one a day, whatever the restarts.
CREATE TABLE digest (
    id          UUID         PRIMARY KEY,
    pt_email    VARCHAR(320) NOT NULL,
    local_date  DATE         NOT NULL,
    time_zone   VARCHAR(64)  NOT NULL,
    state       VARCHAR(16)  NOT NULL,
    warnings    INTEGER      NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    sent_at     TIMESTAMPTZ,
    CONSTRAINT digest_once_a_day UNIQUE (pt_email, local_date)
);

ALTER TABLE delivery ADD COLUMN digest_id UUID REFERENCES digest (id);
