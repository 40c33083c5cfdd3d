-- Audit events are first written here, inside the transaction of the change they record (so an
-- event commits or rolls back with it, and no request waits on a global lock). The sequencer then
-- moves them, in commit order, onto the hash chain in audit_entry.
CREATE SEQUENCE audit_pending_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE audit_pending (
    id          BIGINT        PRIMARY KEY,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    actor       VARCHAR(128)  NOT NULL,
    action      VARCHAR(64)   NOT NULL,
    target      VARCHAR(512)  NOT NULL,
    outcome     VARCHAR(16)   NOT NULL,
    details     VARCHAR(4000) NOT NULL
);
