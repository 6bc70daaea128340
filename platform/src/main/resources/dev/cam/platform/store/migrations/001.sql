-- Instants are epoch milliseconds (UTC). A machine is (host, user, port, key_file), host NULL
-- for this machine. JSON columns (env, tags, detail) hold Jackson-written text; env is NULL
-- when empty so listing agents parses no JSON in the common case.

CREATE TABLE agents (
  id          TEXT PRIMARY KEY,
  name        TEXT,
  tool        TEXT NOT NULL,
  context     TEXT,
  host        TEXT,
  user        TEXT,
  port        INTEGER NOT NULL,
  key_file    TEXT,
  cwd         TEXT,
  prompt      TEXT NOT NULL,
  status      TEXT NOT NULL,
  state       TEXT NOT NULL,
  transport   TEXT,
  session     TEXT,
  created_at  INTEGER NOT NULL,
  started_at  INTEGER,
  finished_at INTEGER,
  exit_reason TEXT,
  attempt     INTEGER NOT NULL,
  timeout_ms  INTEGER,
  idle_timeout_ms INTEGER,
  retries     INTEGER NOT NULL,
  auto_confirm INTEGER NOT NULL,
  env         TEXT
);
CREATE INDEX agents_by_created ON agents(created_at DESC, id DESC);
CREATE INDEX agents_by_status_created ON agents(status, created_at DESC, id DESC);

CREATE TABLE contexts (
  name       TEXT PRIMARY KEY,
  path       TEXT NOT NULL,
  host       TEXT,
  user       TEXT,
  port       INTEGER NOT NULL,
  key_file   TEXT,
  tags       TEXT NOT NULL,
  created_at INTEGER NOT NULL
);

CREATE TABLE events (
  seq      INTEGER PRIMARY KEY AUTOINCREMENT,
  agent_id TEXT,
  type     TEXT NOT NULL,
  ts       INTEGER NOT NULL,
  detail   TEXT NOT NULL
);
CREATE INDEX events_by_agent_seq ON events(agent_id, seq);

CREATE TABLE leases (
  agent_id    TEXT PRIMARY KEY,
  owner       TEXT NOT NULL,
  acquired_at INTEGER NOT NULL,
  expires_at  INTEGER NOT NULL
);
