-- Event re-checks (real-time monitoring). V3 rather than V2: the HTTP API's migration is V2.

-- The resources an event re-check was limited to, per rule; a rule of the run without rows covered its whole region.
CREATE TABLE run_targets (
    run_id   VARCHAR(64)   NOT NULL REFERENCES runs (id),
    rule_id  VARCHAR(64)   NOT NULL,
    resource VARCHAR(1024) NOT NULL,
    PRIMARY KEY (run_id, rule_id, resource)
);

-- The planner's sweep looks for runs still running.
CREATE INDEX runs_by_outcome ON runs (outcome);
