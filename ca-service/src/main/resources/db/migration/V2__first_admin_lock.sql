-- Serialises creating the first administrator across instances starting together.
INSERT INTO app_lock (name) VALUES ('first-admin');
