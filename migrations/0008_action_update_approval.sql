-- Action updates signed off like commentary (issue 9): an update written by an officer who is
-- not the strategy's lead awaits the lead's approval; until then it changes neither the action's
-- rating nor the board report. Updates already recorded (and those in strategy files) count as
-- approved.
-- Written for PostgreSQL 15 and PGlite.

alter table action_update add column awaiting_approval boolean not null default false;
alter table action_update add column approved_by text;
