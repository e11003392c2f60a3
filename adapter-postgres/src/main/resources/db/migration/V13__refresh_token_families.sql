-- A login starts a family of refresh tokens; every refresh hands on the family. When a spent token is offered
-- again, someone holds a copy: the whole family is revoked, the thief's chain with the victim's.
ALTER TABLE refresh_tokens ADD COLUMN family_id uuid;
UPDATE refresh_tokens SET family_id = id;
ALTER TABLE refresh_tokens ALTER COLUMN family_id SET NOT NULL;
CREATE INDEX refresh_tokens_family_id_idx ON refresh_tokens (family_id);
