-- Who to tell about each runner, kept from the latest PlanChanged on the compacted plans topic.
CREATE TABLE contact (
    runner_id     VARCHAR(64)  PRIMARY KEY,
    plan_id       UUID         NOT NULL,
    runner_name   VARCHAR(200) NOT NULL,
    runner_email  VARCHAR(320) NOT NULL,
    pt_name       VARCHAR(200) NOT NULL,
    pt_email      VARCHAR(320) NOT NULL,
    distance_unit VARCHAR(2)   NOT NULL,
    time_zone     VARCHAR(64)  NOT NULL,
    changed_at    TIMESTAMPTZ  NOT NULL
);
