-- A change made under row security (withScope, as lantern_scoped) is audited in the same
-- transaction, so the scoped role may append to the audit log: only insert, and the log's own
-- triggers (0002) still refuse any update or delete.
grant insert on audit_event to lantern_scoped;
