-- Scheduled runs (`ascolto run --inbox DIR`): what each run saw, did and how it ended. docs/operations.md.

create table runs (
  run_id integer primary key,
  started_at timestamptz not null,
  finished_at timestamptz,          -- null while running, or when the run was killed
  inbox varchar not null,
  files_seen integer not null default 0,      -- files in the inbox
  files_loaded integer not null default 0,    -- new files that loaded
  files_skipped integer not null default 0,   -- already ingested (same SHA-256, whatever the name)
  files_rejected integer not null default 0,
  rejected_json varchar,            -- [{path, reason}] for each rejected file
  rows_json varchar,                -- rows added per canonical table, as JSON
  ingest_seconds double,
  transform_seconds double,         -- null when transforms did not run
  build_seconds double,             -- null when no site was built
  outcome varchar not null,         -- running, nothing_new, ok, rejected_files, failed
  error varchar,
  exit_code integer,
  publish_pending boolean           -- loaded data whose marts or site were not rebuilt (failed): the next run does it
);

-- Every file a run found in its inbox, by content: the next run skips what it has seen, whatever the name.
create table inbox_files (
  run_id integer not null,
  path varchar not null,
  sha256 varchar not null,
  bytes bigint not null,
  mtime timestamptz,                -- with path and bytes, lets an unchanged file skip re-hashing
  status varchar not null,          -- loaded, duplicate, rejected, ignored
  reason varchar                    -- why it was rejected
);
