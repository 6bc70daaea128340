-- Task graphs (cam apply) and their tasks, in file order. Instants are epoch milliseconds.

CREATE TABLE task_graphs (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  status      TEXT NOT NULL,
  created_at  INTEGER NOT NULL,
  finished_at INTEGER
);
CREATE INDEX task_graphs_by_created ON task_graphs(created_at DESC, id DESC);

CREATE TABLE tasks (
  graph_id    TEXT NOT NULL,
  position    INTEGER NOT NULL,
  name        TEXT NOT NULL,
  depends_on  TEXT NOT NULL,
  status      TEXT NOT NULL,
  agent_id    TEXT,
  reason      TEXT,
  started_at  INTEGER,
  finished_at INTEGER,
  PRIMARY KEY (graph_id, name)
);
