-- 007_management_role: top management (toppledelsen) becomes a role of its
-- own; see schema/sqlite/007_management_role.sql.

ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check
	CHECK (role IN ('employee', 'representative', 'leader', 'hr', 'management', 'admin'));
